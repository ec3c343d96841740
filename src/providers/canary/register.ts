// The VS Code face of the canary runner: "Aurora: Run Canary", the Canary view (latest sequence,
// its runs and their checks, past sequences from artifacts/canary/), and opening a run's files.
import * as vscode from 'vscode';
import { ARTIFACTS } from '../../core/artifacts';
import type { CanaryResults } from '../../core/canary';
import { debounce } from '../shared';
import { CanaryController, type RunCanaryArgs } from './controller';
import type { CanaryViewModel, RunNodeModel } from './model';
import { currentHighlight, currentQuestion } from './pick';
import { CanaryTreeProvider } from './tree';

/** What extension tests (and other extensions) read of the Canary face. */
export interface CanaryApi {
  /** What the Canary view shows now. */
  readonly model: CanaryViewModel;
  readonly running: boolean;
  /** The view's description and message (e.g. why runs are refused in an untrusted workspace). */
  readonly view: { readonly description: string | undefined; readonly message: string | undefined };
  /** The last notification text about a run. */
  readonly lastMessage: string | undefined;
  /** Absolute path of the last results file written. */
  readonly resultsFile: string | undefined;
  /** The title of the Run Canary question on screen now, if any. */
  readonly question: string | undefined;
  /** The label of the item highlighted in that question's list, if it is a list. */
  readonly highlighted: string | undefined;
  /** Re-reads artifacts/canary/. */
  refresh(): Promise<void>;
}

export function registerCanary(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): CanaryApi {
  const tree = new CanaryTreeProvider();
  const view = vscode.window.createTreeView('aurora.canary', { treeDataProvider: tree, showCollapseAll: true });
  const controller = new CanaryController(tree, log);

  const header = () => {
    const latest = tree.model.latest;
    view.description = latest ? (latest.dataMode === 'demo' ? 'DEMO data' : undefined) : undefined;
    view.message = vscode.workspace.isTrusted ? undefined : 'Untrusted workspace: past results are shown, but no canary runs here (it would execute the workspace\'s command).';
  };
  context.subscriptions.push(tree.onDidChangeTreeData(header));

  const openFile = async (node: RunNodeModel | undefined, which: 'summaryFile' | 'logFile') => {
    const file = node?.[which];
    if (!file) {
      void vscode.window.showInformationMessage(`Aurora: run ${node?.runId ?? '?'} has no ${which === 'summaryFile' ? 'summary' : 'log'}.`);
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  };

  // Sequences run by the CLI in a terminal show up too (debounced: a run writes several files at once).
  const soon = debounce(() => void controller.refresh(), 300);
  // File events do not reach every host (remote hosts may not watch git-ignored artifacts/), so
  // while the view is visible it also polls a cheap fingerprint of artifacts/canary once a second.
  let poller: NodeJS.Timeout | undefined;
  const polling = () => {
    if (view.visible && !poller) poller = setInterval(() => void controller.pollOnce(), 1000);
    if (!view.visible && poller) {
      clearInterval(poller);
      poller = undefined;
    }
  };
  context.subscriptions.push(view.onDidChangeVisibility(polling), { dispose: () => clearInterval(poller) });
  polling();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    // progress.jsonl grows run by run, so a CLI sequence fills the view as it goes.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${ARTIFACTS.canaryDir}/*/{canary_results.json,progress.jsonl}`));
    context.subscriptions.push(watcher, watcher.onDidCreate(soon), watcher.onDidChange(soon), watcher.onDidDelete(soon));
  }

  context.subscriptions.push(
    tree,
    view,
    controller,
    soon,
    vscode.commands.registerCommand('aurora.runCanary', (args?: RunCanaryArgs): Promise<CanaryResults | undefined> => {
      // From a menu the argument is not ours; only a plain object of arguments is.
      const given = args && typeof args === 'object' && !('kind' in args) ? args : {};
      return controller.run(given);
    }),
    vscode.commands.registerCommand('aurora.canary.openSummary', (node?: RunNodeModel) => openFile(node, 'summaryFile')),
    vscode.commands.registerCommand('aurora.canary.openLog', (node?: RunNodeModel) => openFile(node, 'logFile')),
    vscode.commands.registerCommand('aurora.canary.refresh', () => controller.refresh()),
    vscode.commands.registerCommand('aurora.canary.cancel', () => controller.cancel()),
    vscode.workspace.onDidGrantWorkspaceTrust(header),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void controller.refresh()),
  );
  header();
  void controller.refresh();

  return {
    get model() {
      return tree.model;
    },
    get running() {
      return controller.isRunning;
    },
    get view() {
      return { description: view.description, message: view.message };
    },
    get lastMessage() {
      return controller.lastMessage;
    },
    get resultsFile() {
      return controller.resultsFile;
    },
    get question() {
      return currentQuestion();
    },
    get highlighted() {
      return currentHighlight();
    },
    refresh: () => controller.refresh(),
  };
}
