import * as vscode from 'vscode';
import { KeyedDebounce } from '../shared';
import { lintGatesText } from '../../core/gatesEditor';
import type { GatesDocuments } from './documents';

export const SOURCE = 'Aurora gates';

/** PromQL and schema problems of every open gates file, refreshed as it is typed. */
export function registerGatesDiagnostics(documents: GatesDocuments): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('aurora-gates');
  const update = (document: vscode.TextDocument) => {
    if (!documents.is(document)) {
      collection.delete(document.uri);
      return;
    }
    const text = document.getText();
    collection.set(
      document.uri,
      lintGatesText(text, document.uri.fsPath).map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(p.from), document.positionAt(p.to)), p.message, vscode.DiagnosticSeverity.Error);
        d.source = SOURCE;
        d.code = p.code;
        return d;
      }),
    );
  };
  // Checking takes about a millisecond per query; the short delay only coalesces bursts of keystrokes.
  const pending = new KeyedDebounce<vscode.TextDocument>(update, () => 50);
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => pending.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      pending.cancel(d);
      collection.delete(d.uri);
    }),
    pending,
  );
}
