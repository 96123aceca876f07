/**
 * Server logging. Everything goes to the client's log (`window/logMessage`), never to stdout,
 * which carries the protocol. `amlint.trace.server` sets how much: errors and warnings always;
 * "messages" adds one line per notable event; "verbose" adds per-analysis timings. Verbose lines
 * also go to `$/logTrace` when the client turned tracing on with `$/setTrace`.
 */
import { inspect } from 'node:util';
import type { Connection } from 'vscode-languageserver/node';
import type { TraceLevel } from './settings';

export class Logger {
  level: TraceLevel = 'off';

  constructor(private readonly connection: Connection) {}

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    this.connection.console.error(detail ? `${message}: ${detail}` : message);
  }

  warn(message: string): void {
    this.connection.console.warn(message);
  }

  info(message: string): void {
    if (this.level !== 'off') this.connection.console.info(message);
  }

  debug(message: string): void {
    if (this.level === 'verbose') this.connection.console.log(message);
    this.connection.tracer.log(message);
  }
}

function serialize(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}

/** From here on console.* writes to the client's log instead of stdout. */
export function redirectConsole(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(serialize(args));
  console.info = (...args: unknown[]) => connection.console.info(serialize(args));
  console.debug = (...args: unknown[]) => connection.console.log(serialize(args));
  console.warn = (...args: unknown[]) => connection.console.warn(serialize(args));
  console.error = (...args: unknown[]) => connection.console.error(serialize(args));
}

/** Before a connection exists (or when it is IPC), console.* goes to stderr. */
export function consoleToStderr(): void {
  const write = (...args: unknown[]) => {
    process.stderr.write(`${serialize(args)}\n`);
  };
  console.log = write;
  console.info = write;
  console.debug = write;
  console.warn = write;
  console.error = write;
}
