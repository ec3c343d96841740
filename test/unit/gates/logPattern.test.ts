// The log check (src/core/gates/checks/logPattern.ts): when a line happened (offsets, run ids, unix
// times), what a file that cannot be read gives, and how much of the matching text the evidence keeps.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { lineTime, measureLogPattern } from '../../../src/core/gates/checks/logPattern';
import type { CheckDefinition } from '../../../src/core/gates/schema';

type LogCheck = Extract<CheckDefinition, { type: 'log_pattern' }>;
const AT = new Date('2026-11-26T12:00:00Z');
const ctx: CheckContext = { promSource: '', at: AT, windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: '/', signal: new AbortController().signal, files: { roots: ['/'], allowOutside: true }, secrets: [] };
const check = (pattern: string, regex = false) => ({ name: 'n', comparator: '==', threshold: 0, severity: 'fail', on_missing: 'fail', on_error: 'fail', id: 'h', type: 'log_pattern', files: ['x'], pattern, regex }) as LogCheck;

describe('gates: log line times', () => {
  it('an ISO time with a +hhmm / -hhmm offset (with or without a colon) is that local time, not UTC', () => {
    assert.equal(lineTime('2026-11-26T11:30:00+0100 HIT'), Date.UTC(2026, 10, 26, 10, 30, 0));
    assert.equal(lineTime('2026-11-26 11:30:00-0530 HIT'), Date.UTC(2026, 10, 26, 17, 0, 0));
    assert.equal(lineTime('2026-11-26T11:30:00.250+01:00 HIT'), Date.UTC(2026, 10, 26, 10, 30, 0, 250));
    assert.equal(lineTime('2026-11-26T11:30:00Z HIT'), Date.UTC(2026, 10, 26, 11, 30, 0));
  });

  it('an ISO time without an offset is UTC whatever the machine\'s time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      assert.equal(lineTime('2026-11-26T11:30:00 HIT'), Date.UTC(2026, 10, 26, 11, 30, 0));
      assert.equal(lineTime('2026-11-26T11:30:00+0100 HIT'), Date.UTC(2026, 10, 26, 10, 30, 0));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('a run id dates the line to the second (UTC); an impossible ISO time falls back to it', () => {
    assert.equal(lineTime('started run_20261126T113457 HIT'), Date.UTC(2026, 10, 26, 11, 34, 57));
    assert.equal(lineTime('2026-11-26T25:61:00Z run_20261126T113457 HIT'), Date.UTC(2026, 10, 26, 11, 34, 57));
    assert.equal(lineTime('{"ts": 1795689000.5, "msg": "HIT"}'), 1795689000500);
    assert.equal(lineTime('HIT with no time'), undefined);
  });
});

describe('gates: log check reading', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-logpat-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 26, h, m)).toISOString();

  it('no file matching the pattern is NO_DATA naming the pattern', async () => {
    const pattern = path.join(dir, '*.log');
    const m = await measureLogPattern(check('HIT'), [pattern], ctx);
    assert.deepEqual([m.kind, m.kind === 'no_data' && m.reason], ['no_data', `no log file matches ${pattern}`]);
  });

  it('a log that cannot be read (a symlink whose target is gone) is an ERROR naming the file and the error code', async () => {
    fs.writeFileSync(path.join(dir, 'a.log'), `${at(11, 30)} HIT\n`);
    const gone = path.join(dir, 'b.log');
    fs.symlinkSync(path.join(dir, 'rotated-away.log'), gone);
    const m = await measureLogPattern(check('HIT'), [path.join(dir, '*.log')], ctx);
    assert.equal(m.kind, 'error');
    if (m.kind !== 'error') return;
    assert.equal(m.reason, `cannot read ${gone}: ENOENT`);
    assert.equal(m.evidence.error, m.reason);
    assert.equal(m.evidence.kind, 'file');
  });

  it('a symlink loop among the logs is an ERROR naming the file, not a crash of the evaluation', async () => {
    const loop = path.join(dir, 'a.log');
    fs.symlinkSync(loop, loop);
    const m = await measureLogPattern(check('HIT'), [path.join(dir, '*.log')], ctx);
    assert.deepEqual([m.kind, m.kind === 'error' && m.reason], ['error', `check 'h': ${loop} cannot be resolved to a real path (ELOOP); refused`]);
  });

  it('a file that cannot be read for lack of permission says EACCES', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file
    const file = path.join(dir, 'a.log');
    fs.writeFileSync(file, `${at(11, 30)} HIT\n`);
    fs.chmodSync(file, 0o000);
    const m = await measureLogPattern(check('HIT'), [file], ctx);
    assert.deepEqual([m.kind, m.kind === 'error' && m.reason], ['error', `cannot read ${file}: EACCES`]);
  });

  it('counts every matching line but quotes at most 20 of them, in file order, each with its file and line number', async () => {
    const file = path.join(dir, 'a.log');
    const lines = Array.from({ length: 25 }, (_, i) => `${at(11, 10 + i)} HIT ${i}`);
    fs.writeFileSync(file, ['noise', ...lines].join('\n'));
    const m = await measureLogPattern(check('HIT'), [file], ctx);
    assert.equal(m.kind, 'values');
    if (m.kind !== 'values') return;
    assert.equal(m.items[0].value, 25);
    assert.equal(m.items[0].raw, '25');
    assert.equal(m.raw?.length, 20);
    assert.deepEqual(m.raw?.[0], { labels: { file, line: '2' }, value: lines[0] });
    assert.deepEqual(m.raw?.[19], { labels: { file, line: '21' }, value: lines[19] });
    assert.equal(m.seriesCount, 1);
  });

  it('quotes a matching line of up to 300 characters whole, a longer one cut at 300 with …', async () => {
    const file = path.join(dir, 'a.log');
    const head = `${at(11, 30)} HIT `;
    const exact = head + 'x'.repeat(300 - head.length);
    const long = head + 'y'.repeat(400);
    fs.writeFileSync(file, `${exact}\r\n${long}\n`);
    const m = await measureLogPattern(check('HIT'), [file], ctx);
    assert.equal(m.kind, 'values');
    if (m.kind !== 'values') return;
    assert.equal(m.raw?.[0].value, exact);
    assert.equal(m.raw?.[1].value, `${long.slice(0, 300)}…`);
    assert.equal(m.raw?.[1].value.length, 301);
  });

  it('the note counts the files, the lines in and outside the window and the undated ones', async () => {
    const a = path.join(dir, 'a.log');
    const b = path.join(dir, 'b.log');
    fs.writeFileSync(a, `${at(11, 30)} HIT\n${at(10, 30)} HIT\n${at(11, 45)} other\n`);
    fs.writeFileSync(b, 'HIT undated\n');
    const mtime = new Date(Date.UTC(2026, 10, 26, 11, 50));
    fs.utimesSync(b, mtime, mtime);
    const m = await measureLogPattern(check('HIT'), [path.join(dir, '*.log')], ctx);
    assert.equal(m.kind, 'values');
    if (m.kind !== 'values') return;
    assert.equal(m.items[0].value, 2);
    assert.equal(m.evidence.note, `2 file(s) read: ${a}, ${b}; 2 matching line(s) in the window, 1 outside it, 1 without a timestamp (dated by file modification time)`);
    assert.equal(m.evidence.source, path.join(dir, '*.log'));
    assert.equal(m.evidence.path, 'HIT');
    const dated = await measureLogPattern(check('HIT'), [a], ctx);
    assert.equal(dated.kind === 'values' && dated.evidence.note, `1 file(s) read: ${a}; 1 matching line(s) in the window, 1 outside it`);
  });

  it('a symlink to a folder is an ERROR: only regular files are read', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    const link = path.join(dir, 'a.log');
    fs.symlinkSync(path.join(dir, 'sub'), link);
    const m = await measureLogPattern(check('HIT'), [path.join(dir, '*.log')], ctx);
    assert.deepEqual([m.kind, m.kind === 'error' && m.reason], ['error', `check 'h': ${link} is not a regular file`]);
  });

  it('several patterns are named together in the evidence and the NO_DATA reason', async () => {
    const p1 = path.join(dir, '*.log');
    const p2 = path.join(dir, '*.txt');
    const none = await measureLogPattern(check('HIT'), [p1, p2], ctx);
    assert.equal(none.kind === 'no_data' && none.reason, `no log file matches ${p1}, ${p2}`);
    fs.writeFileSync(path.join(dir, 'a.txt'), `${at(11, 30)} HIT\n`);
    const some = await measureLogPattern(check('HIT'), [p1, p2], ctx);
    assert.equal(some.evidence.source, `${p1}, ${p2}`);
  });

  it('line numbers: an unterminated last line is counted, a final newline adds no empty line, a 1 MiB line is one line', async () => {
    const file = path.join(dir, 'a.log');
    fs.writeFileSync(file, `x\n${at(11, 30)} HIT`);
    const last = await measureLogPattern(check('HIT'), [file], ctx);
    assert.equal(last.kind === 'values' && last.raw?.[0].labels?.line, '2');
    fs.writeFileSync(file, `${at(11, 30)} HIT\n`);
    fs.utimesSync(file, new Date(Date.UTC(2026, 10, 26, 11, 40)), new Date(Date.UTC(2026, 10, 26, 11, 40)));
    const empty = await measureLogPattern(check('^$', true), [file], ctx);
    assert.equal(empty.kind === 'values' && empty.items[0].value, 0);
    // Exactly 1 MiB (the longest line judged whole), then a matching line: it is line 2.
    fs.writeFileSync(file, `${'a'.repeat(1 << 20)}\n${at(11, 30)} HIT\n`);
    const mib = await measureLogPattern(check('HIT'), [file], ctx);
    assert.equal(mib.kind === 'values' && mib.raw?.[0].labels?.line, '2');
  });

  it('a longer line is judged in 1 MiB pieces, each counted as a line', async () => {
    const file = path.join(dir, 'a.log');
    // 1 MiB + 70000 characters, then two matching lines: the first piece holds no HIT, the rest does.
    fs.writeFileSync(file, `${'a'.repeat((1 << 20) + 70000)} HIT\n${at(11, 30)} HIT\n`);
    fs.utimesSync(file, new Date(Date.UTC(2026, 10, 26, 11, 40)), new Date(Date.UTC(2026, 10, 26, 11, 40)));
    const m = await measureLogPattern(check('HIT'), [file], ctx);
    assert.equal(m.kind, 'values');
    assert.deepEqual(m.kind === 'values' && m.raw?.map((r) => r.labels?.line), ['2', '3']);
    // HIT just past 1 MiB, ending in the same read (the line arrives whole) or much later (it arrives
    // in pieces): either way only the second piece holds it.
    for (const tail of ['', 'b'.repeat(70000)]) {
      fs.writeFileSync(file, `${'a'.repeat((1 << 20) + 10)} HIT${tail}\n`);
      fs.utimesSync(file, new Date(Date.UTC(2026, 10, 26, 11, 40)), new Date(Date.UTC(2026, 10, 26, 11, 40)));
      const edge = await measureLogPattern(check('HIT'), [file], ctx);
      assert.deepEqual(edge.kind === 'values' && edge.raw?.map((r) => r.labels?.line), ['2'], `tail of ${tail.length}`);
    }
  });

  it('a character split across two read chunks is read whole', async () => {
    const file = path.join(dir, 'a.log');
    // The file is read 64 KiB at a time: the two bytes of é straddle the first boundary.
    fs.writeFileSync(file, `${'x'.repeat((1 << 16) - 1)}é HIT\n`);
    fs.utimesSync(file, new Date(Date.UTC(2026, 10, 26, 11, 40)), new Date(Date.UTC(2026, 10, 26, 11, 40)));
    const m = await measureLogPattern(check('é HIT'), [file], ctx);
    assert.equal(m.kind === 'values' && m.items[0].value, 1);
  });

  it('a literal pattern matches as text; a regex pattern as a regular expression', async () => {
    const file = path.join(dir, 'a.log');
    fs.writeFileSync(file, `${at(11, 30)} ERR 42\n${at(11, 31)} ERR.x\n`);
    const count = async (c: LogCheck) => {
      const m = await measureLogPattern(c, [file], ctx);
      return m.kind === 'values' ? m.items[0].value : NaN;
    };
    assert.equal(await count(check('ERR.x')), 1);
    assert.equal(await count(check('ERR.x', true)), 1);
    assert.equal(await count(check('ERR \\d+', true)), 1);
    assert.equal(await count(check('ERR \\d+')), 0);
  });
});
