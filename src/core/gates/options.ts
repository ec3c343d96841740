import type { Preflight, RetryEvent } from '../prometheus/client';
import type { PrometheusConnection } from '../prometheus/connection';
import type { CheckResult, GateResult } from '../verdict/types';

/**
 * Where the Prometheus answers come from. `record` queries live and also saves every raw response
 * to `file`; `replay` answers from such a file; `demo` replays the recording bundled in
 * `configs/demo/` (with its own artifacts). Only `live` and `record` reports can promote.
 */
export type DataSource =
  | { mode: 'live' }
  | { mode: 'record'; file: string }
  | { mode: 'replay'; file: string }
  | { mode: 'demo' };

export interface EvaluateOptions {
  /** Gate definitions (YAML); default: the bundled `configs/gates/aurora-ga.yaml`. */
  gatesFile?: string;
  /** Required for `live` and `record`. */
  prometheus?: PrometheusConnection;
  /** Base of relative paths (artifacts, log globs); default process.cwd(). */
  cwd?: string;
  /** Artifacts directory (`${artifacts}` in file checks); default `<cwd>/artifacts`. */
  artifactsDir?: string;
  /** The window every `${window}` becomes; default 48 (or the recording's, when replaying). */
  windowHours?: number;
  /** Evaluation time for every query and file window; default now (or the recording's, when replaying). */
  at?: Date;
  /** Profile name: `${profile}` in queries, `${profile_re}` its regex-escaped form (`.*` when unset). */
  profile?: string;
  /** User variables; override the gates file's `variables` defaults. */
  variables?: Record<string, string>;
  /** Default `{ mode: 'live' }`. */
  data?: DataSource;
  /** Seeds the retry jitter (tests); default unseeded. */
  retrySeed?: number;
  /**
   * File checks may read outside the workspace and the artifacts folder. Only ever from the user
   * (a CLI flag, a user-level setting), never from a workspace's configuration.
   */
  allowFilesOutside?: boolean;
  /** Environment whose secret-looking values no report may quote; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Reported while gates run (they run concurrently; `completed` counts finished gates). */
export type GateProgress =
  | { kind: 'gate-start'; gate: string; name: string; index: number; total: number }
  | { kind: 'check-done'; gate: string; index: number; total: number; check: CheckResult }
  | { kind: 'gate-done'; gate: string; name: string; index: number; total: number; completed: number; result: GateResult }
  | { kind: 'preflight'; source: string; result: Preflight }
  | ({ kind: 'retry' } & RetryEvent);
