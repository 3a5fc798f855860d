// One prefix for everything the harness itself says, so it stands out from test output.
export function say(message: string): void {
  process.stderr.write(`[harness] ${message}\n`);
}

/** The message of anything thrown, for reports. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
