// Positions in a profile that is not open: what diagnostics need of a TextDocument (offset →
// position, a line's range, the word at a position), computed from the file's text on disk.
import * as vscode from 'vscode';
import { LineIndex } from '../../core/pyyaml';

/** The part of a TextDocument that lock diagnostics use; an open document is one. */
export interface Positions {
  positionAt(offset: number): vscode.Position;
  lineAt(line: number): { readonly range: vscode.Range };
  getWordRangeAtPosition(position: vscode.Position, regex?: RegExp): vscode.Range | undefined;
}

export class TextPositions implements Positions {
  private readonly index: LineIndex;
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
    this.starts = this.index.starts;
  }

  positionAt(offset: number): vscode.Position {
    const { line, column } = this.index.at(Math.max(0, Math.min(offset, this.text.length)));
    return new vscode.Position(line - 1, column - 1);
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
