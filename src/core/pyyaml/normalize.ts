import { createHash } from 'node:crypto';
import type { JNode } from './jsonValue';
import { LineIndex } from './lineIndex';
import { COMPACT, PYTHON_DEFAULT, serializePython } from './pyJson';
import { loadYaml11 } from './yaml11';

/** A profile as the lock tool sees it: the value, its normalized JSON text and that text's SHA-256. */
export interface NormalizedProfile {
  root: JNode;
  /** `json.dumps(safe_load(text), sort_keys=True, separators=(',', ':'))`. */
  json: string;
  sha256: string;
  hasAnchors: boolean;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Serializes a loaded tree, locating json.dumps-style failures (dates, mixed keys) in `text`. */
export function serializeLocated(root: JNode, text: string, file: string, style = COMPACT): string {
  let index: LineIndex | undefined;
  return serializePython(root, style, file, (offset) => (index ??= new LineIndex(text)).at(offset));
}

/** Reads and hashes a profile exactly like the original mk_profile_lock.py; bad input is an InputError with file:line:col. */
export function normalizeProfile(text: string, file: string): NormalizedProfile {
  const { root, hasAnchors } = loadYaml11(text, file);
  const json = serializeLocated(root, text, file);
  return { root, json, sha256: sha256Hex(json), hasAnchors };
}

/** The legacy `.yaml.lock` checksum: first 16 hex of SHA-256 over `json.dumps(v, sort_keys=True)` (default separators). */
export function legacyChecksum(root: JNode, text: string, file: string): string {
  return sha256Hex(serializeLocated(root, text, file, PYTHON_DEFAULT)).slice(0, 16);
}
