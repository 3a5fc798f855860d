// Study mode in the browser workbench, as a student uses it: open a lesson from the palette, press
// its "Step through" lens, then Step (the lens, then F10): the marked line of the lesson moves down
// the file with the events. Show Code for Event opens the core's source at the rule.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chooseQuickPickItem, openWorkbench, runCommand, screenshot, type Workbench } from './lib';

const LESSON = 'Lesson 2: The leader crashes and the cluster elects another';
const FILE = '02-leader-crash.raft';

/**
 * Runs in the page: for each editor, the 1-based line numbers painted with the theme colour
 * `variable` (a whole-line decoration). (A string, because test/ compiles without DOM types.)
 */
function markedLinesScript(variable: string): string {
  return `(() => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'var(${variable})';
    document.querySelector('.monaco-workbench').appendChild(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const lines = [];
    for (const editor of Array.from(document.querySelectorAll('.monaco-editor'))) {
      for (const el of Array.from(editor.querySelectorAll('.view-overlays .cdr'))) {
        if (getComputedStyle(el).backgroundColor !== colour) continue;
        const top = el.parentElement.style.top;
        const row = Array.from(editor.querySelectorAll('.margin-view-overlays > div')).find((d) => d.style.top === top);
        const number = row && row.querySelector('.line-numbers');
        if (number) lines.push(Number(number.textContent.trim()));
      }
    }
    return lines;
  })()`;
}

/** Lines marked as the scenario's current line (the debugger's stack-frame colour). */
async function markedLines(page: Page): Promise<number[]> {
  return page.evaluate<number[]>(markedLinesScript('--vscode-editor-stackFrameHighlightBackground'));
}

/** Lines of the core source highlighted by Show Code (the focused stack frame's colour). */
async function codeLines(page: Page): Promise<number[]> {
  return page.evaluate<number[]>(markedLinesScript('--vscode-editor-focusedStackFrameHighlightBackground'));
}

async function untilMarked(page: Page, line: number, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen: number[] = [];
  while (Date.now() < deadline) {
    seen = await markedLines(page);
    if (seen.length === 1 && seen[0] === line) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: expected line ${line} marked, the editor marks ${JSON.stringify(seen)}`);
}

describe('study mode: a lesson stepped through in the browser workbench', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('opens a lesson from the palette, read-only, with Run and Step through above its start line', async () => {
    const { page } = workbench;
    await page.locator('.part.activitybar .action-item a[aria-label^="Raft"]').first().waitFor({ state: 'visible' });
    await runCommand(page, 'Raft: Open Lesson…');
    await chooseQuickPickItem(page, LESSON);
    await page.locator('.tabs-container .tab', { hasText: FILE }).waitFor({ state: 'visible' });
    await page.locator('.codelens-decoration a', { hasText: 'Step through' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator('.codelens-decoration a', { hasText: 'Run' }).count() >= 1, true);
    // Typing into the lesson changes nothing: it is read-only.
    const firstLine = () => page.locator('.monaco-editor .view-line').first().textContent();
    const before = await firstLine();
    await page.keyboard.press('Control+1');
    await page.keyboard.type('typed');
    assert.equal(await firstLine(), before);
    await screenshot(page, 'study-lesson-open');
  });

  it('Step through marks the start line; each Step moves the mark down to the line behind the event', async () => {
    const { page } = workbench;
    await page.locator('.codelens-decoration a', { hasText: 'Step through' }).click();
    await untilMarked(page, 3, 'after Step through');
    await screenshot(page, 'study-step-start');
    // The first event comes from "run until leader" (line 6).
    await page.locator('.codelens-decoration a', { hasText: /Step$/ }).click();
    await untilMarked(page, 6, 'after one Step');
    // F10 in the lesson's editor steps on; the election takes 14 events, then "run 1s" (line 8) runs.
    // Focus the lesson's editor (the first editor group) without moving its view.
    await page.keyboard.press('Control+1');
    let marked: number[] = [];
    for (let press = 0; press < 40 && marked[0] !== 8; press++) {
      await page.keyboard.press('F10');
      await new Promise((r) => setTimeout(r, 150));
      marked = await markedLines(page);
      assert.ok(marked.length === 1 && (marked[0] === 6 || marked[0] === 8), `after ${press + 1} presses the editor marks ${JSON.stringify(marked)}`);
    }
    await untilMarked(page, 8, 'after stepping through the election');
    await screenshot(page, 'study-step-moved');
  });

  it('Show Code for Event opens the rule of the current event in the core source', async () => {
    const { page } = workbench;
    await runCommand(page, 'Raft: Show Code for Event');
    await page.locator('.tabs-container .tab', { hasText: 'election.ts' }).first().waitFor({ state: 'visible' });
    // The current event (#15) is a vote reply counted by its candidate: the marker and the code under it.
    const deadline = Date.now() + 10_000;
    while ((await codeLines(page)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const lines = await codeLines(page);
    assert.equal(lines.length, 2, `the source marks ${JSON.stringify(lines)}`);
    assert.equal(lines[1], lines[0]! + 1);
    // Editors render spaces as no-break spaces.
    const text = (await page.locator('.monaco-editor .view-line').allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.ok(text.some((t) => t.includes('@rule raft.vote.count')), 'the rule marker is in view');
    await screenshot(page, 'study-show-code');
    // Step on: the highlight follows to the next event's rule.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('F10');
    const moved = Date.now() + 10_000;
    let next = await codeLines(page);
    while ((next.length !== 2 || next[0] === lines[0]) && Date.now() < moved) {
      await new Promise((r) => setTimeout(r, 100));
      next = await codeLines(page);
    }
    assert.equal(next.length, 2, `after a step the source marks ${JSON.stringify(next)}`);
    assert.notDeepEqual(next, lines, 'the highlight moved to the next event\'s rule');
    await screenshot(page, 'study-show-code-stepped');
  });
});

describe('study mode: the "Get started with Raft Cluster" walkthrough', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  /** Whether the walkthrough shows the step titled `title` as done. */
  async function stepDone(page: Page, title: string): Promise<boolean> {
    const step = page.locator('.getting-started-step', { hasText: title });
    return (await step.locator('.codicon-getting-started-step-checked').count()) === 1;
  }

  it('lists its five steps, and each is checked off when its command runs', async () => {
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await chooseQuickPickItem(page, 'Get started with Raft Cluster');
    const titles = ['Start a cluster', 'Crash the leader', 'Step through an election', 'Open a lesson', 'Show code for an event'];
    for (const title of titles) await page.locator('.getting-started-step', { hasText: title }).waitFor({ state: 'visible' });
    for (const title of titles) assert.equal(await stepDone(page, title), false, `${title} starts unchecked`);
    await runCommand(page, 'Raft: Open Lesson…');
    await chooseQuickPickItem(page, 'Lesson 1: The first election');
    await page.locator('.tabs-container .tab.active', { hasText: '01-first-election.raft' }).waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).click();
    const deadline = Date.now() + 10_000;
    while (!(await stepDone(page, 'Open a lesson')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await stepDone(page, 'Open a lesson'), true, 'Open a lesson is checked off');
    assert.equal(await stepDone(page, 'Start a cluster'), false);
    await page.locator('.getting-started-step', { hasText: 'Open a lesson' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'study-walkthrough');
  });
});
