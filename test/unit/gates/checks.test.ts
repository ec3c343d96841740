import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { expandFiles, valueAtPath } from '../../../src/core/gates/checks/files';
import { measureJsonValue } from '../../../src/core/gates/checks/jsonValue';
import { parseLenientJson } from '../../../src/core/util/lenientJson';
import { lineTime, measureLogPattern } from '../../../src/core/gates/checks/logPattern';
import type { CheckDefinition } from '../../../src/core/gates/schema';

const AT = new Date('2026-11-26T12:00:00Z');
const ctx = (windowHours = 48): CheckContext => ({ promSource: '', at: AT, windowSeconds: windowHours * 3600, window: `${windowHours}h`, stepSeconds: 60, vars: {}, cwd: '/', files: { roots: [fs.realpathSync(os.tmpdir())], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(5000) });
const base = { name: 'n', comparator: '==' as const, threshold: 0, severity: 'fail' as const, on_missing: 'fail' as const, on_error: 'fail' as const };

describe('gates: file checks', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-checks-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('dates log lines by ISO time (UTC without offset), the runtime\'s run id, or a JSON ts', () => {
    assert.equal(lineTime('2026-11-26T10:00:00Z [CI-GATING][HARD] x'), Date.parse('2026-11-26T10:00:00Z'));
    assert.equal(lineTime('2026-11-26 10:00:00,123 x'), Date.parse('2026-11-26T10:00:00Z'));
    assert.equal(lineTime('at 2026-11-26T12:00:00+02:00 y'), Date.parse('2026-11-26T10:00:00Z'));
    assert.equal(lineTime('[CI-GATING] metric=m state:a->b violation=True run=run_20261126T100000'), Date.parse('2026-11-26T10:00:00Z'));
    assert.equal(lineTime('{"ts": 1795687200, "msg": "x"}'), 1795687200 * 1000);
    assert.equal(lineTime('[CI-GATING][HARD] Hard gating failure detected -> exiting with code 3'), undefined);
  });

  it('counts matching lines inside (at − window, at] across files; an undated line takes its file\'s mtime', async () => {
    fs.writeFileSync(path.join(dir, 'a.log'), ['2026-11-26T11:00:00Z [CI-GATING][HARD] one', '2026-11-20T11:00:00Z [CI-GATING][HARD] too old', '2026-11-26T11:30:00Z [CI-GATING] soft'].join('\n'));
    fs.writeFileSync(path.join(dir, 'b.log'), '[CI-GATING][HARD] Hard gating failure detected -> exiting with code 3\n');
    fs.utimesSync(path.join(dir, 'b.log'), AT.getTime() / 1000 - 3600, AT.getTime() / 1000 - 3600);
    fs.writeFileSync(path.join(dir, 'c.txt'), '2026-11-26T11:00:00Z [CI-GATING][HARD] not a .log file\n');
    const check = { ...base, id: 'h', type: 'log_pattern', files: ['x'], pattern: '[CI-GATING][HARD]', regex: false } as Extract<CheckDefinition, { type: 'log_pattern' }>;
    const m = await measureLogPattern(check, [path.join(dir, '*.log')], ctx());
    assert.equal(m.kind, 'values');
    if (m.kind !== 'values') return;
    assert.equal(m.items[0].value, 2);
    assert.match(m.evidence.note!, /2 file\(s\) read.*2 matching line\(s\) in the window, 1 outside it, 1 without a timestamp/);
    assert.deepEqual(m.raw!.map((r) => r.labels!.line), ['1', '1']);
    const short = await measureLogPattern(check, [path.join(dir, '*.log')], { ...ctx(), windowSeconds: 1800 });
    assert.equal(short.kind === 'values' && short.items[0].value, 0);
  });

  it('no log file at all is NO_DATA, not zero', async () => {
    const check = { ...base, id: 'h', type: 'log_pattern', files: ['x'], pattern: 'X', regex: false } as Extract<CheckDefinition, { type: 'log_pattern' }>;
    const m = await measureLogPattern(check, [path.join(dir, 'logs/*.log')], ctx());
    assert.equal(m.kind, 'no_data');
  });

  it('JSON values by path: numbers pass through, null/absent are NO_DATA, strings are ERROR, bad JSON is ERROR', async () => {
    const file = path.join(dir, 'r.json');
    const check = (p: string) => ({ ...base, id: 'v', type: 'json_value', file: 'x', path: p }) as Extract<CheckDefinition, { type: 'json_value' }>;
    fs.writeFileSync(file, JSON.stringify({ var_ratio: 0.6, counts: { robust: 12 }, grids: [{ v: 1 }], nothing: null, s: 'x' }));
    const kinds = await Promise.all(['var_ratio', 'counts.robust', 'grids[0].v', 'nothing', 'absent.key', 's'].map(async (p) => {
      const m = await measureJsonValue(check(p), file, ctx());
      return m.kind === 'values' ? m.items[0].value : m.kind;
    }));
    assert.deepEqual(kinds, [0.6, 12, 1, 'no_data', 'no_data', 'error']);
    fs.writeFileSync(file, '{"var_ratio": ');
    assert.equal((await measureJsonValue(check('var_ratio'), file, ctx())).kind, 'error');
    assert.equal((await measureJsonValue(check('var_ratio'), path.join(dir, 'missing.json'), ctx())).kind, 'no_data');
  });

  it('reads Python\'s bare NaN/Infinity outside strings and leaves strings alone', () => {
    assert.deepEqual(parseLenientJson('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN \\" Infinity"}'), { a: NaN, b: [Infinity, -Infinity], c: 'NaN " Infinity' });
    assert.equal(valueAtPath({ a: [{ b: 2 }] }, 'a[0].b'), 2);
    assert.equal(valueAtPath({ a: 1 }, 'a.b'), undefined);
  });

  it('expands wildcards in file names only, sorted; missing folders give nothing', async () => {
    fs.writeFileSync(path.join(dir, 'b.log'), '');
    fs.writeFileSync(path.join(dir, 'a.log'), '');
    fs.writeFileSync(path.join(dir, 'a.txt'), '');
    assert.deepEqual(await expandFiles([path.join(dir, '*.log'), path.join(dir, 'a.txt')]), [path.join(dir, 'a.log'), path.join(dir, 'a.txt'), path.join(dir, 'b.log')]);
    assert.deepEqual(await expandFiles([path.join(dir, 'nope/*.log'), path.join(dir, 'none.log')]), []);
  });
});
