// The activity bar, view panes, tree rows, context menus and notifications.
import type { Locator, Page } from 'playwright-core';

/** Clicks the activity-bar icon titled `title` (e.g. "Raft") and waits for its side bar. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const icon = page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`);
  await icon.first().click();
  await page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(title, 'i') }).first().waitFor({ state: 'visible' });
}

/** The pane (header and body) of the view named `name` (e.g. "Nodes"). */
export function viewPane(page: Page, name: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator(`.pane-header[aria-label^="${name}"]`) });
}

/** The rows of the tree in view `name`. */
export function treeRows(page: Page, name: string): Locator {
  return viewPane(page, name).locator('.monaco-list-row');
}

/** Right-clicks `target` (in the workbench or inside a webview) and chooses `item` from the menu. */
export async function chooseFromContextMenu(page: Page, target: Locator, item: string): Promise<void> {
  await target.click({ button: 'right' });
  const entry = page.locator('.monaco-menu .action-item .action-label', { hasText: item });
  try {
    await entry.first().waitFor({ state: 'visible' });
  } catch {
    const shown = await page.locator('.monaco-menu .action-item .action-label').allTextContents();
    throw new Error(`no context menu item "${item}"; the menu shows: ${JSON.stringify(shown)}`);
  }
  await entry.first().click();
}

/** The messages of the notifications on screen now. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return page.locator('.notification-toast .notification-list-item-message').allTextContents();
}
