import * as z from 'zod';
import { parseEnvelope } from './response';
import type { RawResponse } from './transport';

/** One alerting rule as the rules API (/api/v1/rules) shows it: Prometheus and vmalert alike. */
export interface AlertingRule {
  group: string;
  name: string;
  /** 'ok', 'err', or 'unknown' (not evaluated yet). */
  health: string;
  /** The rule's own labels (added to every alert it fires). */
  labels: Record<string, string>;
  /** RFC 3339; Prometheus writes the zero time (year 1) for a rule never evaluated. */
  lastEvaluation?: string;
  lastError?: string;
}

export type ParsedRules =
  | { ok: true; rules: AlertingRule[] }
  | { ok: false; kind: 'rejected' | 'server' | 'protocol'; status: number; message: string };

const rule = z.object({
  type: z.string(),
  name: z.string(),
  health: z.string(),
  labels: z.record(z.string(), z.string()).nullish(),
  lastEvaluation: z.string().optional(),
  lastError: z.string().optional(),
});
const rulesData = z.object({ groups: z.array(z.object({ name: z.string(), rules: z.array(rule).nullish() })) });

/** Reads a rules API answer; only alerting rules are kept. */
export function parseRulesResponse(raw: RawResponse): ParsedRules {
  const env = parseEnvelope(raw);
  if (!env.ok) return env;
  const data = rulesData.safeParse(env.data);
  if (!data.success) {
    const issue = data.error.issues[0];
    return { ok: false, kind: 'protocol', status: raw.status, message: `not a rules API answer: ${issue.path.join('.') || 'data'}: ${issue.message}` };
  }
  const rules = data.data.groups.flatMap((g) =>
    (g.rules ?? [])
      .filter((r) => r.type === 'alerting')
      .map((r) => ({ group: g.name, name: r.name, health: r.health, labels: r.labels ?? {}, lastEvaluation: r.lastEvaluation, lastError: r.lastError })),
  );
  return { ok: true, rules };
}
