import { approvedEvaluationSchema, type ApprovedEvaluation } from '../attest/signoff';
import type { GateReport } from '../verdict/types';
import type { SinceView } from './messages';

// What changed between the evaluation a sign-off approved and the current one. A newer evaluation
// with the same verdicts (values drifted) reads differently from one whose verdicts changed, so a
// signer can re-affirm the first at a glance and must look at the second.

const fmt = (v: number | null) => (v === null ? '—' : String(Number(v.toPrecision(6))));

export function sinceSigning(stored: unknown, signedSha: string | null, current: GateReport | null, currentSha: string | null): SinceView {
  if (signedSha !== null && signedSha === currentSha) return { kind: 'current', verdictChanges: [], valueDrift: [], approvedAt: null };
  const parsed = approvedEvaluationSchema.safeParse(stored);
  if (!parsed.success || !current) return { kind: 'unknown', verdictChanges: [], valueDrift: [], approvedAt: parsed.success ? parsed.data.evaluated_at : null };
  const approved: ApprovedEvaluation = parsed.data;
  const verdictChanges: string[] = [];
  const valueDrift: string[] = [];
  if (approved.decision_code !== current.decision_code) verdictChanges.push(`decision ${approved.decision_code} → ${current.decision_code}`);
  const now = new Map(current.gates.flatMap((g) => g.checks.map((c) => [`${g.key}/${c.check_id}`, [c.outcome, c.value] as const])));
  for (const [key, [outcome, value]] of Object.entries(approved.checks)) {
    const cur = now.get(key);
    if (!cur) verdictChanges.push(`${key}: ${outcome} → not evaluated`);
    else if (cur[0] !== outcome) verdictChanges.push(`${key}: ${outcome} → ${cur[0]} (${fmt(value)} → ${fmt(cur[1])})`);
    else if (cur[1] !== value) valueDrift.push(`${key}: ${fmt(value)} → ${fmt(cur[1])} (still ${outcome})`);
  }
  for (const [key, [outcome]] of now) if (!(key in approved.checks)) verdictChanges.push(`${key}: new check, ${outcome}`);
  return { kind: verdictChanges.length ? 'verdicts-changed' : 'same-verdicts', verdictChanges, valueDrift, approvedAt: approved.evaluated_at };
}
