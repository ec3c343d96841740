// The contract between the chart webview and the extension: what the extension sends, and every
// message the webview may send back. The webview imports only types from here (esbuild drops them);
// the extension validates each incoming message with `chartMessageSchema` before acting on it.
import * as z from 'zod';
import type { ChartSet } from './model';

export type { ChartLine, ChartSeries, ChartSet, CheckChart, PointState } from './model';

/** Extension → webview. */
export type ChartHostMessage =
  | { type: 'charts'; title: string; set: ChartSet }
  | { type: 'loading'; title: string }
  | { type: 'error'; title: string; text: string };

/** What one chart drew, read from the DOM and the plot, so host tests can see its effect without scraping. */
export const renderedChartSchema = z.object({
  checkId: z.string().max(200),
  /** The plot's canvas is in the document. */
  canvas: z.boolean(),
  series: z.number().int().min(0),
  /** Samples drawn: on the line, or marked as non-finite. */
  points: z.number().int().min(0),
  beyond: z.number().int().min(0),
  nonFinite: z.number().int().min(0),
  /** The values of the lines drawn (limits and references). */
  lines: z.array(z.number()).max(10),
}).strict();
export type RenderedChart = z.infer<typeof renderedChartSchema>;

/** Webview → extension; anything else is rejected and logged. */
export const chartMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  z.object({ type: z.literal('openInPrometheus'), chart: z.number().int().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('rendered'), charts: z.array(renderedChartSchema).max(1000) }).strict(),
]);
export type ChartMessage = z.infer<typeof chartMessageSchema>;
