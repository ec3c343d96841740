import { evaluateGates } from '../gates/evaluate';
import { InputError } from '../util/errors';
import type { GateReport } from '../verdict/types';

// Re-derives a live report's decision by replaying its recorded raw responses through the gates
// engine with the same gates file (the engine's own replay mode), and names every difference.

export interface Rederived {
  ok: boolean;
  differences: string[];
  decisionCode: string | null;
}

const fmt = (v: number | null) => (v === null ? 'no value' : String(v));

export async function rederive(root: string, report: GateReport, gatesFile: string, recordingFile: string, signal: AbortSignal): Promise<Rederived> {
  let replayed: GateReport;
  try {
    replayed = await evaluateGates({ gatesFile, cwd: root, data: { mode: 'replay', file: recordingFile }, ...(report.profile !== undefined ? { profile: report.profile } : {}) }, signal);
  } catch (err) {
    signal.throwIfAborted();
    return { ok: false, differences: [`the replay could not run: ${err instanceof InputError ? err.format() : (err as Error).message}`], decisionCode: null };
  }
  const differences: string[] = [];
  const byKey = new Map(replayed.gates.map((g) => [g.key, g]));
  for (const g of report.gates) {
    const r = byKey.get(g.key);
    if (!r) {
      differences.push(`gate ${g.key}: not in the replay`);
      continue;
    }
    byKey.delete(g.key);
    if (r.status !== g.status) differences.push(`gate ${g.key}: reported ${g.status}, replay ${r.status}`);
    const checks = new Map(r.checks.map((c) => [c.check_id, c]));
    for (const c of g.checks) {
      const rc = checks.get(c.check_id);
      if (!rc) differences.push(`${g.key}/${c.check_id}: not in the replay`);
      else if (rc.outcome !== c.outcome || rc.counts_as !== c.counts_as || rc.value !== c.value || rc.threshold !== c.threshold) {
        differences.push(`${g.key}/${c.check_id}: reported ${c.outcome} (${fmt(c.value)} ${c.comparator} ${c.threshold}, counts ${c.counts_as}), replay ${rc.outcome} (${fmt(rc.value)} ${rc.comparator} ${rc.threshold}, counts ${rc.counts_as})`);
      }
    }
  }
  for (const key of byKey.keys()) differences.push(`gate ${key}: in the replay, not in the report`);
  if (replayed.decision_code !== report.decision_code) differences.push(`decision: reported ${report.decision_code}, replay ${replayed.decision_code}`);
  return { ok: differences.length === 0, differences, decisionCode: replayed.decision_code };
}
