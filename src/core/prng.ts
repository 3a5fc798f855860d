// The simulation's only source of randomness: a seeded PRNG (mulberry32), so a seed replays a run.
// 32 bits of state fit in a snapshot as one number and give the same sequence on every machine.

export class Prng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  get state(): number {
    return this.s;
  }

  set state(value: number) {
    this.s = value >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p (draws nothing when p is 0, so a lossless network costs no draws). */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
}
