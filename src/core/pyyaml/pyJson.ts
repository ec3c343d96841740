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

/**
 * The json.dumps(indent=2, separators=(',', ': ')) layout of compact json.dumps text, nested
 * `depth` levels deep: the same bytes serializePython(…, INDENTED) writes, without a tree. The text
 * is ensure_ascii output (one byte per character), laid out in one growing buffer so that a large
 * profile costs its output once, not a list of pieces.
 */
export function reindentCompact(json: string, depth: number): string {
  let buf = Buffer.allocUnsafe(json.length * 2 + 64);
  let n = 0;
  let level = depth;
  const ensure = (extra: number) => {
    if (n + extra <= buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, n + extra));
    buf.copy(bigger, 0, 0, n);
    buf = bigger;
  };
  const newline = () => {
    ensure(1 + 2 * level);
    buf[n++] = 10;
    buf.fill(32, n, n + 2 * level);
    n += 2 * level;
  };
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) {
      let end = i + 1;
      for (; json.charCodeAt(end) !== 34; end++) if (json.charCodeAt(end) === 92) end++;
      ensure(end - i + 1);
      n += buf.write(json.slice(i, end + 1), n, 'latin1');
      i = end;
      continue;
    }
    ensure(2);
    if (c === 123 || c === 91) {
      const next = json.charCodeAt(i + 1);
      buf[n++] = c;
      if (next === 125 || next === 93) buf[n++] = json.charCodeAt(++i);
      else {
        level++;
        newline();
      }
    } else if (c === 125 || c === 93) {
      level--;
      newline();
      ensure(1);
      buf[n++] = c;
    } else if (c === 44) {
      buf[n++] = c;
      newline();
    } else if (c === 58) {
      buf[n++] = 58;
      buf[n++] = 32;
    } else buf[n++] = c;
  }
  return buf.toString('latin1', 0, n);
}
