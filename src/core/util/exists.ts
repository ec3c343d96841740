import { promises as fs } from 'node:fs';

/** Whether anything (a file, a folder) is at `file`; an unreadable parent counts as nothing. */
export function pathExists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

/** Whether a regular file is at `file` (following symlinks). */
export function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isFile(), () => false);
}
