// Hover on a profile key: the profile schema's description and which way is stricter (core/profile),
// and for a key changed since the lock, the locked value and who changed the line last, in which
// commit (git blame of that line through core/git, loaded with the first such hover; nothing outside git).
import * as vscode from 'vscode';
import type { LockChange } from '../../core/lock';
import type { Direction } from '../../core/profile';
import type { LockDocuments } from './documents';

const DIRECTION_TEXT: Record<Direction, string> = {
  'higher-stricter': 'Higher is stricter.',
  'lower-stricter': 'Lower is stricter.',
  'true-stricter': '`true` is stricter.',
};

const BLAME_TIMEOUT_MS = 3000;

/** Author names and commit summaries are text, not markdown. */
const escapeMarkdown = (t: string) => t.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');

const samePath = (a: (string | number)[], b: (string | number)[]) => a.length === b.length && a.every((s, i) => s === b[i]);

export class LockHover implements vscode.HoverProvider {
  constructor(private readonly documents: LockDocuments) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const state = this.documents.stateFor(document.uri);
    if (!state?.root) return undefined;
    // A profile with a state was read by the lock engine: it is loaded.
    const { keyInfo, keyPathAt, pathText } = this.documents.engine;
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
      const code = (t: string | undefined) => `\`${(t ?? '').replace(/`/g, "'")}\``;
      md.appendMarkdown(`\n\n${change.kind === 'added' ? `Not in the lock (now ${code(change.new)}).` : change.kind === 'removed' ? `Removed (locked ${code(change.old)}).` : `Locked value ${code(change.old)}, now ${code(change.new)}.`}`);
      const blame = await this.blame(document, position.line + 1, token);
      if (blame) md.appendMarkdown(`\n\n${blame.uncommitted ? 'Changed in uncommitted edits.' : `Changed by ${escapeMarkdown(blame.author)} in ${code(blame.commit.slice(0, 10))} (${blame.date.slice(0, 10)}): ${escapeMarkdown(blame.summary)}`}`);
    }
    return new vscode.Hover(md);
  }

  private async blame(document: vscode.TextDocument, line: number, token: vscode.CancellationToken) {
    const stop = new AbortController();
    const sub = token.onCancellationRequested(() => stop.abort());
    try {
      const { blameLine } = await import('./git.js');
      return await blameLine(document.uri.fsPath, line, stop.signal, { contents: document.isDirty ? document.getText() : undefined, timeoutMs: BLAME_TIMEOUT_MS });
    } catch {
      return undefined; // cancelled: the hover is gone
    } finally {
      sub.dispose();
    }
  }
}
