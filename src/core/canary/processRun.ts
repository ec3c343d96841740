import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { TailBuffer } from './tail';

// One child process run with the guarantees a canary needs: no shell, its own process group (so a
// timeout or a cancellation kills grandchildren too), bounded memory for its output, and nothing of
// the group left running when the promise settles.

export interface ProcessSpec {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL to the group. */
  killGraceMs: number;
  /** Bytes of each stream kept. */
  tailBytes: number;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the program could not be started (ENOENT, EACCES…). */
  spawnError: string | null;
  stdout: TailBuffer;
  stderr: TailBuffer;
  durationMs: number;
}

/** Signals every process in the child's group; false when the group is gone. */
function signalGroup(pid: number, sig: NodeJS.Signals | 0): boolean {
  if (process.platform === 'win32') {
    if (sig !== 0) spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return false;
  }
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    return false;
  }
}

// Not unref'd: while a run's group is being reaped this timer may be all that keeps the CLI alive,
// and an unref'd one let Node exit 0 mid-cancellation, before the partial results were written.
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * True while a live (non-zombie) process is in the group. kill(-pgid, 0) also succeeds for zombies
 * whose reaper is slow (PID 1 in a container may never reap), so on Linux /proc settles it.
 */
function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  if (process.platform !== 'linux') return true;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited while we looked
      }
      // Fields after "(comm)": state ppid pgrp …
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** Waits until no process of the group is left (bounded, in case something unkillable remains). */
async function groupGone(pgid: number, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (groupAlive(pgid) && Date.now() < end) await delay(10);
}

export function runProcess(spec: ProcessSpec, signal: AbortSignal): Promise<ProcessOutcome> {
  const stdout = new TailBuffer(spec.tailBytes);
  const stderr = new TailBuffer(spec.tailBytes);
  const t0 = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const base = { stdout, stderr, timedOut: false, aborted: false };
  if (signal.aborted) return Promise.resolve({ ...base, aborted: true, exitCode: null, signal: null, spawnError: null, durationMs: 0 });

  return new Promise<ProcessOutcome>((resolve) => {
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: spec.env,
      detached: true, // own process group: process.kill(-pid) reaches every descendant that did not leave it
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let timedOut = false;
    let aborted = false;
    let exit: { code: number | null; sig: NodeJS.Signals | null; ms: number } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const terminate = () => {
      if (child.pid === undefined || exit) return;
      signalGroup(child.pid, 'SIGTERM');
      graceTimer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), spec.killGraceMs);
    };
    const timeoutTimer = setTimeout(() => {
      timedOut = true;
      terminate();
    }, spec.timeoutMs);
    const onAbort = () => {
      aborted = true;
      terminate();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const finish = async (spawnError: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(graceTimer);
      signal.removeEventListener('abort', onAbort);
      if (child.pid !== undefined) {
        // The run is over: whatever it left behind in its group goes too, so it cannot touch the run dir later.
        signalGroup(child.pid, 'SIGKILL');
        await groupGone(child.pid, 1000);
      }
      resolve({ stdout, stderr, timedOut, aborted, exitCode: exit?.code ?? null, signal: exit?.sig ?? null, spawnError, durationMs: exit?.ms ?? elapsed() });
    };

    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.once('error', (err) => {
      // 'error' without 'exit' means it never started.
      if (!exit) void finish(`cannot start '${spec.argv[0]}': ${(err as NodeJS.ErrnoException).code ?? err.message}`);
    });
    child.once('exit', (code, sig) => {
      exit = { code, sig, ms: elapsed() };
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      // 'close' follows once the pipes are drained; an escaped grandchild holding them must not hang us.
      const fallback = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        void finish(null);
      }, 1000);
      child.once('close', () => {
        clearTimeout(fallback);
        void finish(null);
      });
    });
  });
}
