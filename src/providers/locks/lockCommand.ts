// "Aurora: Lock Profile": writes <stem>.lock.json (schema 2) for a profile, after asking when it
// replaces an existing lock. A dirty buffer is saved first: a lock describes the file on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { legacyLockPathFor, lockPathFor, type LegacyUpdate } from '../../core/lock';
import { InputError } from '../../core/util';
import { isYamlFile } from './documents';

/** Asks the user to confirm; resolves true to go ahead. Replaceable through the API (tests). */
export type ConfirmPrompt = (message: string, detail: string, action: string) => Promise<boolean>;

export const modalConfirm: ConfirmPrompt = async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;

async function pickProfile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isYamlFile(active)) return active;
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/node_modules/**', 500);
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: 'Aurora: Lock Profile', placeHolder: 'Profile to lock' },
  );
  return picked?.uri;
}

export interface LockOutcome {
  written: boolean;
  lockPath?: string;
  /** What happened to a legacy `.yaml.lock` beside the profile (brought into agreement or retired). */
  legacy?: LegacyUpdate;
  sha256?: string;
  message: string;
}

export async function lockProfile(target: vscode.Uri | undefined, confirm: ConfirmPrompt, log: vscode.LogOutputChannel): Promise<LockOutcome> {
  const uri = target instanceof vscode.Uri ? target : await pickProfile();
  if (!uri) return { written: false, message: 'no profile chosen' };
  const profilePath = uri.fsPath;
  const lockPath = lockPathFor(profilePath);
  const name = path.basename(profilePath);
  const lockName = path.basename(lockPath);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const exists = await fs.stat(lockPath).then(() => true, () => false);
  const legacyName = path.basename(legacyLockPathFor(profilePath));
  const hasLegacy = await fs.stat(legacyLockPathFor(profilePath)).then(() => true, () => false);
  if (exists || hasLegacy || document?.isDirty) {
    const detail = [
      exists ? `${lockName} will record the profile as it is now; the previous lock is replaced.` : '',
      hasLegacy ? `The legacy ${legacyName} gets the current checksum (or, if it cannot be read, is renamed to ${legacyName}.retired).` : '',
      document?.isDirty ? `${name} has unsaved changes and will be saved first.` : '',
    ].filter(Boolean).join(' ');
    if (!(await confirm(`Update ${lockName} to the current ${name}?`, detail, 'Update lock'))) return { written: false, message: 'cancelled' };
  }
  if (document?.isDirty && !(await document.save())) return { written: false, message: `${name} could not be saved` };
  try {
    const text = await fs.readFile(profilePath, 'utf8');
    const { normalizeProfile, writeProfileLocks } = await import('./engine.js');
    const profile = normalizeProfile(text, vscode.workspace.asRelativePath(uri));
    const legacy = await writeProfileLocks(profilePath, lockPath, text, profile, AbortSignal.timeout(60000));
    log.info(`locks: wrote ${lockPath} (${profile.sha256}); legacy lock: ${legacy.kind}`);
    const legacyText = legacy.kind === 'updated' ? ` ${legacyName} checksum updated.` : legacy.kind === 'retired' ? ` ${legacyName} could not be read and was renamed to ${path.basename(legacy.retiredTo)}.` : '';
    const message = `Aurora: ${lockName} ${exists ? 'updated' : 'created'} (SHA-256 ${profile.sha256.slice(0, 16)}…).${legacyText}`;
    void vscode.window.showInformationMessage(message);
    return { written: true, lockPath, legacy, sha256: profile.sha256, message };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = `Aurora: cannot lock ${name}: ${err.format()}`;
    void vscode.window.showErrorMessage(message);
    return { written: false, message };
  }
}
