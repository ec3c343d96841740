// Where a chart's checks come from: a check of a gates file in the editor (unsaved edits included,
// the window ending now, as Run evaluates it), or the checks of a gate report (the window the report's
// evaluation used). Types and names only: loadSource.ts reads them, with the engine, on first use.
import type * as vscode from 'vscode';
import type { ChartSet } from '../../core/charts';

export type ChartSource =
  | { kind: 'editor'; uri: vscode.Uri; gate: number; check: number }
  | {
      kind: 'report';
      gateKey: string;
      gateName: string;
      /** Default: every check of the gate. */
      checkIds?: string[];
      /** The report's evaluation time and window. */
      at: string;
      windowHours: number;
      gatesFile?: string;
    };

/** One panel per source: opening the same chart again reveals it (a report's, for the same evaluation). */
export function sourceKey(s: ChartSource): string {
  return s.kind === 'editor' ? `editor:${s.uri.toString()}#${s.gate}/${s.check}` : `report:${s.at}:${s.gateKey}/${s.checkIds?.join(',') ?? '*'}`;
}

export function sourceTitle(s: ChartSource, set?: ChartSet): string {
  const only = set?.charts.length === 1 ? set.charts[0] : undefined;
  if (only) return `${only.checkName} · ${only.gateName}`;
  if (s.kind === 'report') return `${s.gateName}${s.checkIds?.length === 1 ? ` · ${s.checkIds[0]}` : ''}`;
  return `Check ${s.check + 1} of gate ${s.gate + 1}`;
}
