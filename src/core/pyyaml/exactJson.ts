// A JSON reader that keeps what JSON.parse loses: `1` (Python int, any size) vs `1.0` (float),
// NaN/Infinity as Python writes them, and the source range of every value. Lock files need it:
// their locked_values must re-serialize to the very bytes that were hashed.
import { InputError } from '../util/errors';
import type { JEntry, JNode } from './jsonValue';
import { LineIndex } from './lineIndex';
import { compareCodePoints } from './pyKeys';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses JSON (as Python's json.loads accepts it); objects come back with keys in code-point order, last duplicate winning. */
export function parseExactJson(text: string, file: string): JNode {
  let i = 0;
  const fail = (message: string, at = i): never => {
    const pos = new LineIndex(text).at(at);
    throw new InputError(`invalid JSON: ${message}`, { file, ...pos });
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = (): string => {
    const start = i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const ch = text[i++];
      if (ch === '"') return out;
      if (ch === '\\') {
        const e = text[i++];
        if (e === 'u') {
          const hex = text.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape', i - 2);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else if (e in ESCAPES) out += ESCAPES[e];
        else fail(`invalid escape '\\${e}'`, i - 2);
      } else if (ch < ' ') fail('control character in string', i - 1);
      else out += ch;
    }
  };
  const value = (): JNode => {
    ws();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const byKey = new Map<string, JEntry>();
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          if (text[i] !== '"') fail('expected a string key');
          const keyStart = i;
          const key = str();
          const keyRange = { start: keyStart, end: i };
          ws();
          if (text[i++] !== ':') fail("expected ':'", i - 1);
          byKey.set(key, { key, keyRange, value: value() });
          ws();
          const sep = text[i++];
          if (sep === '}') break;
          if (sep !== ',') fail("expected ',' or '}'", i - 1);
        }
      const entries = [...byKey.values()].sort((a, b) => compareCodePoints(a.key, b.key));
      return { kind: 'object', entries, range: { start, end: i } };
    }
    if (ch === '[') {
      i++;
      const items: JNode[] = [];
      ws();
      if (text[i] === ']') i++;
      else
        for (;;) {
          items.push(value());
          ws();
          const sep = text[i++];
          if (sep === ']') break;
          if (sep !== ',') fail("expected ',' or ']'", i - 1);
        }
      return { kind: 'array', items, range: { start, end: i } };
    }
    if (ch === '"') return { kind: 'scalar', value: str(), range: { start, end: i } };
    for (const [word, v] of [['true', true], ['false', false], ['null', null], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'scalar', value: v, range: { start, end: i } };
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(i >= text.length ? 'unexpected end of input' : `unexpected character '${ch}'`);
    i += m[0].length;
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    return { kind: 'scalar', value: isFloat ? Number(m[0]) : BigInt(m[0]), range: { start, end: i } };
  };
  const root = value();
  ws();
  if (i < text.length) fail('extra data after the JSON value');
  return root;
}
