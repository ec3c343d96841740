import { promises as fs } from 'node:fs';

/** A UTF-8 file's text, or undefined when it does not exist; any other failure is thrown. */
export async function readTextIfPresent(file: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    return await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
