import * as vscode from 'vscode';
import { entryLine, type HistoryEntry, type HistoryKind } from '../../core/history';

/** "History (N)": the kept runs of one kind. */
export interface HistoryNode {
  kind: 'history';
  historyKind: HistoryKind;
  entries: HistoryEntry[];
}

/** One kept run; `previous` is the run before it, for "Compare with Previous". */
export interface HistoryEntryNode {
  kind: 'historyEntry';
  historyKind: HistoryKind;
  entry: HistoryEntry;
  previous?: HistoryEntry;
}

export function historyTreeItem(node: HistoryNode | HistoryEntryNode): vscode.TreeItem {
  if (node.kind === 'history') {
    const item = new vscode.TreeItem(`History (${node.entries.length})`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `history:${node.historyKind}`;
    item.iconPath = new vscode.ThemeIcon('history');
    item.tooltip = 'Every evaluation is kept under artifacts/history/; the newest 30, and any a sign-off or the promotion record names.';
    return item;
  }
  const e = node.entry;
  const item = new vscode.TreeItem(e.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), vscode.TreeItemCollapsibleState.None);
  item.id = `history:${node.historyKind}:${e.id}`;
  item.description = `${e.status}${e.data_mode && e.data_mode !== 'live' ? ` · ${e.data_mode.toUpperCase()}` : ''}${e.completed ? '' : ' · not complete'}`;
  item.tooltip = `${entryLine(e)}\n${e.dir}${e.recording ? '\nwith the raw Prometheus answers (recording.json)' : ''}`;
  item.iconPath = new vscode.ThemeIcon(e.completed ? 'circle-outline' : 'warning');
  item.contextValue = node.previous ? 'auroraHistoryEntry.comparable' : 'auroraHistoryEntry';
  item.command = { command: 'vscode.open', title: 'Open Report', arguments: [vscode.Uri.file(e.file)] };
  return item;
}
