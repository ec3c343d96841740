// Python dict and sort semantics for mapping keys: 1, 1.0 and true are the same key; json.dumps with
// sort_keys sorts the original keys (numbers numerically, strings by code point) and fails on mixed
// types; then it converts them to strings.
import type { JScalar } from './jsonValue';
import { pythonFloatRepr } from './pyFloat';

/** A key as Python holds it: a scalar, or something only hashable (a date) that json.dumps rejects as a key. */
export type PyKey = { scalar: JScalar } | { opaque: string };

/** Equal identities ⇔ equal Python keys (so the later value replaces the earlier one, the first key object stays). */
export function keyIdentity(key: PyKey): string {
  if ('opaque' in key) return `o:${key.opaque}`;
  const v = key.scalar;
  if (v === null) return 'null';
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return v ? 'n:1' : 'n:0';
  if (typeof v === 'bigint') return `n:${v}`;
  if (Number.isNaN(v)) return `nan:${Math.random()}`; // float('nan') != itself: never merges
  if (!Number.isFinite(v)) return v > 0 ? 'n:inf' : 'n:-inf';
  if (Number.isInteger(v)) return `n:${BigInt(v)}`;
  return `n:${pythonFloatRepr(v)}`;
}

type KeyClass = 'number' | 'string' | 'none' | 'opaque';

export function keyClass(key: PyKey): KeyClass {
  if ('opaque' in key) return 'opaque';
  const v = key.scalar;
  if (v === null) return 'none';
  return typeof v === 'string' ? 'string' : 'number';
}

/** Exact comparison of Python numbers (bool, int, float), as Python compares int with float. */
export function compareNumbers(a: boolean | bigint | number, b: boolean | bigint | number): number {
  const x = typeof a === 'boolean' ? BigInt(a) : a;
  const y = typeof b === 'boolean' ? BigInt(b) : b;
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  const [f, i, flip] = typeof x === 'number' ? [x, y as bigint, 1] : [y as number, x as bigint, -1];
  if (Number.isNaN(f)) return 0;
  if (!Number.isFinite(f)) return (f > 0 ? 1 : -1) * flip;
  const floor = BigInt(Math.floor(f));
  const cmp = floor > i ? 1 : floor < i ? -1 : f === Math.floor(f) ? 0 : 1;
  return cmp * flip;
}

/** Python's str ordering: by code point, which differs from JS (UTF-16) order for astral characters. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Where a unit of a surrogate pair (an astral code point) meets any other unit, the pair is larger
    // in code point order whatever the unit values say; lone surrogates compare by value, as in Python.
    const xp = pairedAt(a, i);
    const yp = pairedAt(b, i);
    if (xp !== yp) return xp ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function pairedAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  return false;
}

/** json.dumps's key conversion: str as is, float by repr, true/false/null, int in decimal. */
export function keyToJsonString(v: JScalar): string {
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  return pythonFloatRepr(v);
}
