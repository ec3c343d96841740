// Quick fixes, keyed by diagnostic code: Revert to locked value (a WorkspaceEdit), Update lock
// (a command that asks first), Compare with locked profile (a diff editor), Delete orphan lock.
// Document-wide fixes (Update lock, Compare, Open lock) are offered once per request, carrying every
// diagnostic they fix: several diagnostics in the range (a schema 1 mismatch and a legacy checksum,
// two changed keys on one line) must not list the same fix twice.
import path from 'node:path';
import * as vscode from 'vscode';
import type { LockChange } from '../../core/lock';
import { changeRange, Code, SOURCE } from './diagnostics';
import type { LockDocuments } from './documents';

export class LockCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: LockDocuments) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const state = this.documents.stateFor(document.uri);
    const lockName = state ? path.basename(state.lockPath) : 'the lock';
    const once = new Map<string, vscode.CodeAction>();
    /** The document-wide fix named `id`, made on first use; later diagnostics join its list. */
    const shared = (id: string, diagnostic: vscode.Diagnostic, make: () => vscode.CodeAction) => {
      const had = once.get(id);
      if (had) {
        had.diagnostics!.push(diagnostic);
        return;
      }
      const a = make();
      a.diagnostics = [diagnostic];
      once.set(id, a);
      actions.push(a);
    };
    const updateTitle = () => `Update lock ${lockName}${state?.legacy ? ` and ${path.basename(state.legacy.lockPath)}` : ''} to this profile`;
    const update = (diagnostic: vscode.Diagnostic, title = updateTitle()) =>
      shared('update', diagnostic, () => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.command = { command: 'aurora.lockProfile', title: 'Update lock', arguments: [document.uri] };
        return a;
      });
    // A schema 1 lock whose values were found in git history can be rewritten as schema 2, same hash.
    const upgrade = (diagnostic: vscode.Diagnostic) => {
      if (state?.lock?.schema !== 1 || !state.lock.valuesFrom) return;
      shared('upgrade', diagnostic, () => {
        const a = new vscode.CodeAction(`Upgrade lock ${lockName} to schema 2 (same hash, values from ${state.lock!.valuesFrom!.slice(0, 10)})`, vscode.CodeActionKind.QuickFix);
        a.command = { command: 'aurora.locks.upgrade', title: 'Upgrade lock to schema 2', arguments: [document.uri] };
        return a;
      });
    };
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      if (diagnostic.code === Code.changed || diagnostic.code === Code.schema1) upgrade(diagnostic);
      switch (diagnostic.code) {
        case Code.changed: {
          const change = state?.changes.find((c: LockChange) => changeRange(document, c).isEqual(diagnostic.range) && diagnostic.message.startsWith(c.pathText));
          const edit = change && this.documents.engine.revertEdit(document.getText(), change);
          if (change && edit) {
            const revert = new vscode.CodeAction(change.kind === 'added' ? `Remove ${change.pathText} (not in the lock)` : `Revert ${change.pathText} to locked value ${change.old}`, vscode.CodeActionKind.QuickFix);
            revert.diagnostics = [diagnostic];
            revert.isPreferred = true;
            revert.edit = new vscode.WorkspaceEdit();
            revert.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length)), edit.text);
            actions.push(revert);
          }
          update(diagnostic);
          shared('compare', diagnostic, () => {
            const compare = new vscode.CodeAction('Compare with locked profile', vscode.CodeActionKind.QuickFix);
            compare.command = { command: 'aurora.locks.compare', title: 'Compare with locked profile', arguments: [document.uri] };
            return compare;
          });
          break;
        }
        case Code.schema1:
        case Code.mismatch:
        case Code.legacy:
          update(diagnostic);
          break;
        case Code.missing:
          update(diagnostic, `Lock ${path.basename(document.uri.fsPath)} (write ${lockName}${state?.legacy ? ` and update ${path.basename(state.legacy.lockPath)}` : ''})`);
          break;
        case Code.corrupt: {
          update(diagnostic);
          if (state) {
            const lockPath = state.lockPath;
            shared('open', diagnostic, () => {
              const open = new vscode.CodeAction(`Open ${lockName}`, vscode.CodeActionKind.QuickFix);
              open.command = { command: 'vscode.open', title: 'Open lock', arguments: [vscode.Uri.file(lockPath)] };
              return open;
            });
          }
          break;
        }
        case Code.orphan: {
          const del = new vscode.CodeAction(`Delete orphan lock ${path.basename(document.uri.fsPath)}`, vscode.CodeActionKind.QuickFix);
          del.diagnostics = [diagnostic];
          del.edit = new vscode.WorkspaceEdit();
          del.edit.deleteFile(document.uri, { ignoreIfNotExists: true });
          actions.push(del);
          break;
        }
        default:
          break;
      }
    }
    return actions;
  }
}
