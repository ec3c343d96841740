import { InputError } from '../util/errors';
import type { JEntry, JNode, JScalar } from './jsonValue';
import { pythonFloatRepr } from './pyFloat';

export interface JsonStyle {
  /** Between items, `,` for the compact form, `, ` for Python's default. */
  itemSeparator: string;
  /** Between a key and its value, `:` or `: `. */
  keySeparator: string;
  /** Python's `indent=` (then items end lines and itemSeparator should be `,`). */
  indent?: number;
}

/** `json.dumps(v, sort_keys=True, separators=(',', ':'))` — the form the lock hash is taken over. */
export const COMPACT: JsonStyle = { itemSeparator: ',', keySeparator: ':' };
/** `json.dumps(v, sort_keys=True)` — the legacy `.yaml.lock` checksum form. */
export const PYTHON_DEFAULT: JsonStyle = { itemSeparator: ', ', keySeparator: ': ' };
/** `json.dump(v, indent=2)` — the lock file layout. */
export const INDENTED: JsonStyle = { itemSeparator: ',', keySeparator: ': ', indent: 2 };

const NAMED: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Python's ensure_ascii string encoding: anything outside space..~ becomes `\uXXXX` (UTF-16 units, so astral characters become surrogate pairs). */
export function pythonJsonString(s: string): string {
  if (!/[^\x20-\x7e]|["\\]/.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (NAMED[ch]) out += NAMED[ch];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export function pythonScalarJson(v: JScalar): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pythonFloatRepr(v);
  return pythonJsonString(v);
}

/** Serializes like Python's json module; an `invalid` node raises the error json.dumps would have, with its source location. */
export function serializePython(node: JNode, style: JsonStyle = COMPACT, file = '<profile>', lineOf?: (offset: number) => { line: number; column: number }): string {
  const parts: string[] = [];
  const write = (n: JNode, depth: number): void => {
    switch (n.kind) {
      case 'scalar':
        parts.push(pythonScalarJson(n.value));
        return;
      case 'invalid': {
        const pos = n.range && lineOf ? lineOf(n.range.start) : undefined;
        throw new InputError(n.message, { file, line: pos?.line, column: pos?.column });
      }
      case 'array':
        container('[', ']', n.items, depth, (item) => write(item, depth + 1));
        return;
      case 'object':
        container('{', '}', n.entries, depth, (e: JEntry) => {
          parts.push(pythonJsonString(e.key), style.keySeparator);
          write(e.value, depth + 1);
        });
        return;
    }
  };
  function container<T>(open: string, close: string, items: T[], depth: number, each: (item: T) => void): void {
    if (items.length === 0) {
      parts.push(open, close);
      return;
    }
    parts.push(open);
    const inner = style.indent !== undefined ? `\n${' '.repeat(style.indent * (depth + 1))}` : '';
    items.forEach((item, i) => {
      if (i > 0) parts.push(style.itemSeparator);
      parts.push(inner);
      each(item);
    });
    if (style.indent !== undefined) parts.push(`\n${' '.repeat(style.indent * depth)}`);
    parts.push(close);
  }
  write(node, 0);
  return parts.join('');
}
