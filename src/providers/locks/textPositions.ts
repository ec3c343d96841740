// Positions in a profile that is not open: what diagnostics need of a TextDocument (offset →
// position, a line's range, the word at a position), computed from the file's text on disk.
import * as vscode from 'vscode';

/** The part of a TextDocument that lock diagnostics use; an open document is one. */
export interface Positions {
  positionAt(offset: number): vscode.Position;
  lineAt(line: number): { readonly range: vscode.Range };
  getWordRangeAtPosition(position: vscode.Position, regex?: RegExp): vscode.Range | undefined;
}

export class TextPositions implements Positions {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  positionAt(offset: number): vscode.Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, o - this.starts[lo]);
  }

  private lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  lineAt(line: number): { readonly range: vscode.Range } {
    return { range: new vscode.Range(line, 0, line, this.lineText(line).length) };
  }

  getWordRangeAtPosition(position: vscode.Position, regex = /\w+/): vscode.Range | undefined {
    const text = this.lineText(position.line);
    for (const m of text.matchAll(new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`))) {
      const end = m.index + m[0].length;
      if (m.index <= position.character && position.character <= end) return new vscode.Range(position.line, m.index, position.line, end);
    }
    return undefined;
  }
}
