import type { JudgeVerdict } from './classify';

// Kayenta-style scoring that composes: per group, passing weight ÷ judged weight × 100; groups
// combined by their weights; any critical failure scores 0. Unlike Kayenta, metrics that could not
// be judged are counted: when too little of the weight was judged the score is INCONCLUSIVE.

export type ScoreStatus = 'PASS' | 'WARN' | 'FAIL' | 'INCONCLUSIVE';

export interface ScoredMetric {
  id: string;
  group: string;
  weight: number;
  verdict: JudgeVerdict;
  /** A failing metric flagged critical, or one shown beyond its critical limit. */
  critical: boolean;
}

export interface ScoreSettings {
  pass: number;
  marginal: number;
  /** Group weights; a group not named weighs 1. */
  groups: Record<string, number>;
  /** Share of the total weight that must be judged (PASS or FAIL) for the score to count. */
  minJudged: number;
}

export interface GroupScore {
  group: string;
  weight: number;
  judged: number;
  passed: number;
  /** 0–100, or null when nothing in the group was judged. */
  score: number | null;
}

export interface ScoreResult {
  score: number | null;
  status: ScoreStatus;
  groups: GroupScore[];
  criticalFailures: string[];
  judgedShare: number;
  reason: string;
}

export function scoreMetrics(metrics: ScoredMetric[], s: ScoreSettings): ScoreResult {
  const names = [...new Set(metrics.map((m) => m.group))];
  const groups: GroupScore[] = names.map((group) => {
    const ms = metrics.filter((m) => m.group === group);
    const judged = ms.filter((m) => m.verdict === 'PASS' || m.verdict === 'FAIL').reduce((a, m) => a + m.weight, 0);
    const passed = ms.filter((m) => m.verdict === 'PASS').reduce((a, m) => a + m.weight, 0);
    return { group, weight: s.groups[group] ?? 1, judged, passed, score: judged > 0 ? (passed / judged) * 100 : null };
  });
  const criticalFailures = metrics.filter((m) => m.critical && m.verdict === 'FAIL').map((m) => m.id);
  const total = metrics.reduce((a, m) => a + m.weight, 0);
  const judgedShare = total > 0 ? groups.reduce((a, g) => a + g.judged, 0) / total : 0;
  const scored = groups.filter((g) => g.score !== null);
  const weightSum = scored.reduce((a, g) => a + g.weight, 0);
  const raw = weightSum > 0 ? scored.reduce((a, g) => a + g.weight * g.score!, 0) / weightSum : null;
  const round = (x: number) => Math.round(x * 10) / 10;
  if (criticalFailures.length) return { score: 0, status: 'FAIL', groups, criticalFailures, judgedShare, reason: `critical metric failed: ${criticalFailures.join(', ')} (score 0)` };
  if (raw === null || judgedShare < s.minJudged)
    return { score: raw === null ? null : round(raw), status: 'INCONCLUSIVE', groups, criticalFailures, judgedShare, reason: `only ${Math.round(judgedShare * 100)}% of the weight could be judged (needs ${Math.round(s.minJudged * 100)}%)` };
  const score = round(raw);
  const status: ScoreStatus = score >= s.pass ? 'PASS' : score >= s.marginal ? 'WARN' : 'FAIL';
  const reason = `score ${score} ${status === 'PASS' ? `≥ pass ${s.pass}` : status === 'WARN' ? `≥ marginal ${s.marginal}, < pass ${s.pass}` : `< marginal ${s.marginal}`}`;
  return { score, status, groups, criticalFailures, judgedShare, reason };
}
