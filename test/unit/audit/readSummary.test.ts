import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { readSummary } from '../../../src/core/audit/readSummary';
import { summariesDir, summary } from './fixtures';

describe('audit: reading a replay summary', () => {
  let dir: string;
  before(() => {
    dir = summariesDir({
      'ok.json': summary(0.51, 0.5, 0.49, { '0.5': 0.49, '1.0': 0.5 }),
      'python-nan.json': '{"note": "NaN in a string stays", "tvf2": {"dcts": NaN, "dcts_robust": {"value": 0.5}, "dcts_min": {"value": -Infinity}}}',
      'bools.json': summary(true, 0.5, false, { '1.0': '0.5' }),
      'broken.json': '{\n  "tvf2": {\n    "dcts": 0.5,\n  }\n}',
      'no-tvf2.json': { replay: {} },
      'empty-tvf2.json': { tvf2: { dcts: null, dcts_robust: {} } },
      'array.json': '[1, 2]',
      'robust-number.json': { tvf2: { dcts: 0.5, dcts_robust: 0.4 } },
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes base, robust.value, min.value and the grids from tvf2', () => {
    const r = readSummary('ok.json', dir);
    assert.ok('record' in r);
    assert.deepEqual([r.record.base, r.record.robust, r.record.min, r.record.grids], [0.51, 0.5, 0.49, { '0.5': 0.49, '1.0': 0.5 }]);
    assert.deepEqual(r.ignored, []);
  });

  it('reads Python NaN/Infinity tokens (outside strings) and reports them as not counted', () => {
    const r = readSummary('python-nan.json', dir);
    assert.ok('record' in r);
    assert.ok(Number.isNaN(r.record.base));
    assert.equal(r.record.min, -Infinity);
    assert.deepEqual(r.ignored.map((i) => `${i.field}: ${i.reason}`), ['tvf2.dcts: NaN is not a finite number', 'tvf2.dcts_min.value: -Infinity is not a finite number']);
  });

  it('does not count booleans or strings as numbers, and says so', () => {
    const r = readSummary('bools.json', dir);
    assert.ok('record' in r);
    assert.deepEqual(r.ignored.map((i) => i.field), ['tvf2.dcts', 'tvf2.dcts_min.value', 'tvf2.dcts_grids.1.0']);
    assert.match(r.ignored[0].reason, /boolean true is not a number/);
  });

  it('skips with a reason: bad JSON (with line and column), no tvf2, no values, not an object, missing file', () => {
    const reason = (f: string) => {
      const r = readSummary(f, dir);
      return 'skipped' in r ? r.skipped : 'record';
    };
    assert.match(reason('broken.json'), /^not JSON: .* at line 4, column 3$/);
    assert.equal(reason('no-tvf2.json'), 'no "tvf2" object');
    assert.equal(reason('empty-tvf2.json'), 'tvf2 has neither "dcts" nor "dcts_robust.value"');
    assert.equal(reason('array.json'), 'not a JSON object');
    assert.equal(reason('missing.json'), 'no such file');
    assert.equal(reason('.'), 'is a directory');
  });

  it('reads dcts_robust only as an object with value, as the original does', () => {
    const r = readSummary('robust-number.json', dir);
    assert.ok('record' in r);
    assert.equal(r.record.robust, null);
  });
});
