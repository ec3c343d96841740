import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pause } from './pause';

// An inter-process lock for files that two VS Code windows, or a window and the CLI, both change by
// read-modify-write. A `<file>.lock` created with O_EXCL holds the owner's pid, host and a nonce;
// a lock whose owner is gone (same host, pid not alive) or that is older than STALE_MS is broken.

/** A holder keeps a lock for milliseconds (read, apply, write); anything this old was abandoned. */
export const STALE_MS = 30_000;
/** How long a writer waits for another before saying so. */
const WAIT_MS = 20_000;

interface Owner {
  pid: number;
  host: string;
  nonce: string;
  time: string;
}

export class LockTimeoutError extends Error {
  constructor(readonly file: string, readonly owner: string) {
    super(`${file} is locked by ${owner}; nothing was written (try again, or delete ${file}.lock if that process is gone)`);
    this.name = 'LockTimeoutError';
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockFile: string): Promise<{ owner: Partial<Owner>; mtimeMs: number } | undefined> {
  try {
    const [text, st] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    let owner: Partial<Owner> = {};
    try {
      owner = JSON.parse(text) as Partial<Owner>;
    } catch {
      // Half-written by a holder killed between open and write: judged by its age alone.
    }
    return { owner, mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(found: { owner: Partial<Owner>; mtimeMs: number }, now: number): boolean {
  const { owner } = found;
  if (owner.host === os.hostname() && typeof owner.pid === 'number' && owner.pid !== process.pid && !pidAlive(owner.pid)) return true;
  return now - found.mtimeMs > STALE_MS;
}

/**
 * Breaks a stale lock without ever removing a live one: the stale file is moved aside (only one
 * contender's rename succeeds), and put back if what was moved turns out not to be what was judged.
 */
async function breakStale(lockFile: string, judged: Partial<Owner>): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockFile, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = await readOwner(aside);
  if (moved && moved.owner.nonce !== judged.nonce) await fs.link(aside, lockFile).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/**
 * Runs `fn` while holding `<file>.lock`. Throws LockTimeoutError when another live writer holds it
 * for longer than a writer ever should, and the signal's reason when aborted while waiting.
 */
export async function withFileLock<T>(file: string, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const lockFile = `${file}.lock`;
  const me: Owner = { pid: process.pid, host: os.hostname(), nonce: randomBytes(8).toString('hex'), time: new Date().toISOString() };
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    try {
      const handle = await fs.open(lockFile, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        await fs.mkdir(path.dirname(lockFile), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw err;
    }
    const found = await readOwner(lockFile);
    if (found && isStale(found, Date.now())) {
      await breakStale(lockFile, found.owner);
      continue;
    }
    if (Date.now() - started > WAIT_MS) {
      const o = found?.owner;
      throw new LockTimeoutError(file, o?.pid ? `process ${o.pid} on ${o.host ?? '?'} since ${o.time ?? '?'}` : 'another process');
    }
    // Jittered so two waiters do not keep colliding.
    await pause(Math.min(5 + attempt * 5, 50) + Math.random() * 10, signal);
  }
  try {
    return await fn();
  } finally {
    const still = await readOwner(lockFile).catch(() => undefined);
    if (still?.owner.nonce === me.nonce) await fs.rm(lockFile, { force: true });
  }
}
