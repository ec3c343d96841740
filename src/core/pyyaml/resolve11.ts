// PyYAML's YAML 1.1 implicit resolvers and SafeConstructor scalar rules, copied regex by regex:
// the `yaml` package's own 1.1 schema differs (it reads `y`/`n` as booleans, `0o17` as octal, …),
// and a lock hash is only compatible if every plain scalar resolves exactly as in Python.
import type { JScalar } from './jsonValue';

export type ImplicitTag = 'bool' | 'float' | 'int' | 'merge' | 'null' | 'timestamp' | 'value' | 'str';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const MERGE = /^(?:<<)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
export const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const VALUE = /^(?:=)$/;

// PyYAML picks candidate resolvers by the first character, in registration order.
const BY_FIRST: Record<string, [ImplicitTag, RegExp][]> = {};
function register(tag: ImplicitTag, re: RegExp, first: string[]): void {
  for (const ch of first) (BY_FIRST[ch] ??= []).push([tag, re]);
}
register('bool', BOOL, [...'yYnNtTfFoO']);
register('float', FLOAT, [...'-+0123456789.']);
register('int', INT, [...'-+0123456789']);
register('merge', MERGE, ['<']);
register('null', NULL, ['~', 'n', 'N', '']);
register('timestamp', TIMESTAMP, [...'0123456789']);
register('value', VALUE, ['=']);

/** The tag PyYAML's resolver gives a plain (unquoted, untagged) scalar. */
export function resolvePlain(text: string): ImplicitTag {
  const candidates = BY_FIRST[text === '' ? '' : text[0]];
  if (candidates) for (const [tag, re] of candidates) if (re.test(text)) return tag;
  return 'str';
}

/** Thrown for text a constructor cannot turn into its type (Python raises ValueError/ConstructorError). */
export class ConstructError extends Error {}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

export function constructBool(text: string): boolean {
  const v = BOOL_VALUES[text.toLowerCase()];
  if (v === undefined) throw new ConstructError(`'${text}' is not a boolean`);
  return v;
}

function bigintOf(raw: string, radix: 2 | 8 | 10 | 16): bigint {
  // Like Python's int(text, base): surrounding whitespace and the base's own prefix (0b/0o/0x) are accepted.
  const prefix = { 2: /^0b/i, 8: /^0o/i, 10: /^$/, 16: /^0x/i }[radix];
  const digits = raw.trim().replace(prefix, '');
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix];
  if (!valid.test(digits)) throw new ConstructError(`invalid literal for int() with base ${radix}: '${digits}'`);
  return BigInt(radix === 10 ? digits : `0${{ 2: 'b', 8: 'o', 16: 'x' }[radix]}${digits}`);
}

/** SafeConstructor.construct_yaml_int, to arbitrary precision. */
export function constructInt(text: string): bigint {
  let value = text.replace(/_/g, '');
  if (value === '') throw new ConstructError(`invalid literal for int(): '${text}'`);
  const sign = value[0] === '-' ? -1n : 1n;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '0') return 0n;
  if (value.startsWith('0b')) return sign * bigintOf(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * bigintOf(value.slice(2), 16);
  if (value[0] === '0') return sign * bigintOf(value, 8);
  if (value.includes(':')) {
    let total = 0n;
    let base = 1n;
    for (const part of value.split(':').reverse()) {
      total += bigintOf(part, 10) * base;
      base *= 60n;
    }
    return sign * total;
  }
  return sign * bigintOf(value, 10);
}

// What Python's float() accepts once underscores are gone and the text is lower-cased.
const PY_FLOAT = /^\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf|infinity|nan)\s*$/;

function pyFloat(text: string): number {
  if (!PY_FLOAT.test(text)) throw new ConstructError(`could not convert string to float: '${text}'`);
  const t = text.trim().replace(/^\+/, '');
  if (/^-?inf(inity)?$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^-?nan$/.test(t)) return NaN;
  return Number(t);
}

/** SafeConstructor.construct_yaml_float, including its float arithmetic for sexagesimal values. */
export function constructFloat(text: string): number {
  let value = text.replace(/_/g, '').toLowerCase();
  if (value === '') throw new ConstructError(`could not convert string to float: '${text}'`);
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) {
    let total = 0.0;
    let base = 1;
    for (const part of value.split(':').reverse()) {
      total += pyFloat(part) * base;
      base *= 60;
    }
    return sign * total;
  }
  return sign * pyFloat(value);
}

const TIMESTAMP_PARTS = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]*)?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;

/** Checks a timestamp the way Python's date/datetime constructors would; returns a description for messages. */
export function checkTimestamp(text: string): string {
  const m = TIMESTAMP_PARTS.exec(text);
  if (!m) throw new ConstructError(`'${text}' is not a timestamp`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days) throw new ConstructError(`'${text}' is not a valid date`);
  if (m[4] === undefined) return 'date';
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) throw new ConstructError(`'${text}' is not a valid time`);
  if (m[9] !== undefined && Number(m[9]) * 60 + Number(m[10] ?? 0) >= 24 * 60) throw new ConstructError(`'${text}' has an invalid UTC offset`);
  return 'datetime';
}

/** Fails where Python's base64.decodebytes would (non-ASCII text, wrong padding); the bytes themselves are never needed. */
export function checkBase64(text: string): void {
  if (/[^\p{ASCII}]/u.test(text)) throw new ConstructError('failed to convert base64 data into ascii');
  if (text.replace(/[^A-Za-z0-9+/=]/g, '').length % 4 !== 0) throw new ConstructError('failed to decode base64 data: Incorrect padding');
}

/** A plain scalar's Python value, or undefined for tags that are not plain data (merge, value, timestamp). */
export function constructImplicit(tag: ImplicitTag, text: string): JScalar | undefined {
  switch (tag) {
    case 'bool':
      return constructBool(text);
    case 'int':
      return constructInt(text);
    case 'float':
      return constructFloat(text);
    case 'null':
      return null;
    case 'str':
      return text;
    default:
      return undefined;
  }
}
