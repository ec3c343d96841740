// The one lock policy. Every face (lock --validate/--check, gates --profile, canary, checklist,
// readiness, the editor's Locks view, CodeLens and diagnostics) asks decideLock for a profile's
// verdict and lockEnforcement whether a broken lock refuses it; none decides on its own.
//
// Precedence (README "Profile locks", "One verdict"): a profile is locked by its `<stem>.lock.json`.
// A legacy `<profile>.yaml.lock` beside it is checked too and can only take validity away, never
// give it. The first lock that fails decides, the `.lock.json` before the legacy one:
//   profile cannot be hashed → profile-error; `.lock.json` missing → missing (a legacy checksum alone
//   does not lock); `.lock.json` mismatched / unreadable → that; legacy mismatched / unreadable → that;
//   otherwise valid.
import path from 'node:path';
import { InputError } from '../util/errors';
import type { LockCheck, LockStatus } from './checkLock';
import { LineIndex, type JNode } from '../pyyaml';

export interface LockVerdict {
  status: LockStatus;
  /** The lock whose state decided a verdict other than valid / missing / profile-error. */
  decidedBy?: 'lock' | 'legacy';
  /** The lock files behind the verdict (`.lock.json`, legacy `.yaml.lock`): what a sign-off's hash covers. */
  files: string[];
  /** Why, in one line naming the lock file. */
  detail: string;
}

type Checked = Pick<LockCheck, 'status' | 'profilePath' | 'lockPath' | 'reason' | 'problem' | 'legacy' | 'changes'>;

function describeChanges(c: Checked): string {
  if (!c.changes.length) return '';
  const shown = c.changes.slice(0, 5).map((x) => (x.kind === 'changed' ? `${x.pathText} ${x.old} → ${x.new}` : `${x.pathText} ${x.kind}`));
  return `; changed since the lock: ${shown.join(', ')}${c.changes.length > 5 ? `, and ${c.changes.length - 5} more` : ''}`;
}

/** The verdict of a profile from the state of its `.lock.json` and legacy `.yaml.lock` (the rule above). */
export function decideLock(c: Checked): LockVerdict {
  const lockName = path.basename(c.lockPath);
  const legacy = c.legacy;
  const files = [...(c.status === 'missing' ? [] : [c.lockPath]), ...(legacy ? [legacy.lockPath] : [])];
  const legacyNote = legacy ? `; the legacy ${path.basename(legacy.lockPath)} is ${legacy.status === 'valid' ? 'valid but does not lock a profile on its own' : legacy.status}` : '';
  switch (c.status) {
    case 'profile-error':
      return { status: 'profile-error', files, detail: `the profile cannot be hashed: ${c.problem?.format() ?? 'unreadable profile'}` };
    case 'missing':
      return { status: 'missing', files, detail: `no lock file ${lockName}${legacyNote}; create it with 'aurora-ga lock --in ${c.profilePath}'` };
    case 'unreadable':
      return { status: 'unreadable', decidedBy: 'lock', files, detail: `${lockName} cannot be read: ${c.problem?.format() ?? 'corrupt lock file'}` };
    case 'mismatch':
      return { status: 'mismatch', decidedBy: 'lock', files, detail: `${path.basename(c.profilePath)} does not match ${lockName}: ${c.reason ?? 'hash mismatch'}${describeChanges(c)}` };
    case 'valid':
      break;
  }
  if (legacy?.status === 'mismatch') {
    return { status: 'mismatch', decidedBy: 'legacy', files, detail: `${lockName} validates but the legacy ${path.basename(legacy.lockPath)} does not: checksum ${legacy.expected} ≠ current ${legacy.current}` };
  }
  if (legacy?.status === 'unreadable') {
    return { status: 'unreadable', decidedBy: 'legacy', files, detail: `${lockName} validates but the legacy ${path.basename(legacy.lockPath)} cannot be read: ${legacy.problem?.format() ?? 'corrupt lock file'}` };
  }
  return { status: 'valid', files, detail: `${lockName} validates${legacy ? ` (and the legacy ${path.basename(legacy.lockPath)})` : ''}` };
}

export interface LockEnforcement {
  enforced: boolean;
  /** Where the answer came from: the profile's own `profile_lock.enforced`, or the setting / config default. */
  from: 'profile' | 'default';
}

/**
 * Whether a lock that does not validate refuses the profile: the profile's own `profile_lock.enforced`
 * (read as PyYAML reads it, so `yes` is true) wins over `fallback` (the setting / canary config, default
 * true). A value that is not a boolean is an InputError at its line.
 */
export function lockEnforcement(root: JNode | undefined, profileText: string, profilePath: string, fallback = true): LockEnforcement {
  const section = root?.kind === 'object' ? root.entries.find((e) => e.key === 'profile_lock')?.value : undefined;
  const node = section?.kind === 'object' ? section.entries.find((e) => e.key === 'enforced')?.value : undefined;
  if (node === undefined) return { enforced: fallback, from: 'default' };
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return { enforced: node.value, from: 'profile' };
  const pos = node.range ? new LineIndex(profileText).at(node.range.start) : {};
  const shown = node.kind === 'scalar' ? JSON.stringify(typeof node.value === 'bigint' ? Number(node.value) : node.value) : node.kind;
  throw new InputError(`profile_lock.enforced must be true or false, got ${shown}`, { file: profilePath, ...pos });
}
