import { promises as fs } from 'node:fs';
import type { CheckDefinition } from '../schema';
import type { CheckContext, Measured } from './context';
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
    const zone = iso[3] ? iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
    const t = Date.parse(`${iso[1]}T${iso[2]}${zone}`);
    if (!Number.isNaN(t)) return t;
  }
  const run = RUN_ID.exec(line);
  if (run) return Date.UTC(+run[1], +run[2] - 1, +run[3], +run[4], +run[5], +run[6]);
  const unix = UNIX_TS.exec(line);
  if (unix) return Number(unix[1]) * 1000;
  return undefined;
}

const MAX_RAW = 20;

/**
 * Counts matching lines dated inside (at − window, at]. A matching line without a time of its own
 * is dated by its file's modification time, so an undated hard failure is not ignored.
 */
export async function measureLogPattern(check: LogCheck, patterns: string[], ctx: CheckContext): Promise<Measured> {
  const evidence = { kind: 'file' as const, source: patterns.join(', '), path: check.pattern, window: ctx.window };
  const files = await expandFiles(patterns);
  if (!files.length) return { kind: 'no_data', reason: `no log file matches ${patterns.join(', ')}`, evidence, seriesCount: 0 };
  const from = ctx.at.getTime() - ctx.windowSeconds * 1000;
  const to = ctx.at.getTime();
  const match = check.regex ? ((re: RegExp) => (l: string) => re.test(l))(new RegExp(check.pattern)) : (l: string) => l.includes(check.pattern);
  const raw: { labels: Record<string, string>; value: string }[] = [];
  let count = 0;
  let outside = 0;
  let undated = 0;
  for (const file of files) {
    let text: string;
    let mtime: number;
    try {
      [text, mtime] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file).then((s) => s.mtimeMs)]);
    } catch (err) {
      const message = `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      return { kind: 'error', reason: message, evidence: { ...evidence, error: message } };
    }
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
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
      if (raw.length < MAX_RAW) raw.push({ labels: { file, line: String(i + 1) }, value: line.slice(0, 300) });
    });
  }
  const note = `${files.length} file(s) read: ${files.join(', ')}; ${count} matching line(s) in the window, ${outside} outside it${undated ? `, ${undated} without a timestamp (dated by file modification time)` : ''}`;
  return { kind: 'values', items: [{ value: count, raw: String(count) }], evidence: { ...evidence, note }, raw, seriesCount: files.length };
}
