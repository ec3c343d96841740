import { spawn } from 'node:child_process';

export interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: NodeJS.ErrnoException;
}

/**
 * Runs git in `cwd`, never a repository's fsmonitor hook (its config must not make us run its
 * programs); stops at `signal` or after `timeoutMs`. `input` is written to git's stdin.
 */
export function git(cwd: string, args: string[], signal: AbortSignal, options: { timeoutMs?: number; input?: string } = {}): Promise<GitRun> {
  const stop = AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 10000)]);
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, signal: stop, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    if (options.input !== undefined) child.stdin!.on('error', () => undefined).end(options.input);
    child.on('error', (err: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr, spawnError: err }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
