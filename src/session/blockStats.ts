// How long each pacing slice held the extension host's thread: the responsiveness budget is
// "never more than 30 ms at a time", so the session keeps the maximum and a recent percentile.

export interface BlockSummary {
  readonly slices: number;
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

const WINDOW = 4096;

export class BlockStats {
  private readonly recent = new Float64Array(WINDOW);
  private count = 0;
  private max = 0;
  private total = 0;

  add(durationMs: number): void {
    this.recent[this.count % WINDOW] = durationMs;
    this.count++;
    this.total += durationMs;
    if (durationMs > this.max) this.max = durationMs;
  }

  reset(): void {
    this.count = 0;
    this.max = 0;
    this.total = 0;
  }

  /** max and mean over every slice since the last reset; p99 over the most recent 4096. */
  summary(): BlockSummary {
    const n = Math.min(this.count, WINDOW);
    const sorted = Array.from(this.recent.subarray(0, n)).sort((a, b) => a - b);
    const p99 = n === 0 ? 0 : sorted[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]!;
    return { slices: this.count, maxMs: this.max, p99Ms: p99, meanMs: this.count === 0 ? 0 : this.total / this.count };
  }
}
