// Opens the VS Code workbench in a fresh browser context, with the extension under development
// loaded (as a person would see it after `npm start`), on a fresh workspace folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { workbenchUrl } from '../../harness/codeServer';
import { repoRoot } from '../../harness/paths';
import { environment, trackPage } from './environment';

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
    await waitForExtension(page, server.logFile);
  } catch (error) {
    await close();
    throw error;
  }
  return { page, context, folder, close };
}

/**
 * Waits until the workbench has registered the extension's contributions: its "Raft" activity-bar
 * container shows. The shell appears before the extension host reports its extensions, and a
 * command palette opened before then lacks the extension's commands.
 */
async function waitForExtension(page: Page, serverLog: string): Promise<void> {
  try {
    await page.locator('.part.activitybar .action-item a[aria-label^="Raft"]').first().waitFor({ state: 'attached', timeout: WORKBENCH_TIMEOUT_MS });
  } catch {
    throw new Error(`the Raft activity-bar container never appeared: the extension under development did not load (see ${serverLog})`);
  }
}

/** Waits until the workbench shell is up: its root element, the activity bar and the status bar. */
export async function waitForWorkbench(page: Page): Promise<void> {
  for (const selector of ['.monaco-workbench', '.part.activitybar', '.part.statusbar']) {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  }
}
