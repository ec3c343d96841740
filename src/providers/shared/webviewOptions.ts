import * as vscode from 'vscode';

/**
 * The options of every Aurora webview, given when the panel is created (or restored): scripts on,
 * command links off, and only media/ (the styles and the bundled scripts) may be loaded. Setting them
 * after creation reloads a webview that may already be starting, which is how a reopened checklist
 * was seen to never draw.
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}
