// Validating a profile against its lock from the texts, for the CLI's --validate: a schema-2 lock's
// locked_values are hashed as text, never built into a value tree (large profiles), and the
// profile's tree is only built when a legacy lock needs its checksum. It answers "valid" only when
// checkLock would; anything else (and every "why not") is checkLock's.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hashProfileText, normalizeProfile, parseExactJson, readUtf8 } from '../pyyaml';
import { readTextIfPresent } from '../util/readText';
import { checkLegacyLock, type LegacyLockCheck } from './legacyLock';
import { lockHeader } from './lockFile';
import { legacyLockPathFor, sameProfile } from './lockPaths';
import { decideLock } from './policy';

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

/**
 * SHA-256 of `json[from, to)` without the whitespace between tokens, fed to the hash in pieces: a
 * whole compact copy of a 50 MB lock's values (and the pieces' array) would double validate's peak.
 */
function compactSha256(json: string, from: number, to: number): string {
  const hash = createHash('sha256');
  let pending = '';
  const flush = (piece: string) => {
    pending += piece;
    if (pending.length >= 1 << 20) {
      hash.update(pending, 'utf8');
      pending = '';
    }
  };
  let start = from;
  for (let i = from; i < to; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) i = stringEnd(json, i);
    else if (c === 32 || c === 10 || c === 13 || c === 9) {
      if (i > start) flush(json.slice(start, i));
      start = i + 1;
    }
  }
  flush(json.slice(start, to));
  return hash.update(pending, 'utf8').digest('hex');
}

/**
 * The current hash when the profile validates against its lock (schema 1, or schema 2 whose recorded
 * values are what was hashed); undefined: ask checkLock, which also says why.
 */
export async function quickValidate(profilePath: string, shownPath: string, lockPath: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const text = await readUtf8(profilePath, signal, shownPath);
    const legacyLock = await readTextIfPresent(legacyLockPathFor(profilePath), signal);
    let hash: string;
    let legacy: LegacyLockCheck | undefined;
    if (legacyLock === undefined) hash = hashProfileText(text, shownPath).sha256;
    else {
      const profile = normalizeProfile(text, shownPath);
      hash = profile.sha256;
      legacy = checkLegacyLock(legacyLock, profilePath, text, profile.root);
    }
    const lockText = await fs.readFile(lockPath, { encoding: 'utf8', signal });
    // The fields are checked by the lock format's own schema; locked_values (all but the fields) are hashed as text.
    const span = lockedValuesSpan(lockText);
    const fields = span ? `${lockText.slice(0, span[0])}null${lockText.slice(span[1])}` : lockText;
    const lock = lockHeader(parseExactJson(fields, lockPath), fields, lockPath);
    if (lock.sha256 !== hash || !sameProfile(lock, lockPath, profilePath)) return undefined;
    // Equal hashes: recorded values that are the very JSON that was hashed mean the lock is not corrupt.
    if (lock.schema === 2 && (!span || compactSha256(lockText, span[0], span[1]) !== hash)) return undefined;
    // The .lock.json validates; whether the profile does is the one lock policy's to say (a legacy lock can take it away).
    return decideLock({ status: 'valid', profilePath, lockPath, legacy, changes: [] }).status === 'valid' ? hash : undefined;
  } catch {
    return undefined;
  }
}
