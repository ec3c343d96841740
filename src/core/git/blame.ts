import path from 'node:path';
import { git } from './run';

/** Who last changed one line, from `git blame --porcelain`. */
export interface LineBlame {
  commit: string;
  author: string;
  /** Author date, ISO 8601 (UTC). */
  date: string;
  summary: string;
  /** The line is not committed (an unsaved or uncommitted edit). */
  uncommitted: boolean;
}

/** Parses the porcelain header of one blamed line. */
export function parseBlamePorcelain(out: string): LineBlame | undefined {
  const lines = out.split('\n');
  const commit = /^([0-9a-f]{40}) /.exec(lines[0] ?? '')?.[1];
  if (!commit) return undefined;
  const field = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.slice(name.length + 1) ?? '';
  const time = Number(field('author-time'));
  return { commit, author: field('author'), date: Number.isFinite(time) && time > 0 ? new Date(time * 1000).toISOString() : '', summary: field('summary'), uncommitted: /^0+$/.test(commit) };
}

/**
 * `git blame -L line,line --porcelain` of `file` (1-based line); `contents` blames an unsaved
 * buffer instead of the file on disk. Undefined when the file is not in git (or git is missing).
 */
export async function blameLine(file: string, line: number, signal: AbortSignal, options: { contents?: string; timeoutMs?: number } = {}): Promise<LineBlame | undefined> {
  const args = ['blame', '-L', `${line},${line}`, '--porcelain', ...(options.contents === undefined ? [] : ['--contents', '-']), '--', path.basename(file)];
  const run = await git(path.dirname(file), args, signal, { timeoutMs: options.timeoutMs, input: options.contents });
  signal.throwIfAborted();
  return run.code === 0 ? parseBlamePorcelain(run.stdout) : undefined;
}
