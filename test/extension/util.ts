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

export { waitFor } from '../support/waitFor';
