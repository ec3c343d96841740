import { git } from '../git';
import type { ReadinessCheck } from './types';

// The tool's own outputs live under artifacts/ (reports, checklist state being signed right now);
// they are not what "uncommitted changes" is about.
const OWN_OUTPUTS = /^artifacts\//;

/** Rollback readiness: the release is built from committed sources only. */
export async function checkGitClean(root: string, signal: AbortSignal): Promise<ReadinessCheck> {
  const base = { id: 'git_clean', name: 'Rollback Readiness' } as const;
  const run = await git(root, ['status', '--porcelain=v1', '--untracked-files=normal'], signal, { timeoutMs: 60000 });
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
