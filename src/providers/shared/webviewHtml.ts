import { randomBytes } from 'node:crypto';

// The HTML shell of every Aurora webview: a strict CSP (script and styles only with this page's nonce,
// no style attributes, no connections, no forms) and a static body. All data arrives later as messages
// and is drawn with DOM APIs. The page carries its own script and styles: nothing it needs is fetched
// through the webview's service worker, which under CPU load can leave a freshly opened page without
// its resources (microsoft/vscode#140351, #125993; seen here as a reopened checklist that never said
// 'ready'). No vscode import: the browser tests load exactly this HTML in headless Chromium.

export interface WebviewHtmlOptions {
  title: string;
  /** Reads a file of the extension's media/ folder as text. */
  readMedia: (file: string) => string;
  /** The page's script and styles, as paths inside media/. */
  script: string;
  styles: string[];
  /** Static markup of the body before the script (our own text, never data). */
  body: string;
  nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A media file's text as the content of an inline `<tag>`; esbuild's browser output escapes `</script`, and a file that still holds the closing tag is refused. */
function inline(text: string, tag: 'script' | 'style', file: string): string {
  if (text.toLowerCase().includes(`</${tag}`)) throw new Error(`media/${file} contains '</${tag}': it cannot travel inside the page`);
  return text;
}

export function webviewHtml(o: WebviewHtmlOptions): string {
  const nonce = o.nonce ?? makeNonce();
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
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
${o.styles.map((f) => `<style nonce="${nonce}">\n${inline(o.readMedia(f), 'style', f)}\n</style>`).join('\n')}
<title>${attr(o.title)}</title>
</head>
<body>
${o.body}
<script nonce="${nonce}">\n${inline(o.readMedia(o.script), 'script', o.script)}\n</script>
</body>
</html>
`;
}
