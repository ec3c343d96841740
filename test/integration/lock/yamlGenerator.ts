// Seeded generator of YAML documents that stress PyYAML's 1.1 typing and Python's JSON output:
// tricky plain scalars, numbers in every notation, quoted strings with escapes and non-ASCII,
// nested block and flow collections, anchors with merge keys, duplicate and mixed-type keys, CRLF.

import { seeded as rng } from '../../support/seeded';

export { rng };

const TRICKY = [
  'true', 'Yes', 'on', 'OFF', 'y', 'n', 'tRUE', 'nULL', '~', 'Null', 'NULL', 'null', 'no', 'False',
  '1', '+1', '-0', '1_000', '0755', '017', '09', '0o17', '0x1F', '0x_1F', '0b101', '-0b11', '1:30', '1:30:00', '-1:30', '+0', '00', '0_0',
  '1.0', '5.', '.5', '-0.0', '1.0e-6', '1.0e+6', '10000000000000000.0', '0.00001', '0.0001', '1e-6', '1.0e6', '1e+3', '0.1e1',
  '.inf', '-.inf', '+.inf', '.nan', '.NaN', '.Inf', '190:20:30.15', '1_000.5', '6.8523015e+5', '-.5', '+.5', '0.', '1.e+5', '1._5',
  '123456789012345678901234567890', '-98765432109876543210', '1e400', '1.0e+400', '9.99e-5', '1.5e300', '2.5E-10', '0.30000000000000004',
  '2025-08-21', 'abc', 'hello world', 'x_y', 'A', 'Zz', 'yes!', '0x', '12abc', '1_', '_1', '+', '-1_', '1:60', '1:5', '3:25:45.5',
];

/** Explicit tags: PyYAML constructs the tagged type from any text, or fails. */
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!', '!!timestamp', '!!binary', '!custom'];

const KEYS = ['a', 'b', 'B', '_', 'ä', 'key', 'coverage_target', 'x1', 'Z', 'é', 'ю', 'k k', '𝄞', '\uffee', 'true_', 'Null_'];
/** Numeric, boolean and null keys: a mapping uses them alone (Python sorts them) or, rarely, mixed (Python fails). */
const NUMBER_KEYS = ['on', 'no', 'yes', '1', '2', '10', '1.5', '-3', '0x10', '1.0', '017', '.inf', '-.inf', '1e+3'];
const ODD_KEYS = [...NUMBER_KEYS, 'null', '~', '0o7', '2025-01-01'];

