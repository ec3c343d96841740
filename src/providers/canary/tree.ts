import * as vscode from 'vscode';
import type { CanaryViewModel, CheckNodeModel, PastNodeModel, RunNodeModel, SequenceNodeModel } from './model';

export type CanaryNode = SequenceNodeModel | RunNodeModel | CheckNodeModel | PastNodeModel;

/** The Canary view: the latest sequence with its runs, then "Past sequences". It only renders the model. */
export class CanaryTreeProvider implements vscode.TreeDataProvider<CanaryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CanaryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: CanaryViewModel = { latest: undefined, past: [] };

  get model(): CanaryViewModel {
    return this.current;
  }

  set model(model: CanaryViewModel) {
    this.current = model;
    this.changed.fire(undefined);
  }

  getChildren(node?: CanaryNode): CanaryNode[] {
    if (!node) {
      const roots: CanaryNode[] = this.current.latest ? [this.current.latest] : [];
      if (this.current.past.length) roots.push({ kind: 'past', key: 'past', label: `Past sequences (${this.current.past.length})`, sequences: this.current.past });
      return roots;
    }
    switch (node.kind) {
      case 'past':
        return node.sequences;
      case 'sequence':
        return node.runs;
      case 'run':
        return node.checks;
      default:
        return [];
    }
  }

  getTreeItem(node: CanaryNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    if (node.kind === 'past') {
      const item = new vscode.TreeItem(node.label, Collapsed);
      item.id = 'past';
      item.iconPath = new vscode.ThemeIcon('history');
      return item;
    }
    const latest = node.kind === 'sequence' && node.key === this.current.latest?.key;
    const state = node.kind === 'sequence' ? (latest ? Expanded : Collapsed) : node.kind === 'run' && node.checks.length ? Collapsed : None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.key;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    if (node.kind !== 'check') {
      const tooltip = new vscode.MarkdownString(node.tooltip);
      tooltip.supportThemeIcons = false;
      item.tooltip = tooltip;
    }
    if (node.kind === 'sequence') item.contextValue = 'auroraCanarySequence';
    if (node.kind === 'run') {
      // The context value drives the inline "Open Summary" / "Open Log" actions (package.json view/item/context).
      item.contextValue = ['auroraCanaryRun', node.summaryFile ? 'summary' : '', node.logFile ? 'log' : ''].filter(Boolean).join('.');
      const target = node.summaryFile ? 'aurora.canary.openSummary' : node.logFile ? 'aurora.canary.openLog' : undefined;
      if (target) item.command = { command: target, title: 'Open', arguments: [node] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
