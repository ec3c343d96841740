// The Locks view: every locked profile in the workspace with its lock state (from the open buffer
// when the profile is open, from disk otherwise), the changed keys as children, orphan locks too.
// The same scan gives the disk states behind the workspace-wide diagnostics of profiles that are not
// open: run in the background after activation and on every watched change, cancelled on dispose,
// and bounded (the first MAX_DISK_PROFILES profiles get full diagnostics; the rest only a row).
import path from 'node:path';
import * as vscode from 'vscode';
import { lockPathFor, type LockChange } from '../../core/lock';
import type { LockDocuments } from './documents';
import { describeState, type LockTreeEntry, type ProfileLockState } from './model';

/** How many closed profiles get Problems-panel diagnostics from a scan. */
export const MAX_DISK_PROFILES = 200;

/** A profile on disk as the last scan analysed it, with the text its ranges refer to. */
export interface DiskProfile {
  state: ProfileLockState;
  text: string;
}

type Node = { kind: 'entry'; entry: LockTreeEntry } | { kind: 'change'; text: string; entry: LockTreeEntry };

const ICONS: Record<LockTreeEntry['state'], [string, string | undefined]> = {
  valid: ['lock', 'testing.iconPassed'],
  mismatch: ['unlock', 'list.warningForeground'],
  missing: ['unlock', undefined],
  unreadable: ['error', 'list.errorForeground'],
  'profile-error': ['error', 'list.errorForeground'],
  orphan: ['question', 'list.warningForeground'],
};

export class LocksTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private diskStates: ProfileLockState[] = [];
  private orphans: string[] = [];
  private scanning: Promise<void> | undefined;
  private again: Promise<void> | undefined;
  private readonly stop = new AbortController();
  entries: LockTreeEntry[] = [];
  /** Profiles analysed from disk by the last scan (at most MAX_DISK_PROFILES), by path. */
  diskProfiles = new Map<string, DiskProfile>();

  constructor(
    private readonly documents: LockDocuments,
    private readonly lockFileDiagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
    private readonly scanned: () => void = () => undefined,
  ) {}

  /** Re-reads every lock under the workspace folders. */
  scan(): Promise<void> {
    // A change during a scan may come after the walk passed it: one more scan follows the running one.
    if (this.scanning) {
      this.again ??= this.scanning.catch(() => undefined).then(() => {
        this.again = undefined;
        return this.scan();
      });
      return this.again;
    }
    this.scanning = this.doScan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async doScan(): Promise<void> {
    const signal = AbortSignal.any([this.stop.signal, AbortSignal.timeout(60000)]);
    const { checkLock, findLockedProfiles } = await this.documents.load();
    const states: ProfileLockState[] = [];
    const disk = new Map<string, DiskProfile>();
    const orphans: string[] = [];
    const lockDiagnostics: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        for (const found of await findLockedProfiles(folder.uri.fsPath, signal)) {
          if (!found.profilePath) {
            const lock = (found.lockPath ?? found.legacyLockPath)!;
            orphans.push(lock);
            const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), `Orphan lock: no profile ${path.basename(lock).replace(/\.lock\.json$/, '.yaml')} beside it`, vscode.DiagnosticSeverity.Warning);
            d.source = 'Aurora locks';
            d.code = 'lock-orphan';
            lockDiagnostics.push([vscode.Uri.file(lock), [d]]);
            continue;
          }
          // Yield between profiles: a large workspace must not hold up the extension host.
          await new Promise((r) => setImmediate(r));
          signal.throwIfAborted();
          const full = disk.size < MAX_DISK_PROFILES ? await this.documents.analyzeFile(found.profilePath, found.lockPath ?? lockPathFor(found.profilePath)).catch(() => undefined) : undefined;
          if (full) disk.set(found.profilePath, full);
          const check = full?.state ?? { ...(await checkLock(found.profilePath, signal, found.lockPath ? { lockPath: found.lockPath } : {})), issues: [] };
          states.push(check);
          if (check.status === 'unreadable' && check.problem?.location?.file === check.lockPath) {
            const loc = check.problem.location;
            const pos = new vscode.Position(Math.max(0, (loc.line ?? 1) - 1), Math.max(0, (loc.column ?? 1) - 1));
            const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), check.problem.message, vscode.DiagnosticSeverity.Error);
            d.source = 'Aurora locks';
            d.code = 'lock-corrupt';
            lockDiagnostics.push([vscode.Uri.file(check.lockPath), [d]]);
          }
        }
      } catch (err) {
        if (this.stop.signal.aborted) return;
        this.log.warn(`locks: scanning ${folder.uri.fsPath} failed: ${(err as Error).message}`);
      }
    }
    this.diskStates = states;
    this.diskProfiles = disk;
    this.orphans = orphans;
    this.lockFileDiagnostics.clear();
    this.lockFileDiagnostics.set(lockDiagnostics);
    this.rebuild();
    this.scanned();
  }

  /** Recomputes the rows, preferring the live state of open buffers over the disk scan. */
  rebuild(): void {
    // In a multi-root workspace a label starts with its folder's name (README "Multi-root workspaces").
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const rel = (f: string) => vscode.workspace.asRelativePath(f, multiRoot);
    const live = new Map(this.documents.states().map((s) => [s.profilePath, s]));
    const rows: LockTreeEntry[] = [];
    const seen = new Set<string>();
    for (const s of [...this.diskStates.map((d) => live.get(d.profilePath) ?? d), ...[...live.values()].filter((s) => !this.diskStates.some((d) => d.profilePath === s.profilePath))]) {
      if (seen.has(s.profilePath)) continue;
      seen.add(s.profilePath);
      rows.push({
        label: rel(s.profilePath),
        profilePath: s.profilePath,
        lockPath: s.verdict.decidedBy === 'legacy' || (s.status === 'missing' && s.legacy) ? s.legacy!.lockPath : s.lockPath,
        state: s.verdict.status,
        description: describeState(s),
        changes: s.changes.map((c: LockChange) => `${c.pathText} ${c.kind === 'added' ? '(not locked)' : c.old} → ${c.kind === 'removed' ? '(removed)' : c.new}`),
      });
    }
    for (const lock of this.orphans) rows.push({ label: rel(lock), lockPath: lock, state: 'orphan', description: 'orphan lock (no profile)', changes: [] });
    this.entries = rows.sort((a, b) => a.label.localeCompare(b.label));
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.entries.map((entry) => ({ kind: 'entry', entry }));
    if (node.kind === 'entry') return node.entry.changes.map((text) => ({ kind: 'change', text, entry: node.entry }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'change') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('diff-modified');
      if (node.entry.profilePath) item.command = { command: 'vscode.open', title: 'Open profile', arguments: [vscode.Uri.file(node.entry.profilePath)] };
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.label, e.changes.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const [icon, color] = ICONS[e.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.description = e.description;
    item.tooltip = new vscode.MarkdownString(`**${e.label}**\n\n${e.description}${e.lockPath ? `\n\nLock: \`${path.basename(e.lockPath)}\`` : ''}`);
    item.contextValue = `aurora.lock.${e.state}`;
    const target = e.profilePath ?? e.lockPath;
    if (target) item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(target)] };
    return item;
  }

  dispose(): void {
    this.stop.abort();
    this.emitter.dispose();
  }
}
