import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bundledConfig } from '../util/packageRoot';
import { InputError } from '../util/errors';
import { canaryConfigSchema, readCanaryConfig, type CanaryConfig } from './config';
import type { GatingMode } from './gating';
import type { CanaryLockStatus } from './results';
import type { CanaryPlan } from './runner';
import { checkProfileLock } from './lockGate';

/** Values given on the command line or in settings; they override the config file. */
export interface CanaryOverrides {
  runs?: number;
  gating?: GatingMode;
  timeout_seconds?: number;
  interval_seconds?: number;
  concurrency?: number;
  output?: string;
  success_threshold?: number;
  health_threshold?: number;
  /** The config/setting value of profile_lock.enforced; a profile's own key still wins. */
  enforce_lock?: boolean;
}

export interface CanaryRequest {
  /** Workspace / repository root; relative paths are resolved from here. */
  root: string;
  /** The profile under test (required unless demo, which has its own). */
  profile?: string;
  /** The user's canary config; default the bundled one. */
  configFile?: string;
  /** Use the bundled demo command and profile. */
  demo?: boolean;
  overrides?: CanaryOverrides;
  /** The Node executable for ${node} (the CLI's process.execPath; the editor's in VS Code). */
  node: string;
}

export const DEMO_CONFIG = () => bundledConfig('demo', 'canary.yaml');
export const DEMO_PROFILE = () => bundledConfig('demo', 'demo.yaml');
export const DEFAULT_CONFIG = () => bundledConfig('canary', 'default.yaml');

/** Thrown before the first run when the profile's lock does not validate. */
export class ProfileLockError extends Error {
  constructor(readonly status: CanaryLockStatus) {
    super(status.detail ?? 'the profile lock does not validate');
    this.name = 'ProfileLockError';
  }
}

/**
 * Resolves flags over config over defaults into a plan, checks that the profile exists, and
 * enforces its lock. Throws InputError for bad input and ProfileLockError for a broken lock.
 */
export async function planCanary(req: CanaryRequest, signal: AbortSignal): Promise<CanaryPlan> {
  const configFile = req.configFile ? path.resolve(req.root, req.configFile) : req.demo ? DEMO_CONFIG() : DEFAULT_CONFIG();
  const base = await readCanaryConfig(configFile, signal);
  const o = req.overrides ?? {};
  const merged = canaryConfigSchema.safeParse({
    ...base,
    ...Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'enforce_lock')),
    profile_lock: { enforced: o.enforce_lock ?? base.profile_lock.enforced },
  });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    throw new InputError(`invalid canary option ${issue.path.join('.')} (from a flag or setting): ${issue.message}`);
  }
  const config: CanaryConfig = merged.data;

  const profileArg = req.profile ?? (req.demo ? DEMO_PROFILE() : undefined);
  if (!profileArg) throw new InputError('no profile given: pass --profile PATH (or use the demo)');
  const profile = path.resolve(req.root, profileArg);
  const stat = await fs.stat(profile).catch(() => null);
  if (!stat?.isFile()) throw new InputError('profile not found', { file: profile });

  const lock = await checkProfileLock(profile, signal, config.profile_lock.enforced);
  if (lock.status === 'invalid') throw new ProfileLockError(lock);

  return { profile, root: req.root, config, configFile, output: path.resolve(req.root, config.output), node: req.node, lock };
}
