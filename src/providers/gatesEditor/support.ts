import type * as vscode from 'vscode';
import { registerCheckLens } from './checkLens';
import { registerGatesCompletion } from './completion';
import { registerGatesDiagnostics } from './diagnostics';
import type { GatesDocuments } from './documents';
import { registerGatesHover } from './hover';
import { ServerCatalog } from './server';

/** The language support of gates files; register.ts loads it when the first gates file is open. */
export function registerGatesSupport(context: vscode.ExtensionContext, documents: GatesDocuments, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const catalog = new ServerCatalog(context.secrets);
  return [catalog, registerGatesDiagnostics(documents), registerGatesCompletion(documents, catalog), registerGatesHover(documents, catalog), registerCheckLens(documents, catalog, context.secrets, log)];
}
