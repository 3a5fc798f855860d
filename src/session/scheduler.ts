// Wall-clock time and timers, injected so the session's pacing can be driven by fake time in tests.
// The real one uses Node's timers; nothing here imports 'vscode'.

export interface TimerHandle {
  readonly id: unknown;
}

export interface Scheduler {
  /** Monotonic wall-clock milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => ({ id: setTimeout(callback, delayMs) }),
  clearTimeout: (handle) => clearTimeout(handle.id as ReturnType<typeof setTimeout>),
};
