// The charts module's public surface: a check's series over its evaluation window, judged point by
// point against the check's line, for the chart webview and the checklist.
import { checkSeries, type GatesRequest, type SeriesTarget } from '../gates';
import { buildCharts } from './build';
import type { ChartSet } from './model';

export { type ChartHostMessage, chartMessageSchema, type RenderedChart } from './messages';
export type { ChartSet } from './model';

/** The charts of the target's checks, from the data source, window and templates an evaluation of `req` uses. */
export async function loadCharts(req: GatesRequest, target: SeriesTarget, signal: AbortSignal, text?: string): Promise<ChartSet> {
  return buildCharts(await checkSeries(req, target, signal, text));
}
