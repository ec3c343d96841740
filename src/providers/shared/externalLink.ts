import * as vscode from 'vscode';

/**
 * `raw` as this VS Code can open it: its origin through `asExternalUri` (a forwarded port in a remote
 * window, code-server's proxy in the browser), its path and query kept exactly as they are encoded.
 * Only the origin is resolved: code-server maps a localhost URI to its proxy's root, dropping the rest.
 */
export async function externalLink(raw: string): Promise<string> {
  const u = new URL(raw);
  const origin = (await vscode.env.asExternalUri(vscode.Uri.parse(`${u.origin}/`))).toString();
  return new URL(`${u.pathname.replace(/^\/+/, '')}${u.search}${u.hash}`, origin.endsWith('/') ? origin : `${origin}/`).toString();
}

/** Opens `raw` in the browser through `externalLink`; returns the link opened. */
export async function openLink(raw: string, log: vscode.LogOutputChannel): Promise<string> {
  const link = await externalLink(raw);
  log.info(`opening ${link}`);
  // A string, not a Uri: VS Code opens a string as it is, while a Uri's query is decoded and encoded
  // again on the way, which turns an encoded PromQL '+' into a space and an '&' into a separator.
  await vscode.env.openExternal(link as unknown as vscode.Uri);
  return link;
}
