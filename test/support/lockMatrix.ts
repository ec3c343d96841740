// The profile-lock fixture matrix of issue #11, generated into a folder (never committed):
// `.lock.json` valid / mismatch / missing / unreadable × schema 1 / 2 × legacy `.yaml.lock` absent /
// valid / mismatch / unreadable × profile_lock.enforced on / off. Every face must give each case the
// verdict `expectedVerdict` derives from the documented precedence rule (README "One verdict").
import fs from 'node:fs';
import path from 'node:path';
import { legacyChecksum, normalizeProfile, renderLock } from '../../src/core/lock';

export type JsonLock = 'valid' | 'mismatch' | 'missing' | 'unreadable';
export type LegacyLock = 'absent' | 'valid' | 'mismatch' | 'unreadable';
export type Verdict = 'valid' | 'mismatch' | 'missing' | 'unreadable';

export interface MatrixCase {
  /** Folder of the case, relative to the matrix root (POSIX): `on/j-valid-s2-l-absent`. */
  name: string;
  json: JsonLock;
  schema: 1 | 2;
  legacy: LegacyLock;
  enforced: boolean;
  /** Absolute path of the case's profile, `<root>/<name>/p.yaml`. */
  profile: string;
}

/** The rule, written from the README independently of the code: the `.lock.json` first, then the legacy lock. */
export function expectedVerdict(c: Pick<MatrixCase, 'json' | 'legacy'>): Verdict {
  if (c.json !== 'valid') return c.json;
  if (c.legacy === 'mismatch' || c.legacy === 'unreadable') return c.legacy;
  return 'valid';
}

/** A face that refuses a profile does so exactly when the lock is enforced and the verdict is not valid. */
export function expectedRefusal(c: MatrixCase): boolean {
  return c.enforced && expectedVerdict(c) !== 'valid';
}

const body = (minDecisions: number) => `acceptance:\n  min_decisions: ${minDecisions}\n  coverage_target: 0.9\n`;
const profileText = (enforced: boolean, minDecisions: number) => (enforced ? '' : 'profile_lock:\n  enforced: false\n') + body(minDecisions);

function schema1Lock(sha256: string): string {
  return `${JSON.stringify({ schema_v: 1, profile_name: 'p', profile_path: 'configs\\profiles\\p.yaml', sha256_normalized_yaml: sha256, generated_at: '2025-08-21T10:00:00.000000', generator_ver: '1.0' }, null, 2)}\n`;
}

function legacyLock(checksum: string): string {
  return `${JSON.stringify({ profile_path: 'configs\\profiles\\p.yaml', checksum, validation: { is_valid: true, errors: [], warnings: [] }, locked_at: '1755733770.658692', lock_created: '$(date -Iseconds)' }, null, 2)}`;
}

/** Writes every case under `root` (prefix lets a test keep its cases apart from others in a shared folder). */
export function writeMatrix(root: string, prefix = ''): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const enforced of [true, false])
    for (const json of ['valid', 'mismatch', 'missing', 'unreadable'] as const)
      for (const schema of [1, 2] as const)
        for (const legacy of ['absent', 'valid', 'mismatch', 'unreadable'] as const) {
          const name = `${prefix}${enforced ? 'on' : 'off'}/j-${json}-s${schema}-l-${legacy}`;
          const dir = path.join(root, name);
          fs.mkdirSync(dir, { recursive: true });
          const profile = path.join(dir, 'p.yaml');
          const text = profileText(enforced, 1);
          fs.writeFileSync(profile, text);
          const current = normalizeProfile(text, profile);
          // A mismatched lock is a real lock of an earlier version of the profile.
          const locked = json === 'mismatch' ? normalizeProfile(profileText(enforced, 2), profile) : current;
          const lockFile = path.join(dir, 'p.lock.json');
          if (json === 'unreadable') fs.writeFileSync(lockFile, '{"schema_v": 2, "sha256_normalized_yaml": ');
          else if (json !== 'missing') fs.writeFileSync(lockFile, schema === 1 ? schema1Lock(locked.sha256) : renderLock(profile, lockFile, locked, new Date('2025-08-21T10:00:00Z')));
          const legacyFile = `${profile}.lock`;
          if (legacy === 'valid') fs.writeFileSync(legacyFile, legacyLock(legacyChecksum(current.root, text, profile)));
          else if (legacy === 'mismatch') fs.writeFileSync(legacyFile, legacyLock('0123456789abcdef'));
          else if (legacy === 'unreadable') fs.writeFileSync(legacyFile, 'checksum = b1c5472a9904e051\n');
          cases.push({ name, json, schema, legacy, enforced, profile });
        }
  return cases;
}

/** The verdict named by a one-line lock detail of the core (the wording every face shares). */
export function verdictOfDetail(detail: string): Verdict | undefined {
  if (/cannot be read/.test(detail)) return 'unreadable';
  if (/does not match|≠/.test(detail)) return 'mismatch';
  if (/no lock file|Lock file not found|not locked/.test(detail)) return 'missing';
  if (/validates|valid/.test(detail)) return 'valid';
  return undefined;
}
