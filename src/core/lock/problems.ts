import path from 'node:path';
import { LineIndex } from '../pyyaml';
import type { InputError } from '../util/errors';
import type { LockCheck, LockedProfile } from './checkLock';
import type { LockChange } from './diff';

// What is wrong with a locked profile, one problem per thing to fix, each with the file and the place
// to mark: what `lock --check --format sarif` reports (the text output says the same per profile).

export const LOCK_RULES = {
  'changed-key': { name: 'ChangedKey', description: 'A profile key changed since the profile was locked.', help: "Revert the change, or re-lock the profile with 'aurora-ga lock --in PROFILE' if it is intended." },
  mismatch: { name: 'LockMismatch', description: 'The profile does not match its lock (the changed keys cannot be named).', help: "Re-lock with 'aurora-ga lock --in PROFILE' (a schema 2 lock records the values, so later changes are named)." },
  missing: { name: 'MissingLock', description: 'A profile has no .lock.json (a legacy .yaml.lock alone does not lock it).', help: "Create the lock with 'aurora-ga lock --in PROFILE'." },
  unreadable: { name: 'UnreadableLock', description: 'A lock file cannot be read.', help: "Restore the lock from version control, or re-lock with 'aurora-ga lock --in PROFILE'." },
  legacy: { name: 'LegacyLock', description: 'The legacy .yaml.lock beside the profile does not validate.', help: "Re-lock with 'aurora-ga lock --in PROFILE': it brings the legacy checksum into agreement." },
  orphan: { name: 'OrphanLock', description: 'A lock file has no profile beside it.', help: 'Delete the lock, or restore the profile it was written for.' },
  'profile-unhashable': { name: 'ProfileUnhashable', description: 'The profile cannot be read or hashed (invalid YAML, a date, mixed key types).', help: 'Fix the YAML at the position shown.' },
} as const;
export type LockRule = keyof typeof LOCK_RULES;

/** 1-based, as editors print them; columns in UTF-16 code units. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface LockProblem {
  rule: LockRule;
  message: string;
  /** The file to mark (absolute, as checked). */
  file: string;
  start?: TextPosition;
  end?: TextPosition;
}

/** `path: old → new`, as the CLI lists changed keys. */
export function changeText(c: LockChange): string {
  return `${c.pathText}: ${c.kind === 'added' ? '(not locked)' : c.old} → ${c.kind === 'removed' ? '(removed)' : c.new}`;
}

/** The original's wording for a content mismatch; another reason (a lock of another profile) as is. */
export function mismatchReason(check: LockCheck): string {
  if (check.lock && check.currentHash && check.currentHash !== check.lock.sha256 && (check.changes.length || check.lock.schema === 1)) {
    return `Hash mismatch: current=${check.currentHash.slice(0, 16)}... expected=${check.lock.sha256.slice(0, 16)}...`;
  }
  return check.reason ?? 'lock does not match';
}

/** The span to mark for a change: from its key to the end of its value; a removed entry marks the mapping (or list) that lost it. */
function changeSpan(c: LockChange, lines: LineIndex): Pick<LockProblem, 'start' | 'end'> {
  const from = c.keyRange?.start ?? c.range?.start;
  const to = c.kind === 'removed' ? (c.keyRange ?? c.range)?.end : (c.range ?? c.keyRange)?.end;
  if (from === undefined) return {};
  return { start: lines.at(from), ...(to !== undefined && to > from ? { end: lines.at(to) } : {}) };
}

function at(problem: InputError | undefined, fallback: string): Pick<LockProblem, 'file' | 'start'> {
  const loc = problem?.location;
  if (!loc) return { file: fallback };
  return { file: loc.file, ...(loc.line !== undefined ? { start: { line: loc.line, column: loc.column ?? 1 } } : {}) };
}

/**
 * Every problem of one locked profile (`check` undefined for an orphan lock). `shown` names a file
 * in messages as the user knows it (e.g. relative to the current folder).
 */
export function lockProblems(entry: LockedProfile, check: LockCheck | undefined, shown: (file: string) => string = (f) => f): LockProblem[] {
  if (!entry.profilePath || !check) {
    const lock = (entry.lockPath ?? entry.legacyLockPath)!;
    return [{ rule: 'orphan', message: `${path.basename(lock)}: orphan lock, no profile beside it`, file: lock }];
  }
  const lockName = path.basename(check.lockPath);
  const legacy = check.legacy;
  const out: LockProblem[] = [];
  switch (check.status) {
    case 'profile-error':
      return [{ rule: 'profile-unhashable', message: `the profile cannot be hashed: ${check.problem?.message ?? 'unreadable profile'}`, ...at(check.problem, check.profilePath) }];
    case 'missing':
      out.push({ rule: 'missing', message: `no ${lockName}${legacy ? ` (a legacy ${path.basename(legacy.lockPath)} alone does not lock a profile)` : ''}; run 'aurora-ga lock --in ${shown(check.profilePath)}'`, file: check.profilePath });
      break;
    case 'unreadable':
      out.push({ rule: 'unreadable', message: `${lockName} cannot be read: ${check.problem?.message ?? 'corrupt lock file'}`, ...at(check.problem, check.lockPath) });
      break;
    case 'mismatch':
      if (check.changes.length) {
        const lines = new LineIndex(check.profileText ?? '');
        for (const c of check.changes) out.push({ rule: 'changed-key', message: `${changeText(c)} since ${lockName}`, file: check.profilePath, ...(check.profileText === undefined ? {} : changeSpan(c, lines)) });
      } else {
        const schema1 = check.lock?.schema === 1 ? `; ${lockName} is a schema 1 lock: it stores no values, so the changed keys cannot be named. Re-lock to record them.` : '';
        out.push({ rule: 'mismatch', message: `${mismatchReason(check)}${schema1}`, file: check.profilePath });
      }
      break;
    case 'valid':
      break;
  }
  if (legacy?.status === 'mismatch') out.push({ rule: 'legacy', message: `legacy ${path.basename(legacy.lockPath)}: checksum ${legacy.expected} ≠ current ${legacy.current}`, file: legacy.lockPath });
  if (legacy?.status === 'unreadable') out.push({ rule: 'legacy', message: `legacy ${path.basename(legacy.lockPath)} cannot be read: ${legacy.problem?.message ?? 'corrupt lock file'}`, ...at(legacy.problem, legacy.lockPath) });
  return out;
}
