// A chart source's series, through the settings and the engine Evaluate Gates uses; loaded with the first chart.
import * as vscode from 'vscode';
import { type ChartSet, loadCharts } from '../../core/charts';
import { resolveGateSettings } from '../gates/settings';
import type { ChartSource } from './sources';

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
