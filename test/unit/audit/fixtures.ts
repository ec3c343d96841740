import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary folder of replay summaries, written as run_r0.py writes them (only `tvf2` matters). */
export function summariesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-audit-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export function summary(base: unknown, robust: unknown, min?: unknown, grids?: Record<string, unknown>): unknown {
  return {
    run_id: 'run_20250821T101500',
    tvf2: {
      dcts: base,
      dcts_robust: { value: robust },
      ...(min !== undefined ? { dcts_min: { value: min } } : {}),
      ...(grids ? { dcts_grids: grids } : {}),
      dcts_robust_value: robust,
    },
  };
}

/** n summaries whose base swings by ±baseAmp and robust by ±robustAmp around 0.5 (alternating). */
export function alternating(n: number, baseAmp: number, robustAmp: number): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const sign = i % 2 ? -1 : 1;
    files[`replay_${String(i).padStart(2, '0')}.json`] = summary(0.5 + sign * baseAmp, 0.5 + sign * robustAmp, 0.49);
  }
  return files;
}
