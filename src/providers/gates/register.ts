// The VS Code face of the GA gates: the Gates view, "Evaluate Gates", "Open query in Prometheus",
// "Set Prometheus Token" and the status-bar decision.
import path from 'node:path';
import * as vscode from 'vscode';
import { InputError } from '../../core/util';
import type { GateReport } from '../../core/verdict';
import type { AuditApi } from '../audit/register';
import { ARTIFACTS } from '../../core/artifacts';
import { debounce, openLink } from '../shared';
import type { EvaluationUi, GatesNotice } from './evaluateCommand';
import type { CheckNodeModel, GatesViewModel } from './model';
import { gatesFolder, resolveGateSettings } from './settings';
import { GatesStatusBar } from './statusBar';
import { setPrometheusPassword, setPrometheusToken } from './tokenCommand';
import { GatesTreeProvider } from './tree';

/** What extension tests (and other extensions) read of the Gates face. */
export interface GatesApi {
  /** What the Gates view shows now (undefined before the first evaluation). */
  readonly model: GatesViewModel | undefined;
  /** The view's description (the data mode) and message (e.g. why a workspace URL is not queried). */
  readonly view: { readonly description: string | undefined; readonly message: string | undefined };
  readonly statusBarText: string;
  readonly statusBarTooltip: string;
  /** The view's top-level rows as VS Code renders them now (empty before the first evaluation: the welcome shows). */
  rootItems(): vscode.TreeItem[];
  /** The rows under a gate (by key), as rendered. */
  checkItems(gateKey: string): vscode.TreeItem[];
  /** Absolute path of the last report written, if any. */
  readonly reportFile: string | undefined;
  /** The last notification shown by an evaluation, with its buttons. */
  readonly lastNotice: GatesNotice | undefined;
}

