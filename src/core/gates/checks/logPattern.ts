import { createReadStream, promises as fs } from 'node:fs';
import { RE2JS } from 're2js';
import type { CheckDefinition } from '../schema';
import type { CheckContext, Measured } from './context';
import { outsideScope } from './confine';
import { expandFiles } from './files';

type LogCheck = Extract<CheckDefinition, { type: 'log_pattern' }>;

const ISO = /(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?/;
const RUN_ID = /\brun_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/;
const UNIX_TS = /"(?:ts|time|timestamp)"\s*:\s*(\d{9,10}(?:\.\d+)?)/;

/**
 * When a log line happened: an ISO 8601 time (UTC if it has no offset), the runtime's
 * `run_YYYYMMDDTHHMMSS` id (UTC), or a JSON `"ts": <unix seconds>`; undefined if none.
 */
export function lineTime(line: string): number | undefined {
  const iso = ISO.exec(line);
  if (iso) {
    // Date.parse reads an offset with or without its colon (+01:00, +0100) alike.
    const t = Date.parse(`${iso[1]}T${iso[2]}${iso[3] ?? 'Z'}`);
    if (!Number.isNaN(t)) return t;
  }
  const run = RUN_ID.exec(line);
  if (run) return Date.UTC(+run[1], +run[2] - 1, +run[3], +run[4], +run[5], +run[6]);
  const unix = UNIX_TS.exec(line);
  if (unix) return Number(unix[1]) * 1000;
  return undefined;
}

const MAX_RAW = 20;
/** Characters of a matching line quoted in the evidence. */
const QUOTE_CHARS = 300;
/** A "line" longer than this is judged in pieces, so one huge line cannot hold the whole file in memory. */
const MAX_LINE = 1 << 20;

export type LineMatcher = (line: string) => boolean;

/**
 * Literal text, or a regular expression run by RE2 (re2js): linear in the line's length whatever the
 * pattern, so `^(a+)+$` from someone else's gates file cannot freeze an evaluation.
 */
export function lineMatcher(pattern: string, regex: boolean): LineMatcher {
  if (!regex) return (l) => l.includes(pattern);
  const re = RE2JS.compile(pattern);
  return (l) => re.matcher(l).find();
}

/** Calls `onLine` for every line of a regular file, reading in chunks and stopping when `signal` aborts. */
async function eachLine(file: string, signal: AbortSignal, onLine: (line: string, n: number) => void): Promise<number> {
  let carry = '';
  let n = 0;
  // A line longer than MAX_LINE is judged in MAX_LINE pieces, each counted as a line, however it arrived.
  const pieces = (line: string) => {
    let i = 0;
    do onLine(line.slice(i, i + MAX_LINE), ++n);
    while ((i += MAX_LINE) < line.length);
  };
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16, signal });
  for await (const chunk of stream as AsyncIterable<string>) {
    signal.throwIfAborted();
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    for (const p of parts) pieces(p.endsWith('\r') ? p.slice(0, -1) : p);
    // An unfinished line is not kept whole past MAX_LINE: memory stays bounded by it.
    while (carry.length > MAX_LINE) {
      onLine(carry.slice(0, MAX_LINE), ++n);
      carry = carry.slice(MAX_LINE);
    }
  }
  if (carry) onLine(carry, ++n);
  return n;
}

/**
 * Counts matching lines dated inside (at − window, at]. A matching line without a time of its own
 * is dated by its file's modification time, so an undated hard failure is not ignored. Every file
 * must be a regular file inside the file scope; the scan stops when the evaluation is cancelled.
 */
export async function measureLogPattern(check: LogCheck, patterns: string[], ctx: CheckContext): Promise<Measured> {
  const evidence = { kind: 'file' as const, source: patterns.join(', '), path: check.pattern, window: ctx.window };
  const files = await expandFiles(patterns);
  if (!files.length) return { kind: 'no_data', reason: `no log file matches ${patterns.join(', ')}`, evidence, seriesCount: 0 };
  const error = (message: string): Measured => ({ kind: 'error', reason: message, evidence: { ...evidence, error: message } });
  for (const file of files) {
    const refused = await outsideScope(file, ctx.files);
    if (refused) return error(`check '${check.id}': ${refused}`);
  }
  const from = ctx.at.getTime() - ctx.windowSeconds * 1000;
  const to = ctx.at.getTime();
  const match = lineMatcher(check.pattern, check.regex);
  const raw: { labels: Record<string, string>; value: string }[] = [];
  let count = 0;
  let outside = 0;
  let undated = 0;
  for (const file of files) {
    let mtime: number;
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) return error(`check '${check.id}': ${file} is not a regular file`);
      mtime = st.mtimeMs;
      await eachLine(file, ctx.signal, (line, i) => {
        if (!match(line)) return;
        let t = lineTime(line);
        if (t === undefined) {
          undated++;
          t = mtime;
        }
        if (t <= from || t > to) {
          outside++;
          return;
        }
        count++;
        if (raw.length < MAX_RAW) raw.push({ labels: { file, line: String(i) }, value: line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS)}…` : line });
      });
    } catch (err) {
      ctx.signal.throwIfAborted();
      return error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const note = `${files.length} file(s) read: ${files.join(', ')}; ${count} matching line(s) in the window, ${outside} outside it${undated ? `, ${undated} without a timestamp (dated by file modification time)` : ''}`;
  return { kind: 'values', items: [{ value: count, raw: String(count) }], evidence: { ...evidence, note }, raw, seriesCount: files.length };
}
