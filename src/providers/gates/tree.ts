import path from 'node:path';
import * as vscode from 'vscode';
import type { AuditViewModel } from '../audit/model';
import type { HistoryEntry } from '../../core/history';
import { relativeTime } from '../../core/util';
import { RelativeClock } from '../shared';
import { historyTreeItem, type HistoryEntryNode, type HistoryNode } from '../history/tree';
import type { CheckNodeModel, DecisionNodeModel, GateNodeModel, GatesViewModel } from './model';

export type GatesNode = DecisionNodeModel | GateNodeModel | CheckNodeModel | HistoryNode | HistoryEntryNode;

/**
 * The Gates view: the decision row, one node per gate, its checks as children, then the kept runs.
 * Empty before the first evaluation, so the view's welcome content (package.json viewsWelcome) shows.
 */
export class GatesTreeProvider implements vscode.TreeDataProvider<GatesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<GatesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: GatesViewModel | undefined;
  private visible = false;
  /** Re-renders the decision row when its relative time next reads differently; only while visible. */
  private readonly clock: RelativeClock;

  constructor(private readonly now: () => number = Date.now) {
    this.clock = new RelativeClock(() => this.changed.fire(this.current?.decisionNode), now);
  }

  get model(): GatesViewModel | undefined {
    return this.current;
  }

  set model(model: GatesViewModel | undefined) {
    this.current = model;
    this.changed.fire(undefined);
    this.schedule();
  }

  private auditModel: AuditViewModel | undefined;

  /** The DCTS audit: its facts join the tooltip of the check that reads its report (no row of its own). */
  set audit(model: AuditViewModel | undefined) {
    this.auditModel = model;
    this.changed.fire(undefined);
  }

  private historyNode: HistoryNode | undefined;

  /** Kept gates evaluations, newest first: a collapsed "History" node below the gates. */
  set history(entries: HistoryEntry[]) {
    this.historyNode = entries.length ? { kind: 'history', historyKind: 'gates', entries } : undefined;
    this.changed.fire(undefined);
  }

  /** The relative time is kept current only while someone can see it. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.changed.fire(this.current?.decisionNode);
    this.schedule();
  }

  /** The decision row as rendered now: "live · 3 min ago", exact time in the tooltip. */
  decisionItem(): vscode.TreeItem | undefined {
    return this.current && this.getTreeItem(this.current.decisionNode);
  }

  private schedule(): void {
    this.clock.follow(this.visible ? this.current?.evaluatedAt : undefined);
  }

  getChildren(node?: GatesNode): GatesNode[] {
    if (!node) return this.current ? [this.current.decisionNode, ...this.current.gates, ...(this.historyNode ? [this.historyNode] : [])] : [];
    if (node.kind === 'history') return node.entries.map((entry, i) => ({ kind: 'historyEntry', historyKind: node.historyKind, entry, previous: node.entries[i + 1] }));
    return node.kind === 'gate' ? node.checks : [];
  }

  getParent(node: GatesNode): GatesNode | undefined {
    return node.kind === 'check' ? this.current?.gates.find((g) => g.key === node.gateKey) : undefined;
  }

  getTreeItem(node: GatesNode): vscode.TreeItem {
    if (node.kind === 'history' || node.kind === 'historyEntry') return historyTreeItem(node);
    if (node.kind === 'decision') return this.decisionTreeItem(node);
    const collapsed = node.kind === 'gate'
      ? node.status === 'PASS' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = node.kind === 'gate' ? `gate:${node.key}` : `check:${node.gateKey}/${node.checkId}`;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, new vscode.ThemeColor(node.icon.color));
    const audit = node.kind === 'check' && this.auditOf(node);
    const tooltip = new vscode.MarkdownString(audit ? `${node.tooltip}\n\n---\n\n${audit.tooltip}` : node.tooltip);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    // The context value drives the "Show Chart" and "Open Query in Prometheus" menu entries (package.json view/item/context).
    item.contextValue = node.kind === 'gate'
      ? `auroraGate${node.checks.some((c) => c.chartable) ? '.chart' : ''}`
      : `auroraGateCheck${node.chartable ? '.chart' : ''}${node.queryUrl ? '.prometheus' : ''}`;
    return item;
  }

  private auditOf(node: CheckNodeModel): AuditViewModel | undefined {
    const a = this.auditModel;
    return a && node.sourceFile && path.resolve(node.sourceFile) === path.resolve(a.reportFile) ? a : undefined;
  }

  private decisionTreeItem(node: DecisionNodeModel): vscode.TreeItem {
    const at = this.current?.evaluatedAt ?? '';
    const ago = relativeTime(at, this.now());
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = 'decision';
    item.description = `${node.description} · ${ago}`;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, new vscode.ThemeColor(node.icon.color));
    const tooltip = new vscode.MarkdownString(`${node.tooltip}\n- Evaluated: ${at} (${ago})`);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    item.contextValue = 'auroraGateDecision';
    return item;
  }

  dispose(): void {
    this.clock.dispose();
    this.changed.dispose();
  }
}
