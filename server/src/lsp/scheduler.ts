/**
 * Per-target scheduling of diagnostics runs. An isolated edit runs at once (on the next turn of
 * the event loop, after the notifications already received); while edits keep coming, a target
 * runs at most once per `interval`, the last run always seeing the latest text. So a burst of
 * keystrokes costs two analyses, not one per keystroke, and typing still gets feedback.
 *
 * `interval` may depend on the target: the server makes it a multiple of the target's last
 * analysis time, so a document that analyses in 10 ms is re-checked after every keystroke of
 * normal typing, and one that takes 300 ms cannot keep the server busy all the time.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly interval: number | ((key: string) => number),
    private readonly run: (key: string) => void,
  ) {}

  schedule(key: string): void {
    if (this.timers.has(key)) return; // a run is already due and will see the newest state
    const since = Date.now() - (this.lastRun.get(key) ?? -Infinity);
    const interval = typeof this.interval === 'number' ? this.interval : this.interval(key);
    const wait = since >= interval ? 0 : interval - since;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lastRun.set(key, Date.now());
        this.run(key);
      }, wait),
    );
  }

  /** Drops a due run (the target closed). */
  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
