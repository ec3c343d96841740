import type { AuditThresholds } from './thresholds';
import type { AuditStatus } from './types';

export interface AuditJudgement {
  status: AuditStatus;
  reasons: string[];
}

/**
 * FAIL when the variance ratio is measured and too high; NO_DATA without one robust value; WARN
 * when there are too few robust samples or the ratio cannot be computed; PASS otherwise.
 */
export function judgeAudit(robustCount: number, varRatio: number | null, t: AuditThresholds): AuditJudgement {
  if (robustCount === 0) return { status: 'NO_DATA', reasons: ['no summary holds a robust DCTS value (tvf2.dcts_robust.value)'] };
  const reasons: string[] = [];
  let status: AuditStatus = 'PASS';
  if (varRatio === null) {
    status = 'WARN';
    reasons.push('var_ratio cannot be computed: it needs at least 2 base and 2 robust values and a base variance above 0');
  } else if (varRatio > t.maxVarRatio) {
    status = 'FAIL';
    reasons.push(`var_ratio ${fmt(varRatio)} > ${t.maxVarRatio}: the robust DCTS is not less variable than the base`);
  } else reasons.push(`var_ratio ${fmt(varRatio)} <= ${t.maxVarRatio}`);
  if (robustCount < t.minRobustSamples) {
    if (status === 'PASS') status = 'WARN';
    reasons.push(`only ${robustCount} robust sample${robustCount === 1 ? '' : 's'} (< ${t.minRobustSamples}): statistics may be unstable`);
  } else reasons.push(`${robustCount} robust samples (>= ${t.minRobustSamples})`);
  return { status, reasons };
}

/** Six significant digits, without trailing zeros: enough to read, stable across platforms. */
export function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}
