// Hover on a profile key: the profile schema's description and which way is stricter (core/profile),
// and for a key changed since the lock, the locked value and who changed the line last, in which
// commit (git blame of that line through core/git; nothing outside git).
import * as vscode from 'vscode';
import { pathText, type LockChange } from '../../core/lock';
import { blameLine } from '../../core/git';
import { keyInfo, keyPathAt, type Direction } from '../../core/profile';
import type { LockDocuments } from './documents';

const DIRECTION_TEXT: Record<Direction, string> = {
  'higher-stricter': 'Higher is stricter.',
  'lower-stricter': 'Lower is stricter.',
  'true-stricter': '`true` is stricter.',
};

const BLAME_TIMEOUT_MS = 3000;

const samePath = (a: (string | number)[], b: (string | number)[]) => a.length === b.length && a.every((s, i) => s === b[i]);

export class LockHover implements vscode.HoverProvider {
  constructor(private readonly documents: LockDocuments) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const state = this.documents.stateFor(document.uri);
    if (!state?.root) return undefined;
    const keyPath = keyPathAt(state.root, document.offsetAt(position));
    if (!keyPath) return undefined;
    const info = keyInfo(keyPath.join('.'));
    const change = state.changes.find((c: LockChange) => samePath(c.path, keyPath) || (c.kind === 'removed' && samePath(c.path.slice(0, -1), keyPath)));
    if (!info && !change) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${pathText(keyPath)}**`);
    if (info?.description) md.appendMarkdown(` — ${info.description}`);
    if (info?.direction) md.appendMarkdown(`\n\n${DIRECTION_TEXT[info.direction]}`);
    if (change) {
      md.appendMarkdown('\n\n');
      md.appendText(change.kind === 'added' ? `Not in the lock (now ${change.new}).` : change.kind === 'removed' ? `${change.pathText} (locked ${change.old}) removed.` : `Locked value ${change.old}, now ${change.new}.`);
      const blame = await this.blame(document, position.line + 1, token);
      if (blame) {
        md.appendMarkdown('\n\n');
        md.appendText(blame.uncommitted ? 'Changed in uncommitted edits.' : `Changed by ${blame.author} in ${blame.commit.slice(0, 10)} (${blame.date.slice(0, 10)}): ${blame.summary}`);
      }
    }
    return new vscode.Hover(md);
  }

  private async blame(document: vscode.TextDocument, line: number, token: vscode.CancellationToken) {
    const stop = new AbortController();
    const sub = token.onCancellationRequested(() => stop.abort());
    try {
      return await blameLine(document.uri.fsPath, line, stop.signal, { contents: document.isDirty ? document.getText() : undefined, timeoutMs: BLAME_TIMEOUT_MS });
    } catch {
      return undefined; // cancelled: the hover is gone
    } finally {
      sub.dispose();
    }
  }
}
