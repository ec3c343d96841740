// Text edits that put locked values back into a profile's YAML, written so that PyYAML reads them
// back as exactly the locked value (1.0 stays a float, "yes" stays a string). Used by the editor's
// "Revert to locked value" and to build the locked side of "Compare with locked profile".
import type { LockChange } from './diff';
import { type JNode, pythonFloatRepr, resolvePlain } from '../pyyaml';
import type { TextEdit } from './editSession';

function yamlString(s: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) && resolvePlain(s) === 'str') return s;
  // JSON's escapes are YAML's; characters YAML 1.1 reads as breaks or refuses raw are escaped too.
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** YAML 1.1 text for a JSON-level value (flow style for collections). */
export function yamlLiteral(node: JNode): string {
  switch (node.kind) {
    case 'scalar': {
      const v = node.value;
      if (v === null) return 'null';
      if (typeof v === 'boolean') return String(v);
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'string') return yamlString(v);
      if (Number.isNaN(v)) return '.nan';
      if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
      const repr = pythonFloatRepr(v);
      // PyYAML needs a dot in a float: 1e-06 would be read as a string.
      return /e/.test(repr) && !repr.includes('.') ? repr.replace('e', '.0e') : repr;
    }
    case 'array':
      return `[${node.items.map(yamlLiteral).join(', ')}]`;
    case 'object':
      return `{${node.entries.map((e) => `${yamlString(e.key)}: ${yamlLiteral(e.value)}`).join(', ')}}`;
    case 'invalid':
      return 'null';
  }
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The edit that undoes one change, or undefined where no safe edit exists (e.g. an entry of a flow mapping). */
export function revertEdit(text: string, change: LockChange): TextEdit | undefined {
  if (change.kind === 'changed') {
    if (!change.range || !change.lockedNode) return undefined;
    return { offset: change.range.start, length: change.range.end - change.range.start, text: yamlLiteral(change.lockedNode) };
  }
  if (change.kind === 'added') {
    const start = change.keyRange?.start ?? change.range?.start;
    const end = change.range?.end ?? change.keyRange?.end;
    if (start === undefined || end === undefined) return undefined;
    const from = lineStart(text, start);
    // Only whole block entries are removed: the key, or a list item's `- `, must start its line (the first
    // key of a mapping inside a list item shares its line with the `- `, which must stay).
    if (!(change.keyRange ? /^\s*$/ : /^\s*(-\s*)?$/).test(text.slice(from, start))) return undefined;
    const to = lineEnd(text, end);
    return { offset: from, length: Math.min(to + 1, text.length) - from, text: '' };
  }
  const parent = change.parent;
  const key = change.path[change.path.length - 1];
  if (!parent || parent.kind !== 'object' || typeof key !== 'string' || !change.lockedNode || !parent.range) return undefined;
  const entry = `${yamlString(key)}: ${yamlLiteral(change.lockedNode)}`;
  if (text[parent.range.start] === '{') {
    const close = parent.range.end - 1;
    if (text[close] !== '}') return undefined;
    return { offset: close, length: 0, text: parent.entries.length ? `, ${entry}` : entry };
  }
  // Inserted as the mapping's first line: other reverts only touch lines of existing entries.
  // (No entry with a key range, e.g. none at all: nowhere to insert.)
  const first = Math.min(...parent.entries.map((e) => e.keyRange?.start ?? Infinity));
  if (!Number.isFinite(first)) return undefined;
  const from = lineStart(text, first);
  const indent = text.slice(from, first);
  if (!/^ *$/.test(indent)) return undefined;
  return { offset: from, length: 0, text: `${indent}${entry}\n` };
}

/** The profile text with every revertible change undone: the "locked" side of a comparison. */
export function lockedText(text: string, changes: LockChange[]): string {
  const edits = changes.map((c) => revertEdit(text, c)).filter((e): e is TextEdit => e !== undefined)
    // From the end backwards; at one offset a deletion goes before an insertion so both survive.
    .sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  let floor = Infinity;
  for (const e of edits) {
    if (e.offset + e.length > floor) continue; // overlapping edits: keep the later one only
    out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
    floor = e.offset;
  }
  return out;
}
