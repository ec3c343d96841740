import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { ARTIFACTS } from '../../core/artifacts';
import { recordRun, replacementFor, type HistoryKind } from '../../core/history';
import { writeFileAtomic } from '../../core/util';

/** Keeps a run in <folder>/artifacts/history/<kind>/ only (a failure to do so is said, never thrown). */
export async function keepInHistory(root: string, kind: Exclude<HistoryKind, 'canary'>, text: string, recording: string | undefined, log: vscode.LogOutputChannel): Promise<void> {
  try {
    const kept = await recordRun(root, path.join(root, ARTIFACTS.dir), { kind, text, ...(recording !== undefined ? { recording } : {}) }, AbortSignal.timeout(30_000));
    log.info(`${kind} run kept in history: ${kept.entry.dir}${kept.pruned.removed.length ? ` (pruned ${kept.pruned.removed.length} older)` : ''}`);
    if (kept.pruned.skipped) log.warn(`history not pruned: ${kept.pruned.skipped}`);
  } catch (err) {
    log.error(`${kind} run could not be kept in the history: ${(err as Error).message}`);
    void vscode.window.showWarningMessage(`Aurora: this ${kind} run could not be kept in the history: ${(err as Error).message}`);
  }
}

/**
 * Keeps a finished gates evaluation or audit in <folder>/artifacts/history/<kind>/, then writes it as
 * the current result, unless that would replace a completed one with a run that is not: then the
 * current file stays, and a notification offers to replace it (`onReplaced` runs if the user does).
 * Returns whether the current file now holds this run.
 */
export async function keepAndDecideCurrent(
  root: string,
  kind: Exclude<HistoryKind, 'canary'>,
  currentFile: string,
  text: string,
  recording: string | undefined,
  log: vscode.LogOutputChannel,
  onReplaced: () => Promise<void> = async () => {},
): Promise<boolean> {
  await keepInHistory(root, kind, text, recording, log);
  const replace = async () => {
    await writeFileAtomic(currentFile, text);
    log.info(`${kind} result written to ${currentFile}`);
  };
  const current = await fs.readFile(currentFile, 'utf8').catch(() => undefined);
  const decision = replacementFor(kind, JSON.parse(text), current);
  if (decision.action === 'replace') {
    await replace();
    return true;
  }
  log.warn(`${kind}: the run did not complete (${decision.reason}); the current result (a completed run) was kept, the new run is in the history`);
  const choice = 'Replace Current Result';
  void vscode.window
    .showWarningMessage(`Aurora: this ${kind === 'gates' ? 'gates evaluation' : 'DCTS audit'} did not complete (${decision.reason}). The current result (a completed run) was kept; the new run is in the history.`, choice, 'Compare')
    .then(async (picked) => {
      if (picked === choice) {
        await replace();
        await onReplaced();
      }
      if (picked === 'Compare') await vscode.commands.executeCommand('aurora.history.compare', { kind, older: '1', newer: '0' });
    });
  return false;
}
