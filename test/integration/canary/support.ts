import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canaryConfigSchema, type CanaryConfig } from '../../../src/core/canary/config';
import type { CanaryPlan } from '../../../src/core/canary/runner';

/** The compiled test command (child.ts) next to this file. */
export const CHILD = path.join(__dirname, 'child.js');

/** A fresh workspace root with a profile in it. */
export function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-canary-it-'));
  fs.writeFileSync(path.join(root, 'profile.yaml'), 'acceptance:\n  min_decisions: 1\n');
  return root;
}

/** A plan running child.js with `modes`; no lock enforcement (the lock path has its own tests). */
export function childPlan(root: string, modes: string, config: Partial<CanaryConfig> = {}): CanaryPlan {
  const parsed = canaryConfigSchema.parse({
    command: ['${node}', CHILD, modes],
    runs: 3,
    interval_seconds: 0,
    timeout_seconds: 20,
    kill_grace_seconds: 0.3,
    profile_lock: { enforced: false },
    ...config,
  });
  return {
    profile: path.join(root, 'profile.yaml'),
    root,
    config: parsed,
    configFile: null,
    output: path.join(root, 'artifacts/canary_results.json'),
    node: process.execPath,
    lock: { enforced: false, status: 'skipped', lock_file: null },
  };
}

/** True while `pid` is a live process (a zombie awaiting its reaper counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export function readPid(file: string): number {
  return Number(fs.readFileSync(file, 'utf8'));
}
