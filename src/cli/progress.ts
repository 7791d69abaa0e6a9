// A progress line on stderr for long scans: only on a terminal, and only once the work has taken
// more than a second (a quick run prints nothing).
import type { CliIo } from './io.js';

/** Shows `label: N` (or `N/total`) on stderr, redrawn at most every 100 ms, after the first second. */
export class Progress {
  private readonly started = Date.now();
  private drawn = 0;
  private shown = false;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
    private readonly total?: number,
  ) {}

  /** Reports that `count` items are done. */
  tick(count: number): void {
    if (!this.enabled()) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.drawn < 100) return;
    this.drawn = now;
    this.shown = true;
    const bar = this.total ? ` [${'#'.repeat(Math.round((count / this.total) * 20)).padEnd(20, '.')}] ${count}/${this.total}` : ` ${count}`;
    this.io.stderr(`\r${this.label}:${bar}`);
  }

  /** Clears the line, if one was drawn. */
  done(): void {
    if (this.shown) this.io.stderr('\r\u001b[2K');
  }

  private enabled(): boolean {
    return Boolean(process.stderr.isTTY) && this.io.isTTY;
  }
}
