// The CLI's large-profile path: writing a schema-2 lock from the profile's hash and JSON text alone
// (hashProfileText), without the value trees the editor and the change list need — byte for byte
// as renderLock writes it. Validating the same way is quickValidate.ts.
import { writeFileAtomic } from '../util/atomicWrite';
import { pathExists } from '../util/exists';
import { hashProfileText, normalizeProfile, readUtf8, reindentCompact, type ProfileHash } from '../pyyaml';
import { renderLock } from './lockFile';
import { legacyLockPathFor } from './lockPaths';
import { updateLegacyLock, type LegacyUpdate } from './update';

/** renderLock's text for a profile known by its hash and compact JSON. */
export function renderLockFromHash(profilePath: string, lockFile: string, hash: ProfileHash, now: Date): string {
  const header = renderLock(profilePath, lockFile, { root: { kind: 'scalar', value: null }, json: hash.json, sha256: hash.sha256, hasAnchors: false }, now);
  const tail = '"locked_values": null\n}\n';
  if (!header.endsWith(tail)) throw new Error('renderLock layout changed: locked_values is no longer the last field');
  return `${header.slice(0, -tail.length)}"locked_values": ${reindentCompact(hash.json, 1)}\n}\n`;
}

/**
 * Hashes a profile file on the lean path and writes its schema-2 lock atomically; a legacy lock
 * beside it is brought into agreement (update.ts), which needs the value tree, so only then is it built.
 */
export async function lockProfileFile(profilePath: string, shownPath: string, lockFile: string, signal: AbortSignal, now = new Date()): Promise<{ hash: ProfileHash; legacy: LegacyUpdate }> {
  const text = await readUtf8(profilePath, signal, shownPath);
  const hash = hashProfileText(text, shownPath);
  await writeFileAtomic(lockFile, renderLockFromHash(profilePath, lockFile, hash, now));
  if (!(await pathExists(legacyLockPathFor(profilePath)))) return { hash, legacy: { kind: 'none' } };
  return { hash, legacy: await updateLegacyLock(profilePath, text, normalizeProfile(text, shownPath), signal) };
}
