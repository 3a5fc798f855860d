// How long each pacing slice held the extension host's thread: the responsiveness budget is
// "never more than 30 ms at a time", so the session keeps the maximum and a recent percentile.
// Wall time overstates the slice's own work on a loaded machine (it includes time the process was
// descheduled); process CPU time overstates it too (it includes other threads, such as GC helpers).
// The thread's own CPU time is at most the smaller of the two, so that bound is kept as well.

export interface Series {
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

export interface BlockSummary extends Series {
  readonly slices: number;
  /** Per slice min(wall, process CPU): a bound on the thread's own work; `null` without a CPU clock. */
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
    if (cpuMs !== null) this.cpu.add(Math.min(wallMs, cpuMs));
  }

  reset(): void {
    this.wall = new Durations();
    this.cpu = new Durations();
  }

  summary(): BlockSummary {
    return { slices: this.wall.size, ...this.wall.series(), cpu: this.cpu.size > 0 ? this.cpu.series() : null };
  }
}
