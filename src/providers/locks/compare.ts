// "Compare with locked profile": a diff editor whose left side is the profile as locked — the
// current text with every change reverted, so the diff shows exactly the keys that changed.
import path from 'node:path';
import * as vscode from 'vscode';
import type { LockDocuments } from './documents';
import { lockDate } from './model';

export const LOCKED_SCHEME = 'aurora-locked';

export class LockedProfileContent implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly documents: LockDocuments) {}

  static uriFor(profile: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: LOCKED_SCHEME, path: profile.path, query: profile.toString() });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const profile = vscode.Uri.parse(uri.query);
    const doc = this.documents.documentFor(profile);
    const state = this.documents.stateFor(profile);
    if (!doc || !state) return '# The profile is not open or has no lock.\n';
    return this.documents.engine.lockedText(doc.getText(), state.changes);
  }

  /** Keeps an open comparison current as the profile is edited. */
  profileChanged(profile: vscode.Uri): void {
    this.emitter.fire(LockedProfileContent.uriFor(profile));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export async function compareWithLock(documents: LockDocuments, profile: vscode.Uri): Promise<void> {
  const state = documents.stateFor(profile);
  if (!state?.lock?.lockedValues) {
    void vscode.window.showInformationMessage(`Aurora: ${path.basename(profile.fsPath)} has no schema 2 lock with values to compare against.`);
    return;
  }
  const date = lockDate(state.lock);
  await vscode.commands.executeCommand('vscode.diff', LockedProfileContent.uriFor(profile), profile, `${path.basename(profile.fsPath)} (${path.basename(state.lockPath)}${date ? `, ${date}` : ''}) ↔ current`);
}
