// Wall-clock time and timers, injected so the session's pacing can be driven by fake time in tests.
// The real one uses Node's timers and CPU clock; nothing here imports 'vscode'.

export interface TimerHandle {
  readonly id: unknown;
}

export interface Scheduler {
  /** Monotonic wall-clock milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Milliseconds of CPU the process has used, if known (to tell work from being descheduled). */
  cpuNow?(): number;
}

export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => ({ id: setTimeout(callback, delayMs) }),
  clearTimeout: (handle) => clearTimeout(handle.id as ReturnType<typeof setTimeout>),
  cpuNow: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};
