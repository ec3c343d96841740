import path from 'node:path';
import * as vscode from 'vscode';
import { looksLikeGatesFile } from '../../core/gatesEditor';

/**
 * Which open documents are gates files: YAML that looks like one (schema modeline, or top-level
 * schema_version + gates), or the file `auroraGa.gates.file` names. The setting is read once and
 * again when it changes, never per keystroke.
 */
export class GatesDocuments implements vscode.Disposable {
  private configured = new Set<string>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.readSetting();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('auroraGa.gates.file')) this.readSetting();
    });
  }

  is(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'yaml') return false;
    return this.configured.has(document.uri.fsPath) || looksLikeGatesFile(document.getText());
  }

  private readSetting(): void {
    this.configured = new Set(
      (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
        const file = vscode.workspace.getConfiguration('auroraGa.gates', folder).get<string>('file', '').trim();
        return file ? [path.resolve(folder.uri.fsPath, file)] : [];
      }),
    );
  }

  dispose(): void {
    this.listener.dispose();
  }
}
