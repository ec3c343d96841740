import type { CheckDefinition } from '../schema';
import type { CheckContext, Item, Measured } from './context';
import { readJsonFile } from './files';

type CkptCheck = Extract<CheckDefinition, { type: 'checkpoint_report' }>;
type Measure = CkptCheck['measure'];

interface Analysis {
  checkpoint?: unknown;
  cosine_min?: unknown;
  frozen_fraction?: unknown;
  anomaly?: unknown;
  reason?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' ? v : NaN);

/**
 * Reads the checkpoint report in either shape. The analyzer's `{reference, analyses[], profile}`:
 * one item per checkpoint. The flat `{anomalies, min_cos_similarity, frozen_layers}`: its keys.
 * A key that is absent is NO_DATA — the original defaulted it to a passing value.
 */
export async function measureCheckpoint(check: CkptCheck, file: string, ctx: CheckContext): Promise<Measured> {
  const evidence = { kind: 'file' as const, source: file, path: check.measure };
  const read = await readJsonFile(file, check.id, ctx.files, ctx.signal);
  if (!read.ok) return read.missing ? { kind: 'no_data', reason: read.message, evidence } : { kind: 'error', reason: read.message, evidence: { ...evidence, error: read.message } };
  const report = read.value;
  if (isObj(report) && Array.isArray(report.analyses)) return analyzerShape(check.measure, report.analyses as Analysis[], evidence);
  if (isObj(report) && ['anomalies', 'min_cos_similarity', 'frozen_layers'].some((k) => k in report)) return flatShape(check.measure, report, evidence);
  const message = 'neither checkpoint report shape: expected {analyses: [...]} or {anomalies, min_cos_similarity, frozen_layers}';
  return { kind: 'error', reason: message, evidence: { ...evidence, error: message } };
}

type Ev = Extract<Measured, { kind: 'values' }>['evidence'];

function analyzerShape(measure: Measure, analyses: Analysis[], evidence: Ev): Measured {
  const ev = { ...evidence, path: `analyses[].${measure}`, note: `analyzer report, ${analyses.length} checkpoint(s)` };
  if (!analyses.length) return { kind: 'no_data', reason: 'the report has no analyses', evidence: ev };
  const labelled = (a: Analysis, value: number, raw: string): Item => ({ labels: { checkpoint: String(a.checkpoint ?? '?') }, value, raw });
  const perCheckpoint = analyses.map((a) => {
    switch (measure) {
      case 'anomalies':
        return labelled(a, a.anomaly === true ? 1 : 0, `anomaly=${String(a.anomaly)} reason=${String(a.reason ?? null)}`);
      case 'nonfinite':
        return labelled(a, a.reason === 'nan' || a.reason === 'inf' ? 1 : 0, `reason=${String(a.reason ?? null)}`);
      case 'frozen':
        return labelled(a, num(a.frozen_fraction), `frozen_fraction=${String(a.frozen_fraction)}`);
      case 'min_cosine':
        return labelled(a, num(a.cosine_min), `cosine_min=${String(a.cosine_min)}`);
    }
  });
  const raw = perCheckpoint.map((i) => ({ labels: i.labels, value: i.raw }));
  if (measure === 'anomalies' || measure === 'nonfinite') {
    const count = perCheckpoint.reduce((n, i) => n + i.value, 0);
    return { kind: 'values', items: [{ value: count, raw: String(count) }], evidence: { ...ev, note: `${ev.note}; count of checkpoints` }, raw };
  }
  // NaN cosine (key mismatch, zero norm) says nothing: leave it out; if nothing is left there is no data.
  const finite = perCheckpoint.filter((i) => !Number.isNaN(i.value));
  if (!finite.length) return { kind: 'no_data', reason: `no checkpoint has a numeric ${measure === 'frozen' ? 'frozen_fraction' : 'cosine_min'}`, evidence: ev, raw };
  return { kind: 'values', items: finite, evidence: ev, raw };
}

function flatShape(measure: Measure, report: Record<string, unknown>, evidence: Ev): Measured {
  const ev = { ...evidence, note: 'flat report {anomalies, min_cos_similarity, frozen_layers}' };
  const key = { anomalies: 'anomalies', min_cosine: 'min_cos_similarity', frozen: 'frozen_layers' } as const;
  if (measure === 'nonfinite') {
    // The flat shape has no per-tensor NaN/Inf flags: count non-finite numbers in the report itself,
    // plus nan_count/inf_count when a producer writes them.
    const values = Object.entries(report).filter(([, v]) => typeof v === 'number');
    const bad = values.filter(([, v]) => !Number.isFinite(v as number)).map(([k]) => k);
    const extra = num(report.nan_count) + num(report.inf_count);
    const count = bad.length + (Number.isNaN(extra) ? 0 : extra);
    return {
      kind: 'values',
      items: [{ value: count, raw: String(count) }],
      evidence: { ...ev, path: 'non-finite numbers', note: `${ev.note}; non-finite values: ${bad.join(', ') || 'none'}` },
    };
  }
  const k = key[measure];
  const v = report[k];
  const e = { ...ev, path: k };
  if (v === undefined || v === null) return { kind: 'no_data', reason: `the report has no '${k}'`, evidence: e };
  const value = Array.isArray(v) ? v.length : v;
  if (typeof value !== 'number') {
    const message = `'${k}' is ${JSON.stringify(v).slice(0, 80)}, not a number`;
    return { kind: 'error', reason: message, evidence: { ...e, error: message } };
  }
  return { kind: 'values', items: [{ value, raw: JSON.stringify(v).slice(0, 200) }], evidence: e };
}
