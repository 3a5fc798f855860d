// Measures the simulated-ms-per-wall-ms rate actually achieved over the last second, so the UI can
// say "running at 37x" when the requested speed is more than the simulation can do in its budget.

interface Sample {
  readonly wall: number;
  readonly sim: number;
}

const WINDOW_MS = 1000;

export class RateMeter {
  private samples: Sample[] = [];
  private lastBehindAt = -Infinity;

  reset(): void {
    this.samples = [];
    this.lastBehindAt = -Infinity;
  }

  /** Records where the clocks stood after a slice, and whether the slice fell short of its target. */
  add(wall: number, sim: number, behind: boolean): void {
    this.samples.push({ wall, sim });
    while (this.samples.length > 2 && wall - this.samples[0]!.wall > WINDOW_MS) this.samples.shift();
    if (behind) this.lastBehindAt = wall;
  }

  /** The achieved rate if any slice in the last second fell behind, else `null` (keeping up). */
  achieved(now: number): number | null {
    if (now - this.lastBehindAt > WINDOW_MS || this.samples.length < 2) return null;
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    const wall = last.wall - first.wall;
    return wall > 0 ? (last.sim - first.sim) / wall : null;
  }
}
