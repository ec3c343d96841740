import * as vscode from 'vscode';
import { KeyedDebounce } from '../shared';
import type { CheckCommands } from './checkLens';
import { EXPLAIN_CHECK, RUN_CHECK } from './commandIds';
import { GatesDocuments } from './documents';

/**
 * Gates files as a language: PromQL diagnostics, completion, hover, and Run / Explain / Chart on each
 * check. Activation registers the Run and Explain commands (Show Chart is the charts face's) and
 * watches for a gates file; the support (YAML outline, PromQL parser, Prometheus catalog) is loaded
 * when the first one is open, an open YAML file becomes one, or a command runs.
 */
export function registerGatesEditor(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const documents = new GatesDocuments();
  const watching: vscode.Disposable[] = [];
  let support: Promise<CheckCommands> | undefined;
  const load = () => {
    support ??= import('./support.js').then(({ registerGatesSupport }) => {
      const loaded = registerGatesSupport(context, documents, log);
      context.subscriptions.push(...loaded.disposables);
      return loaded.commands;
    });
    vscode.Disposable.from(...watching.splice(0)).dispose();
    return support;
  };
  const look = (document: vscode.TextDocument) => {
    if (!support && documents.is(document)) void load();
  };
  // As the diagnostics do once loaded: an edit is looked at 50 ms after the last keystroke.
  const edited = new KeyedDebounce<vscode.TextDocument>(look, () => 50);
  watching.push(
    edited,
    vscode.workspace.onDidOpenTextDocument(look),
    vscode.workspace.onDidChangeTextDocument((e) => edited.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => edited.cancel(d)),
    // GatesDocuments, listening since before, has read the new auroraGa.gates.file by then.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('auroraGa.gates.file')) vscode.workspace.textDocuments.forEach(look);
    }),
  );
  context.subscriptions.push(
    documents,
    { dispose: () => vscode.Disposable.from(...watching.splice(0)).dispose() },
    vscode.commands.registerCommand(RUN_CHECK, async (uri: vscode.Uri, gate: number, check: number) => (await load()).run(uri, gate, check)),
    vscode.commands.registerCommand(EXPLAIN_CHECK, async (uri: vscode.Uri, gate: number, check: number) => (await load()).explain(uri, gate, check)),
  );
  vscode.workspace.textDocuments.forEach(look);
}
