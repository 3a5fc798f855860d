// How long each pacing slice held the extension host's thread: the responsiveness budget is
// "never more than 30 ms at a time", so the session keeps the maximum and a recent percentile,
// in wall time and (where the scheduler can tell) in CPU time: on a loaded machine the wall time
// of a slice includes time the whole process was descheduled, which no slicing can prevent.

export interface Series {
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

export interface BlockSummary extends Series {
  readonly slices: number;
  /** The same figures in process CPU time; `null` when the scheduler has no CPU clock. */
  readonly cpu: Series | null;
}

const WINDOW = 4096;

class Durations {
  private readonly recent = new Float64Array(WINDOW);
  private count = 0;
  private max = 0;
  private total = 0;

  add(ms: number): void {
    this.recent[this.count % WINDOW] = ms;
    this.count++;
    this.total += ms;
    if (ms > this.max) this.max = ms;
  }

  get size(): number {
    return this.count;
  }

  /** max and mean over everything since the last reset; p99 over the most recent 4096. */
  series(): Series {
    const n = Math.min(this.count, WINDOW);
    const sorted = Array.from(this.recent.subarray(0, n)).sort((a, b) => a - b);
    const p99 = n === 0 ? 0 : sorted[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]!;
    return { maxMs: this.max, p99Ms: p99, meanMs: this.count === 0 ? 0 : this.total / this.count };
  }
}

export class BlockStats {
  private wall = new Durations();
  private cpu = new Durations();

  add(wallMs: number, cpuMs: number | null): void {
    this.wall.add(wallMs);
    if (cpuMs !== null) this.cpu.add(cpuMs);
  }

  reset(): void {
    this.wall = new Durations();
    this.cpu = new Durations();
  }

  summary(): BlockSummary {
    return { slices: this.wall.size, ...this.wall.series(), cpu: this.cpu.size > 0 ? this.cpu.series() : null };
  }
}
