import * as vscode from 'vscode';
import type { SequenceNodeModel } from '../canary/model';
import type { HistoryArgs } from './commands';
import type { HistoryEntryNode } from './tree';

/** "Compare with Previous" on a kept gates evaluation (Gates view) or a canary sequence (Canary view). */
async function compareWithPrevious(node: HistoryEntryNode | SequenceNodeModel | undefined) {
  const { compareCommand, historyEntries } = await import('./commands.js');
  if (!node) return compareCommand();
  if (node.kind === 'historyEntry') return node.previous ? compareCommand({ kind: node.historyKind, older: node.previous.id, newer: node.entry.id }) : undefined;
  const entries = await historyEntries('canary');
  const at = entries.findIndex((e) => e.id === node.name);
  const previous = at >= 0 ? entries[at + 1] : undefined;
  if (!previous) {
    void vscode.window.showInformationMessage(`Aurora: no completed sequence before ${node.name} to compare with.`);
    return undefined;
  }
  return compareCommand({ kind: 'canary', older: previous.id, newer: node.name });
}

export function registerHistory(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    // The history commands (reading, comparing kept runs) load when one is first used.
    vscode.commands.registerCommand('aurora.history.compare', (args?: HistoryArgs) => import('./commands.js').then(({ compareCommand }) => compareCommand(args)).catch((err: Error) => {
      log.error(`history compare failed: ${err.message}`);
      void vscode.window.showErrorMessage(`Aurora: cannot compare: ${err.message}`);
      return undefined;
    })),
    vscode.commands.registerCommand('aurora.history.show', async (args?: HistoryArgs) => (await import('./commands.js')).showCommand(args)),
    vscode.commands.registerCommand('aurora.history.compareWithPrevious', compareWithPrevious),
  );
}
