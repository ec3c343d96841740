import * as vscode from 'vscode';
import type { AuroraApi } from '../../src/providers/api';

export const EXTENSION_ID = 'aurora.aurora-ga';

/** Activates Aurora GA (if not yet) and returns its API. */
export async function activateAurora(): Promise<AuroraApi> {
  const ext = vscode.extensions.getExtension<AuroraApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

/** The folder the host opened (a temporary copy of test/fixtures/workspace). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension tests need an open workspace folder');
  return folder.uri.fsPath;
}

/** Resolves once `predicate` holds, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
