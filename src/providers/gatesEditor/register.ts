import type * as vscode from 'vscode';
import { registerCheckLens } from './checkLens';
import { registerGatesCompletion } from './completion';
import { registerGatesDiagnostics } from './diagnostics';
import { GatesDocuments } from './documents';
import { registerGatesHover } from './hover';
import { ServerCatalog } from './server';

/** Gates files as a language: PromQL diagnostics, completion, hover, and Run / Explain / Chart on each check. */
export function registerGatesEditor(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const documents = new GatesDocuments();
  const catalog = new ServerCatalog(context.secrets);
  context.subscriptions.push(documents, catalog, registerGatesDiagnostics(documents), registerGatesCompletion(documents, catalog), registerGatesHover(documents, catalog), registerCheckLens(documents, catalog, context.secrets, log));
}
