import { spawnSync } from 'node:child_process';

/** True when R's Rscript runs here (Debian r-base-core, installed by scripts/lib/setup.mjs). */
export function hasRscript(): boolean {
  return spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs one R program with `input` on stdin and returns its stdout lines; one process for a whole
 * corpus keeps reference tests fast. R's own error text is the failure message.
 */
export function runR(program: string, input: string): string[] {
  const r = spawnSync('Rscript', ['--vanilla', '-e', program], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`Rscript failed (${r.status}): ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length);
}

/** Full-precision text R reads back exactly. */
export const rNumbers = (xs: readonly number[]) => xs.map((x) => x.toPrecision(17)).join(' ');

/** R's output field: NA → NaN, Inf/-Inf as numbers. */
export function fromR(text: string): number {
  if (text === 'NA' || text === 'NaN') return NaN;
  if (text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}
