import { renderExposition, type MetricFamily } from '../../metrics/exposition';
import { GATE_STATUS_VALUE } from '../../verdict/rollup';
import type { GateReport } from '../../verdict/types';

/** The exported gate metrics (names shared with configs/monitoring and the dashboard). */
export function gateMetricFamilies(report: GateReport): MetricFamily[] {
  return [
    {
      name: 'aurora_ga_gate_status',
      help: 'GA gate status: 0 PASS, 1 WARN, 2 INCONCLUSIVE, 3 FAIL.',
      type: 'gauge',
      samples: report.gates.map((g) => ({ labels: { gate: g.key }, value: GATE_STATUS_VALUE[g.status] })),
    },
    {
      name: 'aurora_ga_gate_value',
      help: 'Measured value of each GA gate check (absent when the check had no data).',
      type: 'gauge',
      samples: report.gates.flatMap((g) => g.checks.filter((c) => c.value !== null).map((c) => ({ labels: { gate: g.key, check: c.check_id }, value: c.value as number }))),
    },
    {
      name: 'aurora_ga_decision',
      help: 'GA decision as the exit code: 0 APPROVED, 1 BLOCKED, 3 CONDITIONAL, 4 INCONCLUSIVE.',
      type: 'gauge',
      samples: [{ labels: { data_mode: report.data_mode }, value: report.exit_code ?? 4 }],
    },
    {
      name: 'aurora_ga_evaluation_timestamp_seconds',
      help: 'Unix time the GA gates were evaluated.',
      type: 'gauge',
      samples: [{ value: Date.parse(report.timestamp) / 1000 }],
    },
  ];
}

export function renderGateMetrics(report: GateReport): string {
  return renderExposition(gateMetricFamilies(report));
}
