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

/** Clicks the row of the open quick pick whose label is exactly `label`. */
export async function chooseQuickPickItem(page: Page, label: string): Promise<void> {
  const row = page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  try {
    await row.first().waitFor({ state: 'visible' });
  } catch {
    throw new Error(`no quick pick entry "${label}"; it shows: ${JSON.stringify(await quickPickLabels(page))}`);
  }
  await row.first().click();
}

/** Runs a command by its palette title, e.g. "Raft: Start Cluster". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await paletteEntries(page, title);
  await chooseQuickPickItem(page, title);
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
