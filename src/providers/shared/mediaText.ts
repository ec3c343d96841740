import fs from 'node:fs';
import * as vscode from 'vscode';

/** Reads files of the extension's media/ folder as text: what a webview page carries inside it (webviewHtml.ts). */
export function mediaText(extensionUri: vscode.Uri): (file: string) => string {
  return (file) => fs.readFileSync(vscode.Uri.joinPath(extensionUri, 'media', file).fsPath, 'utf8');
}
