// The panel's HTML: one stylesheet and one nonce'd script, both from the extension's own folders,
// under a CSP that allows nothing else (no inline script or style, no network). Every value put
// into the markup is escaped.
import { randomBytes } from 'crypto';

export interface WebviewHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    // The nonce lets the toolkit's one probe <style> (FAST's focus-visible test) in; nothing else inline.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function webviewHtml(o: WebviewHtmlOptions): string {
  const e = escapeHtml;
  // data-vscode-context on body: no Cut/Copy/Paste menu on empty space; nodes add their own context.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${e(o.nonce)}">
<link rel="stylesheet" href="${e(o.styleUri)}">
<title>${e(o.title)}</title>
</head>
<body data-vscode-context="${e(JSON.stringify({ preventDefaultContextMenuItems: true }))}">
<div id="app"></div>
<script nonce="${e(o.nonce)}" src="${e(o.scriptUri)}"></script>
</body>
</html>`;
}
