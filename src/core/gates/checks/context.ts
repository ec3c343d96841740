import type { PrometheusClient, RulesOutcome } from '../../prometheus/client';
import type { Secret } from '../../util/secrets';
import type { Evidence } from '../../verdict/types';
import type { FileScope } from './confine';

/** Everything a check needs to measure, resolved once per evaluation. */
export interface CheckContext {
  /** Absent when no Prometheus is configured: Prometheus checks then report ERROR, never a default. */
  client?: PrometheusClient;
  /** The alerting rules the server has loaded, read once per evaluation on first use (alert checks). */
  rules?: { source: string; read(): Promise<RulesOutcome> };
  /** Shown as the evidence source of Prometheus checks (base URL, or "replay of FILE (URL)"). */
  promSource: string;
  at: Date;
  windowSeconds: number;
  /** `${window}`, e.g. 48h. */
  window: string;
  stepSeconds: number;
  /** Template variables: built-ins and the file's/user's variables. */
  vars: Readonly<Record<string, string>>;
  /** Base of relative file paths. */
  cwd: string;
  /** Where file checks may read (real paths), and whether the user allowed more. */
  files: FileScope;
  /** Values no result may quote (secret-looking environment variables, the connection's credentials). */
  secrets: Secret[];
  signal: AbortSignal;
}

/** One measured item (a series, a checkpoint, a file's count) with the raw text it came from. */
export interface Item {
  labels?: Record<string, string>;
  value: number;
  raw: string;
}

type EvidenceBase = Pick<Evidence, 'kind' | 'source'> & Partial<Pick<Evidence, 'query' | 'path' | 'window' | 'error' | 'range' | 'attempts' | 'warnings' | 'note' | 'cause' | 'partial'>>;

/**
 * What a check measured. `values`: compared one by one, the worst decides (`raw` overrides what the
 * evidence shows, e.g. the firing alerts behind a count). `no_data` / `error`: why there is no value.
 */
export type Measured =
  | { kind: 'values'; items: Item[]; evidence: EvidenceBase; raw?: Evidence['raw']; seriesCount?: number }
  | { kind: 'no_data'; reason: string; evidence: EvidenceBase; raw?: Evidence['raw']; seriesCount?: number }
  | { kind: 'error'; reason: string; evidence: EvidenceBase };
