// A chart of a check's series over its evaluation window, as the webviews draw it: plain data, the
// points already judged (core decides which points are beyond the line; the webviews only draw).
import type { DataMode } from '../verdict/types';

/**
 * within / beyond: the sample is on the passing / failing side of the check's line; nonfinite: NaN
 * or ±Inf, never a pass; reference: a baseline sample, which the judge compares with, not against a line.
 */
export type PointState = 'within' | 'beyond' | 'nonfinite' | 'reference';

export interface ChartLine {
  value: number;
  label: string;
  /** limit: the line samples are held to; reference: e.g. the baseline median. */
  kind: 'limit' | 'reference';
}

export interface ChartSeries {
  /** The legend: the side and the labels, e.g. `candidate v42 {instance="a"}`. */
  name: string;
  role: 'value' | 'baseline' | 'candidate';
  labels: Record<string, string>;
  /** Finite values by point of `x`; null: no sample, or a non-finite one (marked, never on the line). */
  values: (number | null)[];
  /** Each sample as the server wrote it ('0.25', 'NaN', '+Inf'); null: no sample at that point. */
  raw: (string | null)[];
  states: (PointState | null)[];
}

export interface ChartQuery {
  role: ChartSeries['role'];
  side?: string;
  query: string;
  /** Why this query gave nothing to draw. */
  error?: string;
}

export interface CheckChart {
  gateKey: string;
  gateName: string;
  checkId: string;
  checkName: string;
  type: string;
  /** What the lines mean and what the check compares, in words. */
  rule: string;
  lines: ChartLine[];
  /** The points' times, Unix seconds, ascending: the union of every series' steps. */
  x: number[];
  series: ChartSeries[];
  counts: { points: number; beyond: number; nonFinite: number };
  queries: ChartQuery[];
  /** Why nothing (or not everything) is drawn. */
  problem?: string;
  /** The Prometheus expression browser over the same window (live data only); faces resolve it before opening. */
  link?: string;
}

export interface ChartSet {
  /** The evaluation time: the window is [at − window, at]. */
  at: string;
  window: string;
  stepSeconds: number;
  dataMode: DataMode;
  source: string;
  charts: CheckChart[];
}
