import * as vscode from 'vscode';

/**
 * A settings section read once and again only when VS Code says it changed — never per keystroke.
 * `read` maps the raw configuration (of a folder, in a multi-root workspace) to typed values.
 */
export class CachedSettings<T> implements vscode.Disposable {
  private readonly cache = new Map<string, T>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly sub: vscode.Disposable;
  /** Fires after the section changed (the cache is already cleared). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly section: string,
    private readonly read: (config: vscode.WorkspaceConfiguration) => T,
  ) {
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(section)) return;
      this.cache.clear();
      this.emitter.fire();
    });
  }

  /** The values for `scope` (a resource or folder; its workspace folder's settings apply). */
  get(scope?: vscode.Uri): T {
    const folder = scope && vscode.workspace.getWorkspaceFolder(scope);
    const key = folder?.uri.toString() ?? '';
    let value = this.cache.get(key);
    if (value === undefined) {
      value = this.read(vscode.workspace.getConfiguration(this.section, folder?.uri));
      this.cache.set(key, value);
    }
    return value;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
