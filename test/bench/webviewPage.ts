// Serves the real panel (dist/webview.js, media/webview.css, the HTML and CSP the extension uses)
// from 127.0.0.1 and opens it in headless Chromium with a stand-in for acquireVsCodeApi, so the
// bench and the screenshot script exercise exactly what ships.
import { createServer, type Server } from 'http';
import { existsSync, readFileSync } from 'fs';
import { dirname, join, normalize } from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeNonce, webviewHtml } from '../../src/vscode/webviewHtml';
import type { PageGlobals } from './pageGlobals';

/** The repository root: the nearest folder above this file with a package.json (works compiled or bundled). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export type Theme = 'dark' | 'light' | 'hc';

const FILES: Record<string, string> = {
  '/dist/webview.js': 'dist/webview.js',
  '/media/webview.css': 'media/webview.css',
  '/theme/dark.css': 'test/bench/themes/dark.css',
  '/theme/light.css': 'test/bench/themes/light.css',
  '/theme/hc.css': 'test/bench/themes/hc.css',
};

export interface PanelHost {
  readonly url: string;
  readonly browser: Browser;
  /** `quiet`: do not echo the page's warnings (a fuzz run logs one per malformed message). */
  open(opts: { width: number; height: number; theme: Theme; reduceMotion?: boolean; quiet?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export async function startPanelHost(): Promise<PanelHost> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(webviewHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/webview.css`, title: 'Raft Cluster' }));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = FILES[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
    res.end(readFileSync(join(ROOT, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url: origin,
    browser,
    async open({ width, height, theme, reduceMotion = false, quiet = false }) {
      const page = await browser.newPage({ viewport: { width, height }, reducedMotion: reduceMotion ? 'reduce' : 'no-preference' });
      page.on('console', (m) => {
        if (m.type() === 'error' || (m.type() === 'warning' && !quiet)) console.error(`[page ${m.type()}] ${m.text()}`);
      });
      page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
      await page.addInitScript(STUB);
      await page.goto(`${origin}/`);
      await page.addStyleTag({ url: `${origin}/theme/${theme}.css` });
      await page.evaluate((cls) => (globalThis as unknown as PageGlobals).document.body.classList.add(...cls), THEME_CLASSES[theme]);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const THEME_CLASSES: Record<Theme, string[]> = {
  dark: ['vscode-dark'],
  light: ['vscode-light'],
  hc: ['vscode-high-contrast'],
};

/**
 * Stands in for VS Code's webview API: records what the panel posts and keeps its state; reports
 * CSP violations so a policy regression fails loudly.
 */
const STUB = `
  window.__posted = [];
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));
  let state;
  Object.defineProperty(window, '__state', { get: () => state });
  window.__warnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => { window.__warnings.push(args.join(' ')); warn(...args); };
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => state,
    setState: (s) => { state = s; },
  });
`;

export async function postToPanel(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (globalThis as unknown as PageGlobals).window.postMessage(m, '*'), message as never);
}
