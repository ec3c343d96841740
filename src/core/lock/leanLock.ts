// The CLI's large-profile path: writing and validating a schema-2 lock from the profile's hash and
// JSON text alone (hashProfileText), without the value trees the editor and the change list need.
// The answer is the full path's: a lock is written byte for byte as renderLock writes it, and
// "valid" is only answered when the full check would say so; anything else is left to checkLock.
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../util/atomicWrite';
import { hashProfileText, type JNode, type JScalar, normalizeProfile, parseExactJson, readUtf8, reindentCompact, sha256Hex, type ProfileHash } from '../pyyaml';
import { sameProfile } from './checkLock';
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

const exists = (file: string) => fs.stat(file).then(() => true, () => false);

/**
 * Hashes a profile file on the lean path and writes its schema-2 lock atomically; a legacy lock
 * beside it is brought into agreement (update.ts), which needs the value tree, so only then is it built.
 */
export async function lockProfileFile(profilePath: string, shownPath: string, lockFile: string, signal: AbortSignal, now = new Date()): Promise<{ hash: ProfileHash; legacy: LegacyUpdate }> {
  const text = await readUtf8(profilePath, signal, shownPath);
  const hash = hashProfileText(text, shownPath);
  await writeFileAtomic(lockFile, renderLockFromHash(profilePath, lockFile, hash, now));
  if (!(await exists(legacyLockPathFor(profilePath)))) return { hash, legacy: { kind: 'none' } };
  return { hash, legacy: await updateLegacyLock(profilePath, text, normalizeProfile(text, shownPath), signal) };
}

/** Index of the quote that closes the JSON string opening at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  for (; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
  return i;
}

/** [start, end) of the top-level `"locked_values"` value in a lock's JSON text, if there is one. */
function lockedValuesSpan(text: string): [number, number] | undefined {
  let depth = 0;
  // Just past the top-level "locked_values" key (the next value is the one), until a comma.
  let valuesNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      i = stringEnd(text, i);
      if (depth === 1 && text.slice(start, i + 1) === '"locked_values"') valuesNext = true;
    } else if (c === 123 || c === 91) {
      if (depth === 1 && valuesNext) {
        const valueStart = i;
        let d = 0;
        for (; i < text.length; i++) {
          const v = text.charCodeAt(i);
          if (v === 34) i = stringEnd(text, i);
          else if (v === 123 || v === 91) d++;
          else if ((v === 125 || v === 93) && --d === 0) return [valueStart, i + 1];
        }
        return undefined;
      }
      depth++;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 44) valuesNext = false;
  }
  return undefined;
}

/** JSON text without the whitespace between tokens. */
function compact(json: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) i = stringEnd(json, i);
    else if (c === 32 || c === 10 || c === 13 || c === 9) {
      parts.push(json.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(json.slice(from));
  return parts.join('');
}

function field(root: JNode, name: string): JScalar | undefined {
  const node = root.kind === 'object' ? root.entries.find((e) => e.key === name)?.value : undefined;
  return node?.kind === 'scalar' ? node.value : undefined;
}

/**
 * The current hash when the profile, with no legacy lock beside it, validates against a schema-2 lock whose recorded values are
 * what was hashed, decided without building either value tree; undefined: ask checkLock.
 */
export async function quickValidate(profilePath: string, shownPath: string, lockPath: string, signal: AbortSignal): Promise<string | undefined> {
  // A legacy lock takes part in the verdict (policy.ts), and checking it needs the value tree.
  if (await exists(legacyLockPathFor(profilePath))) return undefined;
  try {
    const hash = hashProfileText(await readUtf8(profilePath, signal, shownPath), shownPath).sha256;
    const lockText = await fs.readFile(lockPath, { encoding: 'utf8', signal });
    const span = lockedValuesSpan(lockText);
    if (!span) return undefined;
    const header = parseExactJson(`${lockText.slice(0, span[0])}null${lockText.slice(span[1])}`, lockPath);
    const schema = field(header, 'schema_v');
    const sha256 = field(header, 'sha256_normalized_yaml');
    const recorded = field(header, 'profile_path');
    if (schema !== 2n || sha256 !== hash || typeof recorded !== 'string') return undefined;
    if (!sameProfile({ schema: 2, profilePath: recorded }, lockPath, profilePath)) return undefined;
    // Equal hashes: the recorded values are the very JSON that was hashed, so the lock is not corrupt.
    return sha256Hex(compact(lockText.slice(span[0], span[1]))) === hash ? hash : undefined;
  } catch {
    return undefined;
  }
}
