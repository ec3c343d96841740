// measureJsonValue (src/core/gates/checks/jsonValue.ts): a number at a dotted path of a JSON
// artifact. Null or absent is NO_DATA (never a default), anything else that is not a number is ERROR;
// files that cannot be read are ERROR, a missing file NO_DATA. Real files in a temporary workspace;
// every test pins the whole Measured result (kind, items, reason, evidence, raw).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { measureJsonValue } from '../../../src/core/gates/checks/jsonValue';
import { jsonValueCheck } from '../../../src/core/gates/schema';

const check = (p: string) => jsonValueCheck.parse({ id: 'metric', name: 'Metric', type: 'json_value', file: 'eval.json', path: p, comparator: '<=', threshold: 1 });

describe('gates: json_value checks read one number from a JSON file', () => {
  let dir: string;
  let file: string;
  let ctx: CheckContext;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-json-value-')));
    file = path.join(dir, 'eval.json');
    ctx = { promSource: '', at: new Date('2026-11-26T12:00:00Z'), windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: dir, files: { roots: [dir], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(10_000) };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (value: unknown) => fs.writeFileSync(file, JSON.stringify(value));
  const ev = (p: string) => ({ kind: 'file', source: file, path: p });

  it('a number at a nested path with an index is the single item, raw as String(value)', async () => {
    write({ counts: { robust: [3, 0.125] } });
    assert.deepEqual(await measureJsonValue(check('counts.robust[1]'), file, ctx), { kind: 'values', items: [{ value: 0.125, raw: '0.125' }], evidence: ev('counts.robust[1]') });
  });

  it('a missing file is NO_DATA "file not found", without an error in the evidence', async () => {
    assert.deepEqual(await measureJsonValue(check('var_ratio'), file, ctx), { kind: 'no_data', reason: 'file not found', evidence: ev('var_ratio') });
  });

  it('a file that is not JSON is ERROR naming the line, the reason also in the evidence', async () => {
    fs.writeFileSync(file, '{"var_ratio": 0,\n oops}');
    const reason = 'not valid JSON at line 2';
    assert.deepEqual(await measureJsonValue(check('var_ratio'), file, ctx), { kind: 'error', reason, evidence: { ...ev('var_ratio'), error: reason } });
  });

  it('a file outside the workspace is ERROR (refused, not missing), naming the check', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-json-outside-')));
    try {
      const other = path.join(outside, 'eval.json');
      fs.writeFileSync(other, '{"var_ratio": 0}');
      const reason = `check 'metric': ${other} is outside the workspace (${dir}); refused. To read it, the user must allow it: --allow-outside-files, or the user setting auroraGa.gates.allowFilesOutsideWorkspace`;
      assert.deepEqual(await measureJsonValue(check('var_ratio'), other, ctx), { kind: 'error', reason, evidence: { kind: 'file', source: other, path: 'var_ratio', error: reason } });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('no value at the path is NO_DATA naming the path', async () => {
    write({ counts: {} });
    assert.deepEqual(await measureJsonValue(check('counts.robust'), file, ctx), { kind: 'no_data', reason: "no value at 'counts.robust'", evidence: ev('counts.robust') });
  });

  it('null at the path is NO_DATA "is null", with raw showing null', async () => {
    write({ counts: { robust: null } });
    assert.deepEqual(await measureJsonValue(check('counts.robust'), file, ctx), { kind: 'no_data', reason: "'counts.robust' is null", evidence: ev('counts.robust'), raw: [{ value: 'null' }] });
  });

  it('a string is ERROR quoting it as JSON, cut to 80 characters, the reason also in the evidence', async () => {
    const long = `about ${'9'.repeat(100)}`;
    write({ var_ratio: long });
    const reason = `'var_ratio' is ${JSON.stringify(long).slice(0, 80)}, not a number`;
    assert.equal(reason, `'var_ratio' is "about ${'9'.repeat(73)}, not a number`);
    assert.deepEqual(await measureJsonValue(check('var_ratio'), file, ctx), { kind: 'error', reason, evidence: { ...ev('var_ratio'), error: reason } });
  });

  it('an object or a boolean is ERROR quoting it whole when short', async () => {
    write({ a: { n: 1 }, b: true });
    assert.deepEqual(await measureJsonValue(check('a'), file, ctx), { kind: 'error', reason: `'a' is {"n":1}, not a number`, evidence: { ...ev('a'), error: `'a' is {"n":1}, not a number` } });
    assert.deepEqual(await measureJsonValue(check('b'), file, ctx), { kind: 'error', reason: `'b' is true, not a number`, evidence: { ...ev('b'), error: `'b' is true, not a number` } });
  });
});
