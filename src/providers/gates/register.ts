// The VS Code face of the GA gates: the Gates view, "Evaluate Gates", "Open query in Prometheus",
// "Set Prometheus Token" and the status-bar decision.
import * as vscode from 'vscode';
import type { GateReport } from '../../core/verdict/types';
import { runEvaluation } from './evaluateCommand';
import { buildGatesModel, type CheckNodeModel, type GatesViewModel } from './model';
import { resolveGateSettings } from './settings';
import { GatesStatusBar } from './statusBar';
import { setPrometheusToken } from './tokenCommand';
import { GatesTreeProvider } from './tree';

/** What extension tests (and other extensions) read of the Gates face. */
export interface GatesApi {
  /** What the Gates view shows now (undefined before the first evaluation). */
  readonly model: GatesViewModel | undefined;
  /** The view's description (the data mode) and message (e.g. why a workspace URL is not queried). */
  readonly view: { readonly description: string | undefined; readonly message: string | undefined };
  readonly statusBarText: string;
  /** Absolute path of the last report written, if any. */
  readonly reportFile: string | undefined;
}

export function registerGates(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): GatesApi {
  const tree = new GatesTreeProvider();
  const view = vscode.window.createTreeView('aurora.gates', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new GatesStatusBar();
  let reportFile: string | undefined;
  let running: Promise<GateReport | undefined> | undefined;

  // Before the first run the view says which mode the next run will use and what trust leaves out.
  const refreshHeader = async () => {
    const s = await resolveGateSettings(context.secrets);
    const model = tree.model;
    view.description = model
      ? model.dataMode === 'live' ? 'live' : `${model.dataMode.toUpperCase()} data — cannot promote`
      : `${s.mode} · not evaluated`;
    view.message = s.ignoredUntrusted.length
      ? `Untrusted workspace: ${s.ignoredUntrusted.join(', ')} from the workspace ${s.ignoredUntrusted.length > 1 ? 'are' : 'is'} not used.`
      : undefined;
    if (!model) statusBar.show(undefined, s.mode);
  };

  const evaluate = (): Promise<GateReport | undefined> => {
    running ??= (async () => {
      try {
        const done = await runEvaluation(context.secrets, log);
        if (!done) return undefined;
        tree.model = buildGatesModel(done.report);
        reportFile = done.reportFile;
        statusBar.show(tree.model);
        await refreshHeader();
        const show = 'Show Gates';
        const open = 'Open Report';
        const mode = done.report.data_mode === 'live' ? '' : ` (${done.report.data_mode.toUpperCase()} data — cannot promote)`;
        void vscode.window.showInformationMessage(`Aurora: ${done.report.decision}${mode}`, show, ...(reportFile ? [open] : [])).then((choice) => {
          if (choice === show) void vscode.commands.executeCommand('aurora.gates.focus');
          if (choice === open && reportFile) void vscode.window.showTextDocument(vscode.Uri.file(reportFile));
        });
        return done.report;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  context.subscriptions.push(
    tree,
    view,
    statusBar,
    vscode.commands.registerCommand('aurora.evaluateGates', evaluate),
    vscode.commands.registerCommand('aurora.setPrometheusToken', async (value?: string) => {
      await setPrometheusToken(context.secrets, log, typeof value === 'string' ? value : undefined);
    }),
    vscode.commands.registerCommand('aurora.openQueryInPrometheus', async (node?: CheckNodeModel) => {
      if (!node?.queryUrl) return;
      log.info(`opening ${node.queryUrl}`);
      await vscode.env.openExternal(vscode.Uri.parse(node.queryUrl, true));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('auroraGa.prometheus') || e.affectsConfiguration('auroraGa.gates')) void refreshHeader();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refreshHeader()),
  );
  void refreshHeader();

  return {
    get model() {
      return tree.model;
    },
    get view() {
      return { description: view.description, message: view.message };
    },
    get statusBarText() {
      return statusBar.text;
    },
    get reportFile() {
      return reportFile;
    },
  };
}
