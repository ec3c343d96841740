import type * as vscode from 'vscode';
import { registerGatesCompletion } from './completion';
import { registerGatesDiagnostics } from './diagnostics';
import { GatesDocuments } from './documents';
import { registerGatesHover } from './hover';
import { ServerCatalog } from './server';

/** Gates files as a language: PromQL diagnostics, completion and hover. */
export function registerGatesEditor(context: vscode.ExtensionContext): void {
  const documents = new GatesDocuments();
  const catalog = new ServerCatalog(context.secrets);
  context.subscriptions.push(documents, catalog, registerGatesDiagnostics(documents), registerGatesCompletion(documents, catalog), registerGatesHover(documents, catalog));
}
