// Opens the VS Code workbench in a fresh browser context, with the extension under development
// loaded (as a person would see it after `npm start`), on a fresh workspace folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { workbenchUrl } from '../../harness/codeServer';
import { repoRoot } from '../../harness/paths';
import { environment, trackPage } from './environment';
import { closeQuickInput, openPalette, quickInput } from './palette';

export const WORKBENCH_TIMEOUT_MS = 60_000;

export interface WorkbenchOptions {
  /** Files to create in the workspace first: relative path -> content. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The workspace folder the workbench has open. */
  readonly folder: string;
  close(): Promise<void>;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const { server, browser } = await environment();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'raft-e2e-workspace-'));
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    fs.writeFileSync(path.join(folder, relative), content);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const untrack = trackPage(page);
  const close = async (): Promise<void> => {
    untrack();
    await context.close().catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot }), { timeout: WORKBENCH_TIMEOUT_MS });
    await waitForWorkbench(page);
  } catch (error) {
    await close();
    throw error;
  }
  return { page, context, folder, close };
}

/**
 * Waits until the workbench shell is up (its root element, the activity bar and the status bar)
 * and the extension's commands are in the command palette. The shell appears before the extension
 * host reports its extensions (after a reload it even shows the Raft icon from its cache), and a
 * palette opened before then lacks the extension's commands. Call it again after a page reload.
 */
export async function waitForWorkbench(page: Page): Promise<void> {
  for (const selector of ['.monaco-workbench', '.part.activitybar', '.part.statusbar']) {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  }
  const deadline = Date.now() + WORKBENCH_TIMEOUT_MS;
  for (;;) {
    await openPalette(page);
    await quickInput(page).locator('input').fill('>Raft:');
    const found = await quickInput(page)
      .locator('.monaco-list-row .label-name', { hasText: /^\s*Raft:/ })
      .first()
      .waitFor({ state: 'visible', timeout: 2000 })
      .then(() => true, () => false);
    await closeQuickInput(page);
    if (found) return;
    if (Date.now() > deadline) {
      const { server } = await environment();
      throw new Error(`no "Raft:" command reached the palette within ${WORKBENCH_TIMEOUT_MS / 1000} s: the extension under development did not load (see ${server.logFile})`);
    }
  }
}
