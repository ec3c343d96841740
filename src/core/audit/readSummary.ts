import fs from 'node:fs';
import path from 'node:path';
import { parseLenientJson } from '../util/lenientJson';
import type { IgnoredValue } from './types';

/** What the audit takes from one replay summary (`tvf2` only). Values are raw: not yet filtered. */
export interface DctsRecord {
  file: string;
  base: unknown;
  robust: unknown;
  min: unknown;
  grids: Record<string, unknown>;
}

export type SummaryResult = { record: DctsRecord; ignored: IgnoredValue[] } | { skipped: string };

// Python's json module (which wrote these summaries) emits NaN / Infinity / -Infinity as bare
// tokens. They are not JSON, but the original read them and then left them out of the statistics;
// doing the same (and saying so) beats rejecting the whole file.

/** `Unexpected token … at position 42` → `line 3, column 7`. */
function jsonErrorWhere(message: string, text: string): string {
  const pos = /position (\d+)/.exec(message);
  if (!pos) return message;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = Number(pos[1]) - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')} at line ${line}, column ${column}`;
}

// Summaries are read into one reused buffer: readFileSync also calls fstat and allocates a buffer
// for every file, which is ~15 % of reading 10,000 small files.
const shared = Buffer.allocUnsafe(64 * 1024);

/** The whole file as UTF-8 (a BOM kept, as readFileSync keeps it). A larger file grows a buffer of its own. */
function readUtf8(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = shared;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.toString('utf8', 0, length);
      length += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a value will not be counted, or undefined when it is a finite number (booleans are NOT numbers). */
export function notCountedReason(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${v} is not a finite number`;
  if (typeof v === 'boolean') return `boolean ${v} is not a number`;
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)} is not a number`;
  return `${Array.isArray(v) ? 'array' : typeof v} is not a number`;
}

/** `holder.value` of tvf2's `key`, when tvf2 holds an object there. */
function valueIn(tvf2: Record<string, unknown>, key: string): unknown {
  const holder = tvf2[key];
  return isObject(holder) ? holder.value : undefined;
}

const FIELDS = [
  ['tvf2.dcts', 'base'],
  ['tvf2.dcts_robust.value', 'robust'],
  ['tvf2.dcts_min.value', 'min'],
] as const;

/**
 * The values of a record that will not be counted (absent ones aside), and why. Plain loops, and a
 * field's name made only for a value that is not counted: most files have none, and this runs once
 * per file, mostly before the JIT has compiled it (closures and names per file: ~8 ms in 10,000).
 */
function ignoredIn(record: DctsRecord): IgnoredValue[] {
  const ignored: IgnoredValue[] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const reason = uncountedReason(record[FIELDS[i][1]]);
    if (reason) ignored.push({ file: record.file, field: FIELDS[i][0], reason });
  }
  for (const grid in record.grids) {
    const reason = uncountedReason(record.grids[grid]);
    if (reason) ignored.push({ file: record.file, field: `tvf2.dcts_grids.${grid}`, reason });
  }
  return ignored;
}

/** notCountedReason, except for an absent value (null), which is not worth a remark. */
function uncountedReason(v: unknown): string | undefined {
  return v === null ? undefined : notCountedReason(v);
}

/**
 * Reads one summary; a file that yields no record says why instead (the original skipped silently).
 * Synchronous: see runDctsAudit for why and how often the event loop gets its turn. `cwd` undefined:
 * `file` is read as given, relative to the process's folder (the kernel then walks one name, not the
 * whole absolute path: ~1 µs a file).
 */
export function readSummary(file: string, cwd: string | undefined): SummaryResult {
  let text: string;
  try {
    text = readUtf8(cwd === undefined ? file : path.resolve(cwd, file));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };
    return { skipped: why[e.code ?? ''] ?? `cannot read: ${e.message}` };
  }
  let doc: unknown;
  try {
    doc = parseLenientJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { skipped: `not JSON: ${jsonErrorWhere((err as Error).message, text)}` };
  }
  if (!isObject(doc)) return { skipped: 'not a JSON object' };
  const tvf2 = doc.tvf2;
  if (!isObject(tvf2)) return { skipped: tvf2 === undefined ? 'no "tvf2" object' : '"tvf2" is not an object' };
  const base = tvf2.dcts ?? null;
  const robust = valueIn(tvf2, 'dcts_robust') ?? null;
  if (base === null && robust === null) return { skipped: 'tvf2 has neither "dcts" nor "dcts_robust.value"' };
  const record: DctsRecord = { file, base, robust, min: valueIn(tvf2, 'dcts_min') ?? null, grids: isObject(tvf2.dcts_grids) ? tvf2.dcts_grids : {} };
  const ignored = ignoredIn(record);
  return { record, ignored };
}
