import * as vscode from 'vscode';
import { KeyedDebounce } from '../shared';
import { GatesDocuments } from './documents';

/**
 * Gates files as a language: PromQL diagnostics, completion, hover, and Run / Explain on each check.
 * Activation only watches for a gates file; the support (YAML outline, PromQL parser, Prometheus
 * catalog) is loaded when the first one is open, or when an open YAML file becomes one.
 */
export function registerGatesEditor(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const documents = new GatesDocuments();
  const watching: vscode.Disposable[] = [];
  let loaded = false;
  const load = (document: vscode.TextDocument) => {
    if (loaded || !documents.is(document)) return;
    loaded = true;
    vscode.Disposable.from(...watching.splice(0)).dispose();
    void import('./support.js').then(({ registerGatesSupport }) => context.subscriptions.push(...registerGatesSupport(context, documents, log)));
  };
  // As the diagnostics do once loaded: an edit is looked at 50 ms after the last keystroke.
  const edited = new KeyedDebounce<vscode.TextDocument>(load, () => 50);
  watching.push(
    edited,
    vscode.workspace.onDidOpenTextDocument(load),
    vscode.workspace.onDidChangeTextDocument((e) => edited.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => edited.cancel(d)),
    // GatesDocuments, listening since before, has read the new auroraGa.gates.file by then.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('auroraGa.gates.file')) vscode.workspace.textDocuments.forEach(load);
    }),
  );
  context.subscriptions.push(documents, { dispose: () => vscode.Disposable.from(...watching.splice(0)).dispose() });
  vscode.workspace.textDocuments.forEach(load);
}
