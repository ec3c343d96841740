// Quick fixes, keyed by diagnostic code: Revert to locked value (a WorkspaceEdit), Update lock
// (a command that asks first), Compare with locked profile (a diff editor), Delete orphan lock.
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
    const update = (diagnostic: vscode.Diagnostic) => {
      const legacy = state?.legacy ? ` and ${path.basename(state.legacy.lockPath)}` : '';
      const a = new vscode.CodeAction(`Update lock ${lockName}${legacy} to this profile`, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [diagnostic];
      a.command = { command: 'aurora.lockProfile', title: 'Update lock', arguments: [document.uri] };
      return a;
    };
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
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
          actions.push(update(diagnostic));
          const compare = new vscode.CodeAction('Compare with locked profile', vscode.CodeActionKind.QuickFix);
          compare.diagnostics = [diagnostic];
          compare.command = { command: 'aurora.locks.compare', title: 'Compare with locked profile', arguments: [document.uri] };
          actions.push(compare);
          break;
        }
        case Code.schema1:
        case Code.mismatch:
        case Code.legacy:
          actions.push(update(diagnostic));
          break;
        case Code.missing: {
          const a = update(diagnostic);
          a.title = `Lock ${path.basename(document.uri.fsPath)} (write ${lockName}${state?.legacy ? ` and update ${path.basename(state.legacy.lockPath)}` : ''})`;
          actions.push(a);
          break;
        }
        case Code.corrupt: {
          actions.push(update(diagnostic));
          if (state) {
            const open = new vscode.CodeAction(`Open ${lockName}`, vscode.CodeActionKind.QuickFix);
            open.diagnostics = [diagnostic];
            open.command = { command: 'vscode.open', title: 'Open lock', arguments: [vscode.Uri.file(state.lockPath)] };
            actions.push(open);
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