export function registerGates(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, audit?: AuditApi): GatesApi {
  const tree = new GatesTreeProvider();
  if (audit) {
    tree.audit = audit.current;
    context.subscriptions.push(audit.onDidChange((m) => (tree.audit = m)));
  }
  const view = vscode.window.createTreeView('aurora.gates', { treeDataProvider: tree, showCollapseAll: true });
  // The audit's facts and the relative time are shown in this view: kept current only while it is visible.
  tree.setVisible(view.visible);
  audit?.setVisible(view.visible);
  context.subscriptions.push(view.onDidChangeVisibility((e) => {
    tree.setVisible(e.visible);
    audit?.setVisible(e.visible);
  }));
  const statusBar = new GatesStatusBar();
  let reportFile: string | undefined;
  /** Set while the view shows a report read from disk rather than one evaluated in this window. */
  let loadedFrom: string | undefined;
  let running: Promise<GateReport | undefined> | undefined;
  /** Why the last evaluation could not be carried out (the view keeps the report before it). */
  let notCarriedOut: string | undefined;
  let lastNotice: GatesNotice | undefined;
  const ui: EvaluationUi = {
    notify(notice) {
      lastNotice = notice;
      const show = notice.level === 'error' ? vscode.window.showErrorMessage : notice.level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      return show(notice.message, ...notice.actions);
    },
  };

  // Before the first run the view says which mode the next run will use and what trust leaves out.
  const refreshHeader = async () => {
    const s = await resolveGateSettings(context.secrets);
    const model = tree.model;
    const mode = model ? (model.dataMode === 'live' ? 'live' : `${model.dataMode.toUpperCase()} data — cannot promote`) : `${s.mode} · not evaluated`;
    view.description = model && loadedFrom ? `${mode} · from ${loadedFrom}` : mode;
    // VS Code hides restricted workspace values in Restricted Mode, so the rule is stated, and the names given when known.
    const untrusted = !vscode.workspace.isTrusted
      ? `Restricted Mode: ${s.ignoredUntrusted.length ? `${s.ignoredUntrusted.join(', ')} from the workspace ${s.ignoredUntrusted.length > 1 ? 'are' : 'is'} not used; ` : ''}workspace settings that choose a server, add headers or read files are ignored, the bundled gates file is used and the report is not written into the folder.`
      : s.ignoredUntrusted.length ? `Untrusted workspace: ${s.ignoredUntrusted.join(', ')} from the workspace ${s.ignoredUntrusted.length > 1 ? 'are' : 'is'} not used.` : undefined;
    view.message = [notCarriedOut && `Last evaluation not carried out: ${notCarriedOut}. Showing the report before it.`, untrusted].filter(Boolean).join(' ') || undefined;
    if (!model) statusBar.show(undefined, s.mode);
    // The welcome content and the walkthrough read the real state: is there data to evaluate, and a result.
    await vscode.commands.executeCommand('setContext', 'aurora.gates.sourceReady', !s.missing);
    await vscode.commands.executeCommand('setContext', 'aurora.gates.evaluated', !!model);
  };

  const refreshHistory = async () => {
    const { historyEntries } = await import('../history/commands.js');
    tree.history = await historyEntries('gates').catch((err: Error) => {
      log.warn(`gates history not shown: ${err.message}`);
      return [];
    });
  };

  const evaluate = (): Promise<GateReport | undefined> => {
    running ??= (async () => {
      try {
        // The evaluator (gates engine, Prometheus client, checks) loads with the first evaluation.
        const [{ runEvaluation }, { buildGatesModel }] = await Promise.all([import('./evaluateCommand.js'), import('./reportView.js')]);
        const done = await runEvaluation(context.secrets, log, ui);
        if (!done) return undefined;
        if (done.kept) {
          notCarriedOut = done.report.evaluation_error?.message ?? done.report.decision;
          await refreshHeader();
          return done.report;
        }
        notCarriedOut = undefined;
        tree.model = buildGatesModel(done.report);
        reportFile = done.reportFile;
        await refreshHistory();
        loadedFrom = undefined;
        statusBar.show(tree.model);
        await refreshHeader();
        const show = 'Show Gates';
        const open = 'Open Report';
        const json = 'Open JSON';
        const file = reportFile;
        const mode = done.report.data_mode === 'live' ? '' : ` (${done.report.data_mode.toUpperCase()} data — cannot promote)`;
        void ui.notify({ level: 'info', message: `Aurora: ${done.report.decision}${mode}`, actions: [show, ...(file ? [open, json] : [])] }).then((choice) => {
          if (choice === show) void vscode.commands.executeCommand('aurora.gates.focus');
          // The preview (the report's Markdown rendering) loads when it is first asked for.
          if ((choice === open || choice === json) && file) {
            void (async () => {
              const { showGateReportJson, showGateReportPreview } = await import('../shared/gateReportPreview.js');
              if (choice === json) await showGateReportJson(file);
              else await showGateReportPreview(file, AbortSignal.timeout(10_000));
            })().catch((err: unknown) => log.warn(`cannot preview ${file}: ${err instanceof InputError ? err.format() : String(err)}`));
          }
        });
        return done.report;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  // The last report on disk (from an earlier session, or written by `aurora-ga gates --output`) is
  // shown until the next evaluation; a bad file is logged, never a popup at start-up.
  const loadReport = async (root: string) => {
    const folder = gatesFolder();
    const { buildGatesModel, currentReportFile, readGateReport } = await import('./reportView.js');
    const file = currentReportFile(root);
    try {
      const { report } = await readGateReport(file, AbortSignal.timeout(10_000));
      // Our own write after an evaluation comes back through the watcher: nothing new to show.
      const shown = tree.model;
      if (running || (shown && shown.evaluatedAt === report.timestamp && shown.source === report.source)) return;
      tree.model = buildGatesModel(report);
      reportFile = file;
      loadedFrom = folder ? path.relative(folder.uri.fsPath, file) : file;
      statusBar.show(tree.model);
      await refreshHeader();
    } catch (err) {
      if (err instanceof InputError && err.code === 'not-found') return;
      log.warn(`not showing ${file}: ${err instanceof InputError ? err.format() : String(err)}`);
    }
  };
  const folder = gatesFolder();
  if (folder) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, ARTIFACTS.gateReport));
    const reload = debounce(() => void loadReport(folder.uri.fsPath), 300);
    // A run kept by the CLI or another window shows up in "History" (meta.json is written last).
    const kept = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, 'artifacts/history/gates/*/meta.json'));
    context.subscriptions.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), reload);
    context.subscriptions.push(kept, kept.onDidCreate(() => void refreshHistory()), kept.onDidDelete(() => void refreshHistory()));
    void refreshHistory();
    void loadReport(folder.uri.fsPath);
  }

  context.subscriptions.push(
    tree,
    view,
    statusBar,
    vscode.commands.registerCommand('aurora.evaluateGates', evaluate),
    vscode.commands.registerCommand('aurora.setPrometheusToken', async (value?: string) => {
      await setPrometheusToken(context.secrets, log, typeof value === 'string' ? value : undefined);
    }),
    vscode.commands.registerCommand('aurora.setPrometheusPassword', async (value?: string) => {
      await setPrometheusPassword(context.secrets, log, typeof value === 'string' ? value : undefined);
    }),
    vscode.commands.registerCommand('aurora.openQueryInPrometheus', async (node?: CheckNodeModel) => {
      if (!node?.queryUrl) return undefined;
      return openLink(node.queryUrl, log);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('auroraGa.prometheus') || e.affectsConfiguration('auroraGa.gates')) void refreshHeader();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refreshHeader()),
  );
  // The header reads every gates setting and secret: it is filled just after activation returns.
  setImmediate(() => void refreshHeader());

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
    get statusBarTooltip() {
      return statusBar.tooltip;
    },
    rootItems: () => tree.getChildren().map((n) => tree.getTreeItem(n)),
    checkItems: (gateKey) => {
      const gate = tree.model?.gates.find((g) => g.key === gateKey);
      return gate ? tree.getChildren(gate).map((n) => tree.getTreeItem(n)) : [];
    },
    get reportFile() {
      return reportFile;
    },
    get lastNotice() {
      return lastNotice;
    },
  };
}
