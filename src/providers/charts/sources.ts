// Where a chart's checks come from: a check of a gates file in the editor (unsaved edits included,
// the window ending now, as Run evaluates it), or the checks of a gate report (the window the report's
// evaluation used). Both go through the settings and the engine Evaluate Gates uses.
import * as vscode from 'vscode';
import { type ChartSet, loadCharts } from '../../core/charts';
import { resolveGateSettings } from '../gates/settings';

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

/** Loads the source's charts; a message for people when it cannot (no URL, untrusted workspace, bad file). */
export async function loadSource(s: ChartSource, secrets: vscode.SecretStorage, signal: AbortSignal): Promise<ChartSet> {
  const settings = await resolveGateSettings(secrets);
  if (settings.missing) throw new Error(settings.missing.message);
  if (s.kind === 'editor') {
    // The editor's text is the workspace's: its queries go to the server only in a trusted workspace, as with Run.
    if (!vscode.workspace.isTrusted) throw new Error('A chart of the editor’s gates file queries the server with its queries, so it needs a trusted workspace.');
    const document = await vscode.workspace.openTextDocument(s.uri);
    return loadCharts({ ...settings.request, gatesFile: s.uri.fsPath }, { gate: s.gate, checks: [s.check] }, signal, document.getText());
  }
  // A report's gates file is the workspace's choice: only read in a trusted workspace (else the bundled one, as evaluations use).
  const gatesFile = vscode.workspace.isTrusted && s.gatesFile ? { gatesFile: s.gatesFile } : {};
  return loadCharts({ ...settings.request, ...gatesFile, at: new Date(s.at), windowHours: s.windowHours }, { gate: s.gateKey, ...(s.checkIds ? { checks: s.checkIds } : {}) }, signal);
}
