import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** `file` relative to root in POSIX form, or absolute when it lies outside root (a bundled gates file). */
export function recordPath(root: string, file: string): string {
  const rel = path.relative(root, path.resolve(root, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(root, file) : rel.split(path.sep).join('/');
}

/** SHA-256 of a file's bytes, or null when it cannot be read. */
export async function fileSha256(file: string, signal: AbortSignal): Promise<string | null> {
  try {
    return createHash('sha256').update(await fs.readFile(file, { signal })).digest('hex');
  } catch {
    signal.throwIfAborted();
    return null;
  }
}
