import { formatSample } from '../../prometheus/response';
import type { GateReport } from '../../verdict/types';

/** JSON has no NaN or ±Inf (JSON.stringify would write null): they are written as Prometheus writes them. */
const nonFiniteAsText = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? formatSample(v) : v);

/** The JSON report: the original's keys first, in its order, then the additions. */
export function renderJson(report: GateReport): string {
  const { timestamp, window_hours, overall_status, ga_status, gates, decision, next_steps, ...added } = report;
  const ordered = {
    timestamp,
    window_hours,
    overall_status,
    ga_status,
    gates: gates.map(({ gate_id, gate_name, status, value, threshold, condition, message, fail_action, ...rest }) => ({
      gate_id,
      gate_name,
      status,
      value,
      threshold,
      condition,
      message,
      fail_action,
      ...rest,
    })),
    decision,
    next_steps,
    ...added,
  };
  return `${JSON.stringify(ordered, nonFiniteAsText, 2)}\n`;
}
