// "Aurora: Lock Profile": writes <stem>.lock.json (schema 2) for a profile, after asking when it
// replaces an existing lock. A dirty buffer is saved first: a lock describes the file on disk.
// The pick list holds profiles only (core/profile decides which YAML files are); locking a file that
// does not look like one asks first, since the checklist and readiness then count it as a profile.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { legacyLockPathFor, lockPathFor, type LegacyUpdate } from '../../core/lock';
import type { ProfileEvidence } from '../../core/profile';
import { InputError, pathExists } from '../../core/util';
import { isYamlFile } from './documents';

/** Asks the user to confirm; resolves true to go ahead. Replaceable through the API (tests). */
export type ConfirmPrompt = (message: string, detail: string, action: string) => Promise<boolean>;

export const modalConfirm: ConfirmPrompt = async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;


/** Why a YAML file on disk (or in an open buffer) is a profile, or undefined when it is not one. */
async function evidenceFor(uri: vscode.Uri): Promise<ProfileEvidence | undefined> {
  const file = uri.fsPath;
  const hasLock = (await pathExists(lockPathFor(file))) || (await pathExists(legacyLockPathFor(file)));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : await fs.readFile(file, 'utf8').catch(() => undefined);
  // Telling a profile by its content needs the YAML reader and the schema: the engine, loaded on first use.
  const { profileEvidence } = await import('./engine.js');
  return profileEvidence(file, hasLock, () => text);
}

/** The workspace's profiles, as the pick list shows them (sorted by relative path). */
export async function profileCandidates(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/node_modules/**', 500);
  const checked = await Promise.all(files.map(async (uri) => ((await evidenceFor(uri)) ? [uri] : [])));
  return checked.flat().sort((a, b) => vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)));
}

async function pickProfile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isYamlFile(active)) return active;
  const picked = await vscode.window.showQuickPick(
    (await profileCandidates()).map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
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
  if (!(await evidenceFor(uri))) {
    const detail = `It is not in a profiles folder, has no lock, and lacks the profile sections (acceptance, kappa_thresholds, preloop). Once locked, the checklist and readiness count it as a profile.`;
    if (!(await confirm(`${name} does not look like a profile. Lock it anyway?`, detail, 'Lock anyway'))) return { written: false, message: 'cancelled: not a profile' };
  }
  const hasLock = await pathExists(lockPath);
  const legacyName = path.basename(legacyLockPathFor(profilePath));
  const hasLegacy = await pathExists(legacyLockPathFor(profilePath));
  if (hasLock || hasLegacy || document?.isDirty) {
    const detail = [
      hasLock ? `${lockName} will record the profile as it is now; the previous lock is replaced.` : '',
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
    const message = `Aurora: ${lockName} ${hasLock ? 'updated' : 'created'} (SHA-256 ${profile.sha256.slice(0, 16)}…).${legacyText}`;
    void vscode.window.showInformationMessage(message);
    return { written: true, lockPath, legacy, sha256: profile.sha256, message };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = `Aurora: cannot lock ${name}: ${err.format()}`;
    void vscode.window.showErrorMessage(message);
    return { written: false, message };
  }
}
