// The page's globals as seen from page.evaluate callbacks. Tests compile without the DOM library
// (they run in Node), so the few browser names those callbacks use are typed here, narrowly. Use
// inside a callback as `const page = globalThis as unknown as PageGlobals` (types only: the
// callback's source runs in the browser, where it can reach no import).
export interface PageGlobals {
  readonly window: {
    postMessage(message: unknown, targetOrigin: string): void;
  };
  readonly document: { readonly body: { readonly classList: { add(...tokens: string[]): void } } };
  readonly __posted: unknown[];
  readonly __cspViolations: string[];
  readonly __warnings: string[];
  readonly __state: unknown;
  readonly __frameWork: number[];
  readonly __frameIntervals: number[];
  __snapshots: unknown[];
}
