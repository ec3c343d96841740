import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pidAlive } from './fileLock';

/** `.<name>.<pid>.<random>.tmp` beside the target: the pid says whether its writer is still alive. */
export function tempPathFor(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes temporaries of `file` left by writers that were killed (kill -9, power loss) mid-write. */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const names = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return;
      const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
      if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) await fs.rm(path.join(path.dirname(file), name), { force: true });
    }),
  );
}

/**
 * Writes a file so that readers see either the old or the new content, never a torn one:
 * the data goes to a temporary sibling, is flushed, then renamed over the target.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTemps(file);
  const tmp = tempPathFor(file);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
