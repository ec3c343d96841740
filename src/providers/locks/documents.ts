// Tracks every profile buffer (a YAML file with a lock beside it, or in a `profiles` folder): an
// incremental edit session per document,
// a cache of parsed lock files, and the resulting lock state, recomputed (debounced) as the user
// types. Diagnostics, CodeLens and the Locks view all listen to onDidChange.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { legacyLockPathFor, lockPathFor, type ProfileEditSession, type ProfileLock } from '../../core/lock';
import type { LockFileState } from '../../core/profile';
import type * as Engine from './engine';
import { InputError } from '../../core/util';
import { disposeAll, KeyedDebounce, type CachedSettings } from '../shared';
import type { ProfileLockState } from './model';
import type { LockSettings } from './settings';

/** What engine.ts gives: loaded once, before the first document is tracked. */
export type LockEngine = typeof Engine;

/** The longest a schema 1 lock's history walk may take (it runs once per lock hash). */
const HISTORY_TIMEOUT_MS = 30000;

interface Tracked {
  document: vscode.TextDocument;
  session: ProfileEditSession;
  lockPath: string;
  state?: ProfileLockState;
}

export function isYamlFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.ya?ml$/i.test(uri.fsPath);
}

/** A file's text, undefined when it does not exist; one that exists but cannot be read is an InputError. */
async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read: ${(err as Error).message}`, { file });
  }
}

export class LockDocuments implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly locks = new Map<string, LockFileState>();
  private readonly legacy = new Map<string, string | undefined>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending: KeyedDebounce<string>;
  private readonly stop = new AbortController();
  /** Fires with a profile's URI whenever its lock state was recomputed. */
  readonly onDidChange = this.emitter.event;
  private loaded: LockEngine | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: CachedSettings<LockSettings>,
  ) {
    // Read when an edit is scheduled, from the cache: typing never reads the configuration.
    this.pending = new KeyedDebounce((key) => this.analyze(key), (key) => this.settings.get(vscode.Uri.parse(key)).debounceMs);
    this.disposables.push(
      this.emitter,
      this.pending,
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
    );
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  /** Loads the lock engine (once). */
  async load(): Promise<LockEngine> {
    this.loaded ??= await import('./engine.js');
    return this.loaded;
  }

  /** The lock engine, for code that runs on a tracked profile's state (tracking loads it first). */
  get engine(): LockEngine {
    if (!this.loaded) throw new Error('locks: the lock engine was used before a profile was tracked');
    return this.loaded;
  }

  stateFor(uri: vscode.Uri): ProfileLockState | undefined {
    return this.tracked.get(uri.toString())?.state;
  }

  documentFor(uri: vscode.Uri): vscode.TextDocument | undefined {
    return this.tracked.get(uri.toString())?.document;
  }

  states(): ProfileLockState[] {
    return [...this.tracked.values()].flatMap((t) => (t.state ? [t.state] : []));
  }

  /** Starts tracking a YAML document if a lock (new or legacy) sits beside it, or it lives in a profiles folder. */
  async consider(document: vscode.TextDocument): Promise<void> {
    if (!isYamlFile(document.uri) || document.isClosed) return;
    await this.load();
    const key = document.uri.toString();
    const profilePath = document.uri.fsPath;
    const lockPath = lockPathFor(profilePath);
    await this.loadLock(lockPath, profilePath);
    // A legacy lock that exists but cannot be read is kept as unreadable text, never as absent.
    this.legacy.set(profilePath, await readOptional(legacyLockPathFor(profilePath)).catch(() => ''));
    const hasLock = this.locks.get(lockPath)?.kind !== 'none' || this.legacy.get(profilePath) !== undefined;
    // Unlocked YAML files in a `profiles` folder are still profiles: they get the schema checks.
    if (!(hasLock || this.engine.inProfilesFolder(profilePath)) || document.isClosed) {
      if (this.tracked.has(key)) this.forget(document.uri);
      return;
    }
    if (!this.tracked.has(key)) this.tracked.set(key, { document, session: new this.engine.ProfileEditSession(profilePath, document.getText()), lockPath });
    this.analyze(key);
  }

  private async loadLock(lockPath: string, profilePath: string): Promise<void> {
    try {
      const text = await readOptional(lockPath);
      this.locks.set(lockPath, text === undefined ? { kind: 'none' } : { kind: 'ok', lock: await this.withHistory(this.engine.parseLock(text, lockPath), profilePath) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.locks.set(lockPath, { kind: 'corrupt', error: err });
    }
  }

  /**
   * The lock state of a profile file on disk, for one that is not open (the workspace-wide
   * diagnostics), with the text its ranges refer to; undefined when the file is gone.
   */
  async analyzeFile(profilePath: string, lockPath: string): Promise<{ state: ProfileLockState; text: string } | undefined> {
    const text = await readOptional(profilePath);
    if (text === undefined) return undefined;
    const engine = await this.load();
    await this.loadLock(lockPath, profilePath);
    const legacy = await readOptional(legacyLockPathFor(profilePath)).catch(() => '');
    return { state: engine.analyzeBuffer(new engine.ProfileEditSession(profilePath, text), lockPath, this.locks.get(lockPath) ?? { kind: 'none' }, legacy), text };
  }

  /** A schema 1 lock with the values of the profile's revision in git that hashes to it (README "Profile locks"). */
  private async withHistory(lock: ProfileLock, profilePath: string): Promise<ProfileLock> {
    if (lock.schema !== 1) return lock;
    try {
      const { findLockedRevision } = await import('./git.js');
      const found = await findLockedRevision(profilePath, lock.sha256, AbortSignal.any([this.stop.signal, AbortSignal.timeout(HISTORY_TIMEOUT_MS)]));
      return found ? { ...lock, lockedValues: found.profile.root, valuesFrom: found.commit } : lock;
    } catch (err) {
      this.log.warn(`locks: history of ${path.basename(profilePath)} not searched: ${(err as Error).message}`);
      return lock;
    }
  }

  /** A lock or profile file changed on disk (git checkout, the CLI, our own Update lock). */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    const file = uri.fsPath;
    for (const doc of vscode.workspace.textDocuments) {
      const p = doc.uri.fsPath;
      if (isYamlFile(doc.uri) && (lockPathFor(p) === file || legacyLockPathFor(p) === file)) await this.consider(doc);
    }
  }

  /** Re-reads every lock and re-analyzes every open profile now. */
  async refreshAll(): Promise<void> {
    this.locks.clear();
    for (const doc of vscode.workspace.textDocuments) await this.consider(doc);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.tracked.get(key);
    if (!t) return;
    this.pending.cancel(key);
    this.tracked.delete(key);
    this.emitter.fire(uri);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const t = this.tracked.get(key);
    if (!t || e.contentChanges.length === 0) return;
    const [c] = e.contentChanges;
    if (e.contentChanges.length === 1) t.session.applyEdit({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }, e.document.getText());
    else t.session.reset(e.document.getText());
    this.pending.schedule(key);
  }

  /** Computes the lock state of a tracked buffer (synchronous: the lock is already parsed). */
  analyze(key: string): void {
    const t = this.tracked.get(key);
    if (!t) return;
    const started = performance.now();
    const profilePath = t.document.uri.fsPath;
    const state = this.engine.analyzeBuffer(t.session, t.lockPath, this.locks.get(t.lockPath) ?? { kind: 'none' }, this.legacy.get(profilePath));
    t.state = state;
    this.log.trace(`locks: ${path.basename(profilePath)} ${state.status} (${state.changes.length} changes) in ${(performance.now() - started).toFixed(1)} ms`);
    this.emitter.fire(t.document.uri);
  }

  dispose(): void {
    this.stop.abort();
    disposeAll(this.disposables);
  }
}
