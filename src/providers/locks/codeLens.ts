import path from 'node:path';
import * as vscode from 'vscode';
import type { LockDocuments } from './documents';
import { describeState } from './model';

/** One line at the top of a locked profile: locked ✓ / N changes since DATE, with the matching actions. */
export class LockCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly documents: LockDocuments) {}

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.documents.stateFor(document.uri);
    if (!state) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lockName = path.basename(state.lockPath);
    const valid = state.verdict.status === 'valid';
    const icon = valid ? '$(lock)' : '$(unlock)';
    const lenses = [new vscode.CodeLens(top, { title: `${icon} ${describeState(state)} — ${lockName}`, command: 'aurora.locks.focus', tooltip: 'Show the Locks view' })];
    if (state.changes.length) lenses.push(new vscode.CodeLens(top, { title: 'Compare with locked profile', command: 'aurora.locks.compare', arguments: [document.uri] }));
    if (!valid) lenses.push(new vscode.CodeLens(top, { title: state.verdict.status === 'missing' && !state.legacy ? 'Lock profile' : 'Update lock', command: 'aurora.lockProfile', arguments: [document.uri] }));
    if (state.lock?.schema === 1 && state.lock.valuesFrom) lenses.push(new vscode.CodeLens(top, { title: 'Upgrade lock to schema 2', command: 'aurora.locks.upgrade', arguments: [document.uri] }));
    return lenses;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
