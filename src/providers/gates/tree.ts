import * as vscode from 'vscode';
import type { AuditViewModel } from '../audit/model';
import { auditTreeItem, type AuditNode } from '../audit/treeItem';
import type { HistoryEntry } from '../../core/history';
import { historyTreeItem, type HistoryEntryNode, type HistoryNode } from '../history/tree';
import type { CheckNodeModel, GateNodeModel, GatesViewModel } from './model';

export type GatesNode = GateNodeModel | CheckNodeModel | AuditNode | HistoryNode | HistoryEntryNode;

/** The Gates view: one node per gate, its checks as children. It only renders the current model. */
export class GatesTreeProvider implements vscode.TreeDataProvider<GatesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<GatesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: GatesViewModel | undefined;

  get model(): GatesViewModel | undefined {
    return this.current;
  }

  set model(model: GatesViewModel | undefined) {
    this.current = model;
    this.changed.fire(undefined);
  }

  private auditNode: AuditNode | undefined;

  /** The DCTS audit's status, shown above the gates (the DCTS gate reads its report). */
  set audit(model: AuditViewModel | undefined) {
    this.auditNode = model && { kind: 'audit', model };
    this.changed.fire(undefined);
  }

  private historyNode: HistoryNode | undefined;

  /** Kept gates evaluations, newest first: a collapsed "History" node below the gates. */
  set history(entries: HistoryEntry[]) {
    this.historyNode = entries.length ? { kind: 'history', historyKind: 'gates', entries } : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: GatesNode): GatesNode[] {
    if (!node) return [...(this.auditNode ? [this.auditNode] : []), ...(this.current?.gates ?? []), ...(this.historyNode ? [this.historyNode] : [])];
    if (node.kind === 'history') return node.entries.map((entry, i) => ({ kind: 'historyEntry', historyKind: node.historyKind, entry, previous: node.entries[i + 1] }));
    return node.kind === 'gate' ? node.checks : [];
  }

  getParent(node: GatesNode): GatesNode | undefined {
    return node.kind === 'check' ? this.current?.gates.find((g) => g.key === node.gateKey) : undefined;
  }

  getTreeItem(node: GatesNode): vscode.TreeItem {
    if (node.kind === 'audit') return auditTreeItem(node.model);
    if (node.kind === 'history' || node.kind === 'historyEntry') return historyTreeItem(node);
    const collapsed = node.kind === 'gate'
      ? node.status === 'PASS' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = node.kind === 'gate' ? `gate:${node.key}` : `check:${node.gateKey}/${node.checkId}`;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, new vscode.ThemeColor(node.icon.color));
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    // The context value drives the "Show Chart" and "Open Query in Prometheus" menu entries (package.json view/item/context).
    item.contextValue = node.kind === 'gate'
      ? `auroraGate${node.checks.some((c) => c.chartable) ? '.chart' : ''}`
      : `auroraGateCheck${node.chartable ? '.chart' : ''}${node.queryUrl ? '.prometheus' : ''}`;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
