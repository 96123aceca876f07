/**
 * A one-line progress display on stderr for long runs: `amlint: 120/530 files  src/train.py`.
 *
 * Shown only when stderr is a terminal, `CI` is not set, `TERM` is not `dumb` and
 * `AMLINT_NO_PROGRESS` is not set; and only once a run has taken more than half a second, so
 * quick runs never flicker. The line is redrawn at most ten times a second and erased at the
 * end, so it never mixes with the report (which goes to stdout or --output-file).
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

export function progressWanted(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  if (!stream.isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false') return false;
  if (env.TERM === 'dumb' || env.AMLINT_NO_PROGRESS) return false;
  return true;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private frame = 0;
  private shown = false;

  private constructor(
    private readonly stream: ProgressStream,
    private readonly delayMs: number,
  ) {}

  /** A progress display, or undefined when it must not be shown (not a TTY, CI...). */
  static create(stream: ProgressStream = process.stderr, env: NodeJS.ProcessEnv = process.env, delayMs = 500): Progress | undefined {
    return progressWanted(stream, env) ? new Progress(stream, delayMs) : undefined;
  }

  update(done: number, total: number, current?: string): void {
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.last < 100) return;
    this.last = now;
    this.frame = (this.frame + 1) % FRAMES.length;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    let line = `${FRAMES[this.frame]} amlint: ${done}/${total} files`;
    if (current) line += `  ${current}`;
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Erases the line (if anything was drawn). */
  end(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
