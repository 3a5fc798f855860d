// Webview content lives in nested iframes (the webview host frame, then its active frame), so
// look through every frame of the page for it.
import type { Locator, Page } from 'playwright-core';

export interface FindOptions {
  timeoutMs?: number;
  /** Only elements whose text contains this. */
  hasText?: string | RegExp;
}

/** The elements matching `selector` in the first frame that has any, waiting for one to appear. */
export async function findInFrames(page: Page, selector: string, options: FindOptions = {}): Promise<Locator> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const locator = frame.locator(selector, options.hasText === undefined ? {} : { hasText: options.hasText });
      const count = await locator.count().catch(() => 0); // A frame can detach while we look.
      if (count > 0) return locator;
    }
    if (Date.now() > deadline) {
      throw new Error(`no frame of ${page.frames().length} has "${selector}"${options.hasText ? ` with text ${String(options.hasText)}` : ''} after ${timeoutMs / 1000} s`);
    }
    await page.waitForTimeout(200);
  }
}
