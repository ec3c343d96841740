import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

// What a sign-off binds to: the exact bytes of the gate report and of every lock file. Any change
// to either (a new evaluation, a re-locked profile) makes earlier sign-offs stale.

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 over `relative-path<TAB>sha256(bytes)` lines of the lock files, sorted by path; a missing file hashes as `missing`. */
export async function locksFingerprint(root: string, lockFiles: string[], signal: AbortSignal): Promise<string> {
  const lines = await Promise.all(
    [...new Set(lockFiles.map((f) => path.resolve(root, f)))].map(async (abs) => {
      const rel = path.relative(root, abs).split(path.sep).join('/');
      try {
        return `${rel}\t${sha256(await fs.readFile(abs, { signal }))}\n`;
      } catch (err) {
        signal.throwIfAborted();
        return `${rel}\tmissing:${(err as NodeJS.ErrnoException).code ?? 'error'}\n`;
      }
    }),
  );
  return sha256(lines.sort().join(''));
}
