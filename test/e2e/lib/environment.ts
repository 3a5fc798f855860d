// One code-server (with nothing installed but its built-ins) and one Chromium for the whole e2e
// run, started on first use. Every workbench gets its own browser context, so its own extension
// host and UI state; the runner shuts everything down at the end.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { startCodeServer, type CodeServer } from '../../harness/codeServer';

export interface Environment {
  readonly server: CodeServer;
  readonly browser: Browser;
}

let started: Promise<Environment> | undefined;
const openPages = new Set<Page>();

export function environment(): Promise<Environment> {
  started ??= (async () => {
    const server = await startCodeServer('e2e');
    try {
      return { server, browser: await launchChromium() };
    } catch (error) {
      await server.stop();
      throw error;
    }
  })();
  return started;
}

export async function shutdownEnvironment(): Promise<void> {
  if (!started) return;
  const pending = started;
  started = undefined;
  const env = await pending.catch(() => undefined);
  if (!env) return;
  await env.browser.close().catch(() => undefined);
  await env.server.stop();
}

/** Pages of workbenches that are still open, for screenshots when a test fails. */
export function livePages(): readonly Page[] {
  return [...openPages];
}

export function trackPage(page: Page): () => void {
  openPages.add(page);
  return () => openPages.delete(page);
}
