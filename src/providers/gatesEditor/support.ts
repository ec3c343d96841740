import type * as vscode from 'vscode';
import { registerCheckLens, type CheckCommands } from './checkLens';
import { registerGatesCompletion } from './completion';
import { registerGatesDiagnostics } from './diagnostics';
import type { GatesDocuments } from './documents';
import { registerGatesHover } from './hover';
import { ServerCatalog } from './server';

/** The language support of gates files; register.ts loads it when the first gates file is open or a check command runs. */
export function registerGatesSupport(context: vscode.ExtensionContext, documents: GatesDocuments, log: vscode.LogOutputChannel): { disposables: vscode.Disposable[]; commands: CheckCommands } {
  const catalog = new ServerCatalog(context.secrets);
  const lens = registerCheckLens(documents, catalog, context.secrets, log);
  return { disposables: [catalog, registerGatesDiagnostics(documents), registerGatesCompletion(documents, catalog), registerGatesHover(documents, catalog), lens.disposable], commands: lens.commands };
}