const QUOTED = ['Київ', 'ä', '😀', 'tab\there', 'line\nbreak', 'quote"s', 'back\\slash', '', ' lead', 'trail ', '€uro', '\u007f', 'ctl\u0001', '1.0', 'true', '\uffff', '𝄞x', '\u00e9\u0301', '\u0085nel', '\u2028ls', '\ufeffbom'];
/** Characters PyYAML's reader refuses raw in a file; they may only appear escaped in double quotes. */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`.replace(/^\\x(....)$/, '\\u$1'));
}

export function generateYamlDocument(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const anchors: string[] = [];
  let nextAnchor = 0;

  const randomNumber = (): string => {
    const kind = Math.floor(r() * 6);
    const mag = 10 ** Math.floor(r() * 40 - 20);
    const x = (r() - 0.5) * mag;
    switch (kind) {
      case 0:
        return String(Math.floor((r() - 0.5) * 1e6));
      case 1:
        return x.toFixed(Math.floor(r() * 8) + 1);
      case 2: {
        const e = x.toExponential(Math.floor(r() * 6) + 1);
        return e.includes('.') ? e : e.replace('e', '.0e');
      }
      case 3:
        return String(x).includes('.') ? String(x) : `${x}.0`;
      case 4:
        return (r() * 100).toFixed(Math.floor(r() * 3));
      default:
        return `${Math.floor(r() * 100)}:${String(Math.floor(r() * 60)).padStart(2, '0')}${chance(0.5) ? `.${Math.floor(r() * 100)}` : ''}`;
    }
  };

  const scalar = (): string => {
    const k = r();
    if (k < 0.05) return `${pick(TAGS)} ${chance(0.5) ? pick(TRICKY) : JSON.stringify(pick(TRICKY))}`;
    if (k < 0.45) return pick(TRICKY);
    if (k < 0.7) return randomNumber();
    if (k < 0.85) return doubleQuoted(pick(QUOTED));
    const q = pick(QUOTED);
    // A raw non-printable character makes PyYAML reject the whole file; keep that case rare.
    if (NON_PRINTABLE.test(q) && !chance(0.05)) return doubleQuoted(q);
    // Raw NEL/LS/PS are line breaks in YAML 1.1; our reader refuses them (a unit test covers that).
    if (/[\u0085\u2028\u2029]/.test(q)) return doubleQuoted(q);
    return `'${q.replace(/\n/g, ' ').replace(/'/g, "''")}'`;
  };
  const keyOf = (k: string): string => (chance(0.15) || !/^[a-zA-Z_0-9.~-]+$/.test(k) ? doubleQuoted(k) : k);
  /** Per mapping: string keys, or (sometimes) Python-typed keys, mixed with strings only rarely. */
  const keyMaker = (): (() => string) => {
    const mode = r();
    if (mode < 0.8) return () => keyOf(pick(KEYS));
    if (mode < 0.97) return () => pick(NUMBER_KEYS);
    return () => (chance(0.5) ? pick(ODD_KEYS) : keyOf(pick(KEYS)));
  };

  const flow = (depth: number): string => {
    if (depth > 2 || chance(0.5)) return scalar();
    if (chance(0.5)) return `[${Array.from({ length: Math.floor(r() * 4) }, () => flow(depth + 1)).join(', ')}]`;
    const mk = keyMaker();
    return `{${Array.from({ length: Math.floor(r() * 4) }, () => `${mk()}: ${flow(depth + 1)}`).join(', ')}}`;
  };

  const block = (indent: string, depth: number, asMap: boolean): string[] => {
    const lines: string[] = [];
    const n = 1 + Math.floor(r() * 5);
    const mk = keyMaker();
    for (let i = 0; i < n; i++) {
      const lead = asMap ? `${indent}${mk()}:` : `${indent}-`;
      const comment = chance(0.1) ? '  # note' : '';
      const kind = r();
      if (asMap && anchors.length && chance(0.08)) {
        lines.push(`${indent}<<: ${chance(0.7) ? `*${pick(anchors)}` : `[${anchors.map((a) => `*${a}`).join(', ')}]`}`);
      } else if (depth < 3 && kind < 0.25) {
        // Anchor names are unique except, rarely, a redefinition (PyYAML rejects it).
        const anchor = asMap && chance(0.3) ? (anchors.length && chance(0.03) ? pick(anchors) : `a${nextAnchor++}`) : undefined;
        lines.push(`${lead}${anchor ? ` &${anchor}` : ''}${comment}`);
        lines.push(...block(`${indent}  `, depth + 1, true));
        if (anchor) anchors.push(anchor);
      } else if (depth < 3 && kind < 0.35) {
        lines.push(`${lead}${comment}`);
        lines.push(...block(asMap && chance(0.5) ? indent : `${indent}  `, depth + 1, false));
      } else if (kind < 0.45) lines.push(`${lead} ${flow(depth)}${comment}`);
      else if (kind < 0.47) {
        // Block scalars: literal or folded, with chomping indicators.
        lines.push(`${lead} ${pick(['|', '>', '|-', '>+', '|+', '>-'])}${comment}`);
        for (let l = 0; l < 1 + Math.floor(r() * 3); l++) lines.push(`${indent}  ${pick(['text', 'more  words', '1.0', 'yes', '# not a comment', ''])}`);
      } else if (kind < 0.48) lines.push(`${lead} plain start`, `${indent}  continued ${pick(['line', '1.0', 'on'])}`);
      else if (kind < 0.5) lines.push(`${lead}${comment}`);
      else lines.push(`${lead} ${scalar()}${comment}`);
    }
    return lines;
  };

  const lines = chance(0.1) ? [`- ${scalar()}`] : block('', 0, !chance(0.1));
  if (chance(0.1)) lines.unshift('---');
  if (chance(0.1)) lines.unshift('# profile');
  const eol = chance(0.2) ? '\r\n' : '\n';
  return lines.join(eol) + (chance(0.7) ? eol : '');
}
