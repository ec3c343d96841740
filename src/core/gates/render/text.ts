import type { DataMode, GateReport, GateStatus } from '../../verdict/types';

export const STATUS_ICON: Record<GateStatus, string> = { PASS: '✅', WARN: '⚠️', INCONCLUSIVE: '❔', FAIL: '❌' };

/** One line naming where the data came from; every output format carries it. */
export function dataModeLine(report: Pick<GateReport, 'data_mode' | 'source'>): string {
  const label: Record<DataMode, string> = {
    live: 'live',
    replay: 'REPLAY (recorded data — cannot be used to promote)',
    demo: 'DEMO (bundled recording — cannot be used to promote)',
  };
  return `${label[report.data_mode]} — ${report.source}`;
}
