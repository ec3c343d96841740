// Locking a profile brings every lock of it into agreement (policy.ts): the `.lock.json` is written,
// and a legacy `.yaml.lock` beside it gets the current checksum — or, when it cannot be read (so its
// checksum cannot be replaced in place), is retired: renamed, kept, no longer read.
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
import { readTextIfPresent } from '../util/readText';
import { legacyChecksum, parseExactJson, type NormalizedProfile } from '../pyyaml';
import { writeLock } from './lockFile';
import { legacyLockPathFor } from './lockPaths';

export type LegacyUpdate =
  | { kind: 'none' }
  | { kind: 'unchanged'; lockPath: string }
  | { kind: 'updated'; lockPath: string; checksum: string }
  | { kind: 'retired'; lockPath: string; retiredTo: string };

/** The legacy lock text with its checksum replaced, or undefined when its checksum field cannot be found. */
function withChecksum(text: string, file: string, checksum: string): string | undefined {
  let root;
  try {
    root = parseExactJson(text, file);
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
  const node = root.kind === 'object' ? root.entries.find((e) => e.key === 'checksum')?.value : undefined;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !node.range) return undefined;
  return text.slice(0, node.range.start) + JSON.stringify(checksum) + text.slice(node.range.end);
}

async function freeName(base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n ? `${base}.${n}` : base;
    if (!(await fs.stat(candidate).then(() => true, () => false))) return candidate;
  }
}

/** Brings the legacy lock of `profilePath` (if any) into agreement with the profile as hashed. */
export async function updateLegacyLock(profilePath: string, profileText: string, profile: NormalizedProfile, signal: AbortSignal): Promise<LegacyUpdate> {
  const lockPath = legacyLockPathFor(profilePath);
  const text = await readTextIfPresent(lockPath, signal);
  if (text === undefined) return { kind: 'none' };
  const checksum = legacyChecksum(profile.root, profileText, profilePath);
  const next = withChecksum(text, lockPath, checksum);
  if (next === text) return { kind: 'unchanged', lockPath };
  if (next !== undefined) {
    await writeFileAtomic(lockPath, next);
    return { kind: 'updated', lockPath, checksum };
  }
  const retiredTo = await freeName(`${lockPath}.retired`);
  await fs.rename(lockPath, retiredTo);
  return { kind: 'retired', lockPath, retiredTo };
}

/** Writes the `.lock.json` (schema 2) and brings the legacy lock into agreement: what "lock" and "Update lock" do. */
export async function writeProfileLocks(profilePath: string, lockFile: string, profileText: string, profile: NormalizedProfile, signal: AbortSignal, now = new Date()): Promise<LegacyUpdate> {
  await writeLock(profilePath, lockFile, profile, now);
  return updateLegacyLock(profilePath, profileText, profile, signal);
}
