import { randomBytes } from 'node:crypto';

// The checklist webview's HTML: a static shell. All data arrives later as a message and is drawn with
// DOM APIs (textContent), so nothing from a report, a profile or a note is ever parsed as markup.
// No vscode import: the browser test loads exactly this HTML in headless Chromium.

export interface ChecklistHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function checklistHtml(o: ChecklistHtmlOptions): string {
  const nonce = o.nonce ?? makeNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>GA Checklist</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading the GA checklist…</p></main>
<script nonce="${nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
