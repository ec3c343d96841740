// The original tool opens a profile as UTF-8 text: bytes that are not UTF-8 make Python raise
// UnicodeDecodeError, so they must not become U+FFFD here (a different hash), and a BOM stays in
// the text for the scanner to skip, as PyYAML does.
import { promises as fs } from 'node:fs';
import { InputError } from '../util/errors';
import { LineIndex } from './lineIndex';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that starts an invalid UTF-8 sequence (Python's strict utf-8 codec). */
function firstInvalid(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return bytes.length;
}

/** Strict UTF-8 text of a profile's bytes; invalid bytes are an InputError at their line and column. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    const before = decoder.decode(bytes.subarray(0, at));
    throw new InputError(`'utf-8' codec can't decode byte 0x${bytes[at].toString(16).padStart(2, '0')}: the file is not UTF-8 text`, { file, ...new LineIndex(before).at(before.length) });
  }
}

/**
 * Profiles larger than this are refused before reading: a lock hashes (and a schema-2 lock stores)
 * the whole profile, and beyond this size neither the hash nor the lock stays within 1 GB of memory.
 */
export const MAX_PROFILE_BYTES = 64 * 1024 * 1024;

/** Reads a profile as the original tool does (strict UTF-8, BOM kept); past MAX_PROFILE_BYTES a clear error. */
export async function readUtf8(file: string, signal: AbortSignal, shown = file): Promise<string> {
  const { size } = await fs.stat(file);
  if (size > MAX_PROFILE_BYTES) {
    throw new InputError(`the profile is ${(size / 1024 / 1024).toFixed(1)} MiB; profiles over ${MAX_PROFILE_BYTES / 1024 / 1024} MiB are not read (memory limit of the lock hash)`, { file: shown });
  }
  return decodeUtf8(await fs.readFile(file, { signal }), shown);
}
