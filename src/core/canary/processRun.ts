import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

/** Planted in every run's environment; a process still carrying it after the run is its descendant. */
export const MARKER_VAR = 'AURORA_CANARY_RUN_MARKER';

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

/**
 * Live processes whose environment carries `marker` (Linux /proc; readable for the user's own
 * processes). This finds what left the process group: setsid and double-forked daemons.
 */
export function markedProcesses(marker: string): number[] {
  if (process.platform !== 'linux') return [];
  const needle = Buffer.from(`${marker}\0`);
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`);
      // Each entry is NAME=VALUE\0; match whole entries only.
      const at = env.indexOf(needle);
      if (at === 0 || (at > 0 && env[at - 1] === 0)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Kills every process carrying the marker until none is left (they may fork while being killed). */
async function killMarked(marker: string, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  for (;;) {
    const pids = markedProcesses(marker);
    if (!pids.length || Date.now() > end) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await delay(10);
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

  const marker = `${MARKER_VAR}=${process.pid}-${randomBytes(8).toString('hex')}`;
  return new Promise<ProcessOutcome>((resolve) => {
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: { ...spec.env, [MARKER_VAR]: marker.slice(MARKER_VAR.length + 1) },
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
      // Descendants that left the group (setsid, double fork) still carry the marker.
      await killMarked(marker, 2000);
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
