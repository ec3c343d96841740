import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
// zod/mini: the lock command is also bundled on its own (dist/lock.cjs), where the classic API would bring all of zod.
import * as z from 'zod/mini';
import { COMPACT, INDENTED, LineIndex, type JEntry, type JNode, type NormalizedProfile, parseExactJson, serializePython, sha256Hex } from '../pyyaml';

export const GENERATOR_VERSION = '2.0';

/** A `<stem>.lock.json`, schema 1 (the original's) or 2 (ours, with the locked values). */
export interface ProfileLock {
  schema: 1 | 2;
  profileName: string;
  /** As stored: schema 2 POSIX relative to the lock; schema 1 whatever the original was given. */
  profilePath: string;
  sha256: string;
  generatedAt: string;
  generatorVersion: string;
  /** Schema 2: the normalized profile that was hashed (schema 1: found in git history, see valuesFrom). */
  lockedValues?: JNode;
  /** Schema 1 only: the commit whose profile hashed to `sha256`, where `lockedValues` came from. */
  valuesFrom?: string;
}

/**
 * The lock file format's one schema: schema 1 is the original's fields, schema 2 adds `locked_values`
 * (kept as read, exactly: its bytes are what was hashed). Checked on the plain JSON of the top level.
 */
export const lockFileSchema = z.object({
  schema_v: z.union([z.literal(1), z.literal(2)], { error: 'unsupported lock schema_v: expected 1 or 2' }),
  profile_name: z._default(z.string(), ''),
  profile_path: z._default(z.string(), ''),
  sha256_normalized_yaml: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
  generated_at: z._default(z.string(), ''),
  generator_ver: z._default(z.string(), ''),
  locked_values: z.optional(z.unknown()),
});
export type LockFileJson = z.infer<typeof lockFileSchema>;

/** The top level as plain JSON for the schema; nested values only need to be present. */
function topLevel(root: Extract<JNode, { kind: 'object' }>): Record<string, unknown> {
  const plain = (n: JNode): unknown => (n.kind === 'scalar' ? (typeof n.value === 'bigint' ? Number(n.value) : n.value) : n.kind === 'invalid' ? undefined : {});
  return Object.fromEntries(root.entries.map((e: JEntry) => [e.key, plain(e.value)]));
}

/** A lock's fields checked against the lock file format (locked_values not read); malformed: an InputError naming the lock file and the field's line. */
export function lockHeader(root: JNode, text: string, lockFile: string): ProfileLock {
  if (root.kind !== 'object') throw new InputError('a profile lock must be a JSON object', { file: lockFile, line: 1, column: 1 });
  const parsed = lockFileSchema.safeParse(topLevel(root));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const entry = root.entries.find((e: JEntry) => e.key === key);
    const at = entry?.keyRange ? new LineIndex(text).at(entry.keyRange.start) : { line: 1, column: 1 };
    throw new InputError(entry || !key ? `${key || 'lock'}: ${issue.message}` : `missing field '${key}'`, { file: lockFile, ...at }, 'invalid-schema');
  }
  const f = parsed.data;
  return { schema: f.schema_v, profileName: f.profile_name, profilePath: f.profile_path, sha256: f.sha256_normalized_yaml, generatedAt: f.generated_at, generatorVersion: f.generator_ver };
}

/** Parses a lock file's text; anything malformed is an InputError naming the lock file and the line of the field. */
export function parseLock(text: string, lockFile: string): ProfileLock {
  const root = parseExactJson(text, lockFile);
  const lock = lockHeader(root, text, lockFile);
  if (lock.schema === 2 && root.kind === 'object') {
    const values = root.entries.find((e: JEntry) => e.key === 'locked_values')?.value;
    if (values === undefined) throw new InputError("schema 2 lock without 'locked_values'", { file: lockFile, line: 1, column: 1 });
    // The values must be what was hashed, or "Revert" would restore something the lock does not describe.
    if (sha256Hex(serializePython(values, COMPACT)) !== lock.sha256) {
      throw new InputError('locked_values do not match sha256_normalized_yaml (the lock was edited by hand?)', { file: lockFile, line: 1, column: 1 });
    }
    lock.lockedValues = values;
  }
  return lock;
}

export async function readLock(lockFile: string, signal: AbortSignal): Promise<ProfileLock> {
  return parseLock(await fs.readFile(lockFile, { encoding: 'utf8', signal }), lockFile);
}

/** ISO 8601 local time with microseconds and its UTC offset, e.g. `2026-11-27T03:01:31.416000+01:00`. */
export function isoWithOffset(date: Date): string {
  const p = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');
  const off = -date.getTimezoneOffset();
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.${p(date.getMilliseconds() * 1000, 6)}${off < 0 ? '-' : '+'}${p(off / 60)}:${p(off % 60)}`;
}

/** The schema-2 lock text for a profile: json.dump(indent=2) layout, values in Python JSON form. */
export function renderLock(profilePath: string, lockFile: string, profile: NormalizedProfile, now: Date): string {
  const rel = path.relative(path.dirname(path.resolve(lockFile)), path.resolve(profilePath)).split(path.sep).join('/');
  const s = (value: string): JNode => ({ kind: 'scalar', value });
  const doc: JNode = {
    kind: 'object',
    entries: [
      { key: 'schema_v', value: { kind: 'scalar', value: 2n } },
      { key: 'profile_name', value: s(path.basename(profilePath, path.extname(profilePath))) },
      { key: 'profile_path', value: s(rel) },
      { key: 'sha256_normalized_yaml', value: s(profile.sha256) },
      { key: 'generated_at', value: s(isoWithOffset(now)) },
      { key: 'generator_ver', value: s(GENERATOR_VERSION) },
      { key: 'locked_values', value: profile.root },
    ],
  };
  return `${serializePython(doc, INDENTED)}\n`;
}

/** Writes the schema-2 lock atomically (readers never see a torn file). */
export async function writeLock(profilePath: string, lockFile: string, profile: NormalizedProfile, now = new Date()): Promise<void> {
  await writeFileAtomic(lockFile, renderLock(profilePath, lockFile, profile, now));
}
