// Plain formatting of the numbers the panel shows, and the speed slider's log scale.
import { MAX_SPEED, MIN_SPEED } from '../../src/protocol/messages';

/** Simulated ms as seconds with millisecond precision: "12.345 s". */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export const SPEED_STEPS = 1000;
const LOG_MIN = Math.log10(MIN_SPEED);
const LOG_MAX = Math.log10(MAX_SPEED);

export function speedToSlider(speed: number): number {
  const s = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
  return Math.round(((Math.log10(s) - LOG_MIN) / (LOG_MAX - LOG_MIN)) * SPEED_STEPS);
}

/** Slider position to a speed, snapped to 1-2-5 steps near round values so 1x is reachable exactly. */
export function sliderToSpeed(position: number): number {
  const f = Math.min(SPEED_STEPS, Math.max(0, position)) / SPEED_STEPS;
  const raw = Math.pow(10, LOG_MIN + f * (LOG_MAX - LOG_MIN));
  const decade = Math.pow(10, Math.floor(Math.log10(raw) + 1e-9));
  for (const m of [1, 2, 5, 10]) {
    if (Math.abs(raw - m * decade) / (m * decade) < 0.04) return Math.min(MAX_SPEED, Math.max(MIN_SPEED, m * decade));
  }
  return Number(raw.toPrecision(2));
}

/** One speed step up or down the 1-2-5 ladder (keyboard + and -). */
export function nudgeSpeed(speed: number, direction: 1 | -1): number {
  const ladder: number[] = [];
  for (let e = -3; e <= 2; e++) for (const m of [1, 2, 5]) ladder.push(m * Math.pow(10, e));
  const values = ladder.map((v) => Number(v.toPrecision(1))).filter((v) => v >= MIN_SPEED && v <= MAX_SPEED);
  if (direction > 0) return values.find((v) => v > speed * 1.0001) ?? MAX_SPEED;
  return [...values].reverse().find((v) => v < speed * 0.9999) ?? MIN_SPEED;
}
