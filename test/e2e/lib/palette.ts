// The command palette and quick picks, used the way a person uses them: keys and clicks.
import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';
const ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

export function quickInput(page: Page): Locator {
  return page.locator(QUICK_INPUT);
}

/** Opens the command palette with Control+Shift+P, retrying while the workbench is still wiring its keys. */
export async function openPalette(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    try {
      await quickInput(page).locator('input').waitFor({ state: 'visible', timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`the command palette did not open after ${attempt} tries of Control+Shift+P: ${String(error)}`);
    }
  }
}

/** Types `text` after the palette's ">" and returns the labels of the entries it shows. */
export async function paletteEntries(page: Page, text: string): Promise<string[]> {
  await openPalette(page);
  await quickInput(page).locator('input').fill(`>${text}`);
  await page.locator(ROWS).first().waitFor({ state: 'visible' });
  return quickPickLabels(page);
}

/** The labels of the rows the open quick pick shows. */
export async function quickPickLabels(page: Page): Promise<string[]> {
  const labels = await page.locator(`${ROWS} .label-name`).allTextContents();
  return labels.map((label) => label.replace(/\s+/g, ' ').trim());
}

/** The row of the open quick pick whose label is exactly `label`. */
function rowLabelled(page: Page, label: string): Locator {
  const exact = new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
  return page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

/** Clicks the row of the open quick pick whose label is exactly `label`. */
export async function chooseQuickPickItem(page: Page, label: string): Promise<void> {
  const row = rowLabelled(page, label);
  try {
    await row.waitFor({ state: 'visible' });
  } catch {
    throw new Error(`no quick pick entry "${label}"; it shows: ${JSON.stringify(await quickPickLabels(page))}`);
  }
  await row.click();
}

/**
 * Runs a command by its palette title, e.g. "Raft: Start Cluster". A command whose `when` clause
 * turns true a moment later (the extension still activating) shows up when the palette is opened
 * again, as it would for a person, so this reopens it until `timeoutMs`.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await openPalette(page);
    await quickInput(page).locator('input').fill(`>${title}`);
    const row = rowLabelled(page, title);
    if (await row.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false)) {
      await row.click();
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`no palette entry "${title}" within ${timeoutMs / 1000} s; it shows: ${JSON.stringify(await quickPickLabels(page))}`);
    }
    await closeQuickInput(page);
  }
}

/** Types into an open input box (e.g. a cluster size prompt) and presses Enter. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
}

export async function closeQuickInput(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await quickInput(page).waitFor({ state: 'hidden' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
