import { randomBytes } from 'node:crypto';

// The HTML shell of every Aurora webview: a strict CSP (scripts only with this page's nonce, styles and
// fonts only from the extension's media/, no inline styles, no connections, no forms) and a static
// body. All data arrives later as messages and is drawn with DOM APIs. No vscode import: the browser
// tests load exactly this HTML in headless Chromium.

export interface WebviewHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  title: string;
  scriptUri: string;
  styleUris: string[];
  /** Static markup of the body before the script (our own text, never data). */
  body: string;
  nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function webviewHtml(o: WebviewHtmlOptions): string {
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
${o.styleUris.map((u) => `<link rel="stylesheet" href="${attr(u)}">`).join('\n')}
<title>${attr(o.title)}</title>
</head>
<body>
${o.body}
<script nonce="${nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
