import type * as vscode from 'vscode';

/**
 * The options of every Aurora webview, given when the panel is created (or restored): scripts on,
 * command links off, and no local resource at all (a page carries its script and styles: see
 * webviewHtml.ts). Setting them after creation reloads a webview that may already be starting, which
 * is how a reopened checklist was seen to never draw.
 */
export const webviewOptions: vscode.WebviewOptions = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };
