import { spawn } from 'node:child_process';
import type { ReadinessCheck } from './types';

// The tool's own outputs live under artifacts/ (reports, checklist state being signed right now);
// they are not what "uncommitted changes" is about.
const OWN_OUTPUTS = /^artifacts\//;

interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: NodeJS.ErrnoException;
}

function git(root: string, args: string[], signal: AbortSignal): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: root, signal, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr, spawnError: err }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rollback readiness: the release is built from committed sources only. */
export async function checkGitClean(root: string, signal: AbortSignal): Promise<ReadinessCheck> {
  const base = { id: 'git_clean', name: 'Rollback Readiness' } as const;
  // No fsmonitor hook: a repository's config must not make this check run its programs.
  const run = await git(root, ['-c', 'core.fsmonitor=false', 'status', '--porcelain=v1', '--untracked-files=normal'], signal);
  signal.throwIfAborted();
  if (run.spawnError) {
    return { ...base, passed: false, message: run.spawnError.code === 'ENOENT' ? 'git is not installed' : `cannot run git: ${run.spawnError.message}`, details: [] };
  }
  if (run.code !== 0) return { ...base, passed: false, message: `not a clean git tree: ${run.stderr.trim().split('\n')[0] || `git exited ${run.code}`}`, details: [] };
  const changed = run.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.slice(3)).filter((p) => !OWN_OUTPUTS.test(p.replace(/^"/, '')));
  if (changed.length) {
    return { ...base, passed: false, message: `${changed.length} uncommitted change${changed.length === 1 ? '' : 's'}`, details: changed.slice(0, 20) };
  }
  return { ...base, passed: true, message: 'git tree clean (artifacts/ excluded)', details: [] };
}
