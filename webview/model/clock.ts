// The simulated time the graph draws at. Between host snapshots it advances at the session's speed
// from the last snapshot, so messages glide instead of jumping at each arrival; it is exact while
// paused, never runs far ahead of the host, never runs backwards while playing, and eases forward
// over a step so a single event is seen to happen.

export interface ClockSample {
  readonly simTime: number;
  readonly paused: boolean;
  /** Simulated ms per wall ms actually achieved. */
  readonly rate: number;
}

/** How long, in wall ms, the clock may extrapolate past the last snapshot before it waits for the host. */
export const MAX_LEAD_WALL_MS = 250;
/** A paused step forward no longer than this (in simulated ms) is eased over STEP_EASE_WALL_MS. */
export const STEP_EASE_SIM_MS = 5_000;
export const STEP_EASE_WALL_MS = 320;

export class SimClock {
  private baseSim = 0;
  private baseWall = 0;
  private rate = 0;
  private paused = true;
  private lastShown = 0;
  private easeFrom: number | null = null;
  private smooth = true;

  /** With `smooth` false (reduced motion) time moves only when snapshots arrive. */
  setSmooth(smooth: boolean): void {
    this.smooth = smooth;
  }

  /** A new snapshot arrived at wall time `wall`. `jumped` = the host sought or stepped back. */
  update(sample: ClockSample, wall: number, jumped: boolean): void {
    const shown = this.lastShown;
    const wasPaused = this.paused;
    this.baseSim = sample.simTime;
    this.baseWall = wall;
    this.rate = sample.rate;
    this.paused = sample.paused;
    this.easeFrom = null;
    if (!this.smooth || jumped) {
      this.lastShown = sample.simTime;
      return;
    }
    if (sample.paused && wasPaused && sample.simTime > shown && sample.simTime - shown <= STEP_EASE_SIM_MS) {
      this.easeFrom = shown;
    }
    // While playing, a snapshot slightly behind what is already drawn must not pull time back.
    if (!sample.paused && shown > sample.simTime && shown - sample.simTime <= this.rate * MAX_LEAD_WALL_MS) {
      this.baseSim = shown;
    }
  }

  now(wall: number): number {
    let t: number;
    if (this.easeFrom !== null) {
      const f = Math.min(1, Math.max(0, (wall - this.baseWall) / STEP_EASE_WALL_MS));
      t = this.easeFrom + (this.baseSim - this.easeFrom) * easeInOut(f);
      if (f >= 1) this.easeFrom = null;
    } else if (this.paused || !this.smooth) {
      t = this.baseSim;
    } else {
      const lead = Math.min(Math.max(wall - this.baseWall, 0), MAX_LEAD_WALL_MS);
      t = this.baseSim + lead * this.rate;
    }
    if (!this.paused && this.smooth && t < this.lastShown) t = this.lastShown;
    this.lastShown = t;
    return t;
  }

  /** True while another frame would show a different time. */
  moving(wall: number): boolean {
    if (!this.smooth) return false;
    if (this.easeFrom !== null) return true;
    return !this.paused && this.rate > 0 && wall - this.baseWall < MAX_LEAD_WALL_MS;
  }
}

function easeInOut(f: number): number {
  return f < 0.5 ? 2 * f * f : 1 - Math.pow(-2 * f + 2, 2) / 2;
}
