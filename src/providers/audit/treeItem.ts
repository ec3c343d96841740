import * as vscode from 'vscode';
import type { AuditViewModel } from './model';

/** The DCTS audit as a node of the Gates view (first row, above the gates it feeds). */
export interface AuditNode {
  kind: 'audit';
  model: AuditViewModel;
}

export function auditTreeItem(m: AuditViewModel): vscode.TreeItem {
  const item = new vscode.TreeItem(m.label, vscode.TreeItemCollapsibleState.None);
  item.id = 'audit:dcts';
  item.description = m.description;
  item.iconPath = new vscode.ThemeIcon(m.icon.id, new vscode.ThemeColor(m.icon.color));
  item.tooltip = new vscode.MarkdownString(m.tooltip);
  item.contextValue = 'auroraAudit';
  item.command = { command: 'vscode.open', title: 'Open DCTS Audit Report', arguments: [vscode.Uri.file(m.reportFile)] };
  return item;
}
