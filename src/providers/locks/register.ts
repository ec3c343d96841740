// The VS Code face of profile locks: live diagnostics on changed keys while a profile is edited,
// quick fixes, a CodeLens, key hovers, the Locks view, "Aurora: Lock Profile" and "Aurora: Validate Locks";
// profiles that are not open get their disk state's diagnostics.
import path from 'node:path';
import * as vscode from 'vscode';
import { LockCodeActions } from './codeActions';
import { LockCodeLens } from './codeLens';
import { compareWithLock, LOCKED_SCHEME, LockedProfileContent } from './compare';
import { profileDiagnostics } from './diagnostics';
import { LockDocuments } from './documents';
import { LockHover } from './hover';
import { lockProfile, modalConfirm, profileCandidates, type ConfirmPrompt, type LockOutcome } from './lockCommand';
import type { LockTreeEntry, ProfileLockState } from './model';
import { lockSettingsCache } from './settings';
import { LocksTreeProvider } from './tree';
import { debounce } from '../shared';

/** What extension tests (and other extensions) read of the locks face. */
export interface LocksApi {
  /** Aurora's lock diagnostics on a profile or lock file. */
  diagnosticsFor(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** The live lock state of an open profile. */
  stateFor(uri: vscode.Uri): ProfileLockState | undefined;
  /** The rows of the Locks view. */
  readonly tree: readonly LockTreeEntry[];
  /** The CodeLens titles shown at the top of a profile. */
  codeLensTitles(uri: vscode.Uri): string[];
  /** The YAML files "Lock Profile" offers (profiles only). */
  profileCandidates(): Promise<vscode.Uri[]>;
  /** Re-reads every lock and profile (what "Validate Locks" does, without the message). */
  refresh(): Promise<void>;
  /**
   * Replaces the confirmation asked before a lock is overwritten (default: a modal dialog).
   * Pass undefined to restore the dialog.
   */
  setConfirmation(prompt: ConfirmPrompt | undefined): void;
}

const PROFILE_SELECTOR: vscode.DocumentFilter[] = [{ scheme: 'file', pattern: '**/*.{yaml,yml}' }];
const LOCK_SELECTOR: vscode.DocumentFilter[] = [{ scheme: 'file', pattern: '**/*.{lock.json,yaml.lock,yml.lock}' }];

export function registerLocks(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LocksApi {
  const diagnostics = vscode.languages.createDiagnosticCollection('aurora-locks');
  const lockFileDiagnostics = vscode.languages.createDiagnosticCollection('aurora-lock-files');
  const settings = lockSettingsCache();
  const documents = new LockDocuments(log, settings);
  const lens = new LockCodeLens(documents);
  const content = new LockedProfileContent(documents);
  // Profiles that are not open show their disk state in the Problems panel (README "Profile locks").
  const diskPublished = new Set<string>();
  const diskDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] | undefined => {
    const disk = tree.diskProfiles.get(uri.fsPath);
    return disk && profileDiagnostics(documents.engine, new documents.engine.TextPositions(disk.text), disk.state, settings.get(uri));
  };
  const publishDisk = () => {
    const now = new Set([...tree.diskProfiles.keys()].map((f) => vscode.Uri.file(f).toString()));
    for (const key of [...diskPublished, ...now]) {
      const uri = vscode.Uri.parse(key);
      if (documents.stateFor(uri)) continue;
      const d = diskDiagnostics(uri);
      if (d) diagnostics.set(uri, d);
      else diagnostics.delete(uri);
    }
    diskPublished.clear();
    for (const key of now) diskPublished.add(key);
  };
  const tree: LocksTreeProvider = new LocksTreeProvider(documents, lockFileDiagnostics, log, publishDisk);
  const view = vscode.window.createTreeView('aurora.locks', { treeDataProvider: tree, showCollapseAll: true });
  let confirm: ConfirmPrompt = modalConfirm;

  const publish = (uri: vscode.Uri) => {
    const state = documents.stateFor(uri);
    const document = documents.documentFor(uri);
    const onDisk = state ? undefined : diskDiagnostics(uri);
    if (state && document) diagnostics.set(uri, profileDiagnostics(documents.engine, document, state, settings.get(uri)));
    else if (onDisk) diagnostics.set(uri, onDisk);
    else diagnostics.delete(uri);
    lens.refresh();
    content.profileChanged(uri);
    tree.rebuild();
  };

  // Lock files change under us (git checkout, the CLI, another tool): re-read them, debounced.
  const rescan = debounce(() => void tree.scan(), 300);
  const lockFileEvent = (uri: vscode.Uri) => {
    void documents.fileChanged(uri);
    rescan();
  };
  const lockWatcher = vscode.workspace.createFileSystemWatcher('**/*.{lock.json,yaml.lock,yml.lock}');
  const profileWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');

  const lock = async (uri?: vscode.Uri): Promise<LockOutcome> => {
    const outcome = await lockProfile(uri, confirm, log);
    if (outcome.written && outcome.lockPath) {
      await documents.fileChanged(vscode.Uri.file(outcome.lockPath));
      await tree.scan();
    }
    return outcome;
  };

  /** "Upgrade lock to schema 2": the same hash, the values of the revision in git that hashes to it. */
  const upgrade = async (uri: vscode.Uri | undefined): Promise<boolean> => {
    const state = uri && documents.stateFor(uri);
    if (!uri || !state?.lock || state.lock.schema !== 1) return false;
    const { upgradeLock } = await import('./git.js');
    const commit = await upgradeLock(uri.fsPath, state.lockPath, state.lock, AbortSignal.timeout(60000));
    if (!commit) {
      void vscode.window.showWarningMessage(`Aurora: no revision of ${path.basename(uri.fsPath)} in git history hashes to ${path.basename(state.lockPath)}; use Update lock to lock the profile as it is now.`);
      return false;
    }
    log.info(`locks: upgraded ${state.lockPath} to schema 2 from ${commit}`);
    await documents.fileChanged(vscode.Uri.file(state.lockPath));
    await tree.scan();
    void vscode.window.showInformationMessage(`Aurora: ${path.basename(state.lockPath)} upgraded to schema 2 (same hash; values from ${commit.slice(0, 10)}).`);
    return true;
  };

  const validate = async (): Promise<LockTreeEntry[]> => {
    await documents.refreshAll();
    await tree.scan();
    const rows = tree.entries;
    const bad = rows.filter((r) => r.state !== 'valid');
    const text = rows.length ? `Aurora: ${rows.length - bad.length} of ${rows.length} locked profiles valid${bad.length ? `; ${bad.map((r) => `${r.label} (${r.description})`).join(', ')}` : ''}.` : 'Aurora: no profile locks in this workspace.';
    if (bad.length) void vscode.window.showWarningMessage(text);
    else void vscode.window.showInformationMessage(text);
    return rows;
  };

  context.subscriptions.push(
    diagnostics,
    lockFileDiagnostics,
    documents,
    lens,
    content,
    tree,
    view,
    lockWatcher,
    profileWatcher,
    rescan,
    settings,
    documents.onDidChange(publish),
    lockWatcher.onDidCreate(lockFileEvent),
    lockWatcher.onDidChange(lockFileEvent),
    lockWatcher.onDidDelete(lockFileEvent),
    profileWatcher.onDidCreate(rescan),
    profileWatcher.onDidChange(rescan),
    profileWatcher.onDidDelete(rescan),
    vscode.languages.registerCodeActionsProvider([...PROFILE_SELECTOR, ...LOCK_SELECTOR], new LockCodeActions(documents), { providedCodeActionKinds: LockCodeActions.kinds }),
    vscode.languages.registerCodeLensProvider(PROFILE_SELECTOR, lens),
    vscode.languages.registerHoverProvider(PROFILE_SELECTOR, new LockHover(documents)),
    vscode.workspace.registerTextDocumentContentProvider(LOCKED_SCHEME, content),
    vscode.commands.registerCommand('aurora.lockProfile', (uri?: vscode.Uri) => lock(uri)),
    vscode.commands.registerCommand('aurora.validateLocks', () => validate()),
    vscode.commands.registerCommand('aurora.locks.upgrade', (uri?: vscode.Uri) => upgrade(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri)),
    vscode.commands.registerCommand('aurora.locks.compare', (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      return target ? compareWithLock(documents, target) : undefined;
    }),
    settings.onDidChange(() => void documents.refreshAll()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void tree.scan()),
  );
  // In the background: activation does not wait for the workspace walk.
  const first = setTimeout(() => void tree.scan(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(first) });
  log.info('locks: watching profile locks');

  return {
    diagnosticsFor: (uri) => [...diagnostics.get(uri) ?? [], ...lockFileDiagnostics.get(uri) ?? []],
    stateFor: (uri) => documents.stateFor(uri),
    profileCandidates,
    get tree() {
      return tree.entries;
    },
    codeLensTitles: (uri) => {
      const doc = documents.documentFor(uri);
      return doc ? lens.provideCodeLenses(doc).map((l) => l.command?.title ?? '') : [];
    },
    refresh: async () => {
      await documents.refreshAll();
      await tree.scan();
    },
    setConfirmation: (prompt) => {
      confirm = prompt ?? modalConfirm;
    },
  };
}
