import { InputError } from './errors';

const WHY: Record<string, string> = {
  EACCES: 'permission denied (is the folder read-only?)',
  EPERM: 'permission denied (is the folder read-only?)',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder is in the way (the path names a directory)',
  ENOTEMPTY: 'a folder is in the way (the path names a directory)',
  EEXIST: 'a folder is in the way (the path names a directory)',
  ENOTDIR: 'a file is in the way (part of the path is a file, not a folder)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the path is too long',
};

/** A failed write as the user's problem, naming the file and the cause in words; other errors as they are. */
export function writeFailure(err: unknown, file: string, what = 'cannot write'): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code && (code in WHY || code.startsWith('E'))) return new InputError(`${what}: ${WHY[code] ?? code} (${code})`, { file });
  return err as Error;
}
