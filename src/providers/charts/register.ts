// The VS Code face of gate charts: "Show Chart" opens (or reveals) a panel with a check's series over
// its evaluation window — from the Chart lens of a gates file in the editor, or from a gate or check
// of the Gates view (the window of the report shown).
import * as vscode from 'vscode';
import type { GatesApi } from '../gates/register';
import type { CheckNodeModel, GateNodeModel } from '../gates/model';
import type { ChartPanel, ChartState } from './panel';
import { type ChartSource, sourceKey, sourceTitle } from './sources';
import { SHOW_CHART } from './commandIds';
import { webviewOptions } from '../shared';

/** What extension tests read of the charts. */
export interface ChartsApi {
  /** The panel opened or revealed last. */
  readonly current: ChartState | undefined;
  /** Handles `message` exactly as if the current panel's webview had posted it (same validation). */
  receive(message: unknown): Promise<void>;
}

export function registerCharts(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, gates: GatesApi): ChartsApi {
  const panels = new Map<string, ChartPanel>();
  let current: ChartPanel | undefined;

  /** The check or gate a Gates view node stands for, in the window of the report the view shows. */
  const fromNode = (node: GateNodeModel | CheckNodeModel): ChartSource | undefined => {
    const m = gates.model;
    const gate = m?.gates.find((g) => g.key === (node.kind === 'gate' ? node.key : node.gateKey));
    if (!m || !gate) return undefined;
    return {
      kind: 'report',
      gateKey: gate.key,
      gateName: gate.label,
      ...(node.kind === 'check' ? { checkIds: [node.checkId] } : { checkIds: gate.checks.filter((c) => c.chartable).map((c) => c.checkId) }),
      at: m.evaluationTime,
      windowHours: m.windowHours,
      ...(m.gatesFile ? { gatesFile: m.gatesFile } : {}),
    };
  };

  const show = async (a?: vscode.Uri | GateNodeModel | CheckNodeModel, gate?: number, check?: number): Promise<void> => {
    const source = a instanceof vscode.Uri ? (gate !== undefined && check !== undefined ? { kind: 'editor' as const, uri: a, gate, check } : undefined) : a && fromNode(a);
    if (!source) {
      void vscode.window.showWarningMessage('Aurora: Show Chart needs a check: use the Chart lens of a gates file, or a gate or check of the Gates view.');
      return;
    }
    // The panel (its webview, the series loading and the engine under it) loads with the first chart.
    const { CHART_VIEW_TYPE, ChartPanel: Panel } = await import('./panel.js');
    const key = sourceKey(source);
    let p = panels.get(key);
    if (p) p.panel.reveal();
    else {
      const panel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, sourceTitle(source), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: source.kind === 'editor' }, webviewOptions);
      const created: ChartPanel = new Panel(panel, context.extensionUri, source, context.secrets, log, () => {
        panels.delete(key);
        if (current === created) current = undefined;
      });
      p = created;
      panels.set(key, p);
      context.subscriptions.push(p);
    }
    current = p;
    await p.refresh();
  };

  context.subscriptions.push(vscode.commands.registerCommand(SHOW_CHART, show));
  return {
    get current() {
      return current?.state;
    },
    receive: async (message) => {
      await current?.receive(message);
    },
  };
}
