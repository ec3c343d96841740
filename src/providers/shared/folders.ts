// Which workspace folder a command acts on — one policy for every command (README "Multi-root
// workspaces"): the folder of the resource it was invoked on (an explorer or editor context, a
// CodeLens); else the folder of the active editor's file; else the only folder; else the user picks
// (nothing is chosen silently among several). Views that show the whole workspace list every folder.
import * as vscode from 'vscode';

export async function pickFolder(purpose: string, resource?: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const own = resource && vscode.workspace.getWorkspaceFolder(resource);
  if (own) return own;
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) return activeFolder;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `${purpose}: in which folder?` });
}
