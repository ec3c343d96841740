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
  const { itemSeparator, keySeparator, indent } = style;
  // [after the opening bracket, between items, before the closing bracket] at a depth.
  const layout = (depth: number): [string, string, string] => {
    if (indent === undefined) return ['', itemSeparator, ''];
    const inner = `\n${' '.repeat(indent * (depth + 1))}`;
    return [inner, itemSeparator + inner, `\n${' '.repeat(indent * depth)}`];
  };
  const write = (n: JNode, depth: number): string => {
    switch (n.kind) {
      case 'scalar':
        return pythonScalarJson(n.value);
      case 'invalid': {
        const pos = n.range && lineOf ? lineOf(n.range.start) : undefined;
        throw new InputError(n.message, { file, line: pos?.line, column: pos?.column });
      }
      case 'array': {
        if (n.items.length === 0) return '[]';
        const [open, sep, close] = layout(depth);
        let out = `[${open}`;
        for (let i = 0; i < n.items.length; i++) out += (i ? sep : '') + write(n.items[i], depth + 1);
        return `${out}${close}]`;
      }
      case 'object': {
        if (n.entries.length === 0) return '{}';
        const [open, sep, close] = layout(depth);
        let out = `{${open}`;
        for (let i = 0; i < n.entries.length; i++) {
          const e: JEntry = n.entries[i];
          out += (i ? sep : '') + pythonJsonString(e.key) + keySeparator + write(e.value, depth + 1);
        }
        return `${out}${close}}`;
      }
    }
  };
  return write(node, 0);
}
