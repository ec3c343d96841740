// "Aurora: Compare Evaluations…" and "Aurora: Show History…": the core history (gates evaluations,
// canary sequences, DCTS audits) browsed and compared in the editor, the same as `aurora-ga history`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { compareRuns, comparisonLines, entryLine, HISTORY_KINDS, historyDir, listHistory, pickEntry, type Comparison, type HistoryEntry, type HistoryKind } from '../../core/history';

/** Arguments of aurora.history.compare / aurora.history.show; anything missing is asked. */
export interface HistoryArgs {
  kind?: HistoryKind;
  /** Entry ids or positions (0 = newest). */
  older?: string;
  newer?: string;
}

const KIND_LABEL: Record<HistoryKind, string> = { gates: 'Gates evaluations', canary: 'Canary sequences', audit: 'DCTS audits' };

function folder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

export async function historyEntries(kind: HistoryKind): Promise<HistoryEntry[]> {
  const f = folder();
  if (!f) return [];
  const artifacts = path.join(f.uri.fsPath, 'artifacts');
  return listHistory(historyDir(artifacts, kind), kind, AbortSignal.timeout(10_000));
}

async function pickKind(given: HistoryKind | undefined): Promise<HistoryKind | undefined> {
  if (given) return given;
  const choice = await vscode.window.showQuickPick(HISTORY_KINDS.map((k) => ({ label: KIND_LABEL[k], historyKind: k })), { placeHolder: 'Which history?' });
  return choice?.historyKind;
}

async function pickOne(entries: HistoryEntry[], placeHolder: string, exclude?: HistoryEntry): Promise<HistoryEntry | undefined> {
  const items = entries.filter((e) => e !== exclude).map((e) => ({ label: e.id, description: entryLine(e).slice(e.id.length).trim(), entry: e }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.entry;
}

async function readReport(e: HistoryEntry): Promise<unknown> {
  return JSON.parse(await fs.readFile(e.file, 'utf8'));
}

/** Compares two kept runs and opens the comparison as a document; returns it (for tests and other extensions). */
export async function compareCommand(args: HistoryArgs = {}): Promise<Comparison | undefined> {
  const kind = await pickKind(args.kind);
  if (!kind) return undefined;
  const entries = await historyEntries(kind);
  if (entries.length < 2) {
    void vscode.window.showInformationMessage(`Aurora: ${entries.length ? 'only one' : 'no'} ${KIND_LABEL[kind].toLowerCase().replace(/s$/, '')} kept so far; two are needed to compare.`);
    return undefined;
  }
  const newer = args.newer ? pickEntry(entries, args.newer) : await pickOne(entries, 'Newer run');
  const older = args.older ? pickEntry(entries, args.older) : newer && (await pickOne(entries.slice(entries.indexOf(newer) + 1), 'Compare with which older run?', newer));
  if (!newer || !older) return undefined;
  const comparison = compareRuns(kind, await readReport(older), await readReport(newer));
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${KIND_LABEL[kind]}\n${comparisonLines(comparison, older.id, newer.id).join('\n')}\n` });
  await vscode.window.showTextDocument(doc, { preview: true });
  return comparison;
}

/** Lists a kind's kept runs in a quick pick and opens the chosen report. */
export async function showCommand(args: HistoryArgs = {}): Promise<HistoryEntry[] | undefined> {
  const kind = await pickKind(args.kind);
  if (!kind) return undefined;
  const entries = await historyEntries(kind);
  if (!entries.length) {
    void vscode.window.showInformationMessage(`Aurora: no ${KIND_LABEL[kind].toLowerCase()} kept yet.`);
    return entries;
  }
  const chosen = await pickOne(entries, `${KIND_LABEL[kind]}, newest first`);
  if (chosen) await vscode.window.showTextDocument(vscode.Uri.file(chosen.file), { preview: true });
  return entries;
}
