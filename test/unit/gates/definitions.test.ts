import assert from 'node:assert/strict';
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { DEFAULT_GATES_FILE } from '../../../src/core/gates/evaluate';
import { loadGates, parseGates } from '../../../src/core/gates/load';
import { publishedSchemas } from '../../../src/core/gates/publishedSchema';
import { durationSeconds, formatDuration, promqlRegexLiteral, resolveTemplate } from '../../../src/core/gates/template';
import { bundledConfig } from '../../../src/core/util/packageRoot';
import { InputError } from '../../../src/core/util/errors';

const GOOD = `schema_version: 1
variables:
  tolerance: "0.05"
gates:
  - key: coverage
    id: 3
    name: Coverage
    fail_action: NO-GO
    remediation: recalibrate
    checks:
      - id: share
        name: share
        type: promql_range
        query: x{profile=~"\${profile_re}"}
        reduce: share
        where: { comparator: "<=", value: "\${tolerance}" }
        comparator: ">="
        threshold: 0.95
`;

function fails(text: string, pattern: RegExp, line?: number): void {
  assert.throws(
    () => parseGates(text, 'gates.yaml'),
    (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.format(), pattern);
      assert.equal(err.location?.file, 'gates.yaml');
      if (line !== undefined) assert.equal(err.location?.line, line, err.format());
      return true;
    },
  );
}

describe('gates: definitions', () => {
  it('the bundled gates load: five gates, each with a remediation, in id order', async () => {
    const { definitions } = await loadGates(DEFAULT_GATES_FILE());
    assert.deepEqual(definitions.gates.map((g) => [g.id, g.key, g.fail_action]), [
      [1, 'stability', 'NO-GO'],
      [2, 'dcts', 'NO-GO'],
      [3, 'coverage', 'NO-GO'],
      [4, 'dro', 'CONDITIONAL'],
      [5, 'model_qa', 'NO-GO'],
    ]);
    for (const g of definitions.gates) assert.ok(g.remediation.length > 30, g.key);
    assert.match(definitions.gates[1].remediation, /variance.*retrain/s);
    assert.match(definitions.gates[3].remediation, /lambda ceiling.*canary/s);
    assert.match(definitions.gates[4].remediation, /checkpoint analyzer.*anomalies/s);
    for (const g of definitions.gates) for (const c of g.checks) assert.deepEqual([c.on_missing, c.on_error], ['fail', 'fail'], `${g.key}/${c.id}: hard gates default to fail`);
  });

  it('applies defaults: severity fail, on_missing/on_error fail, step 1m', () => {
    const { definitions } = parseGates(GOOD, 'gates.yaml');
    const c = definitions.gates[0].checks[0];
    assert.deepEqual([c.severity, c.on_missing, c.on_error, definitions.step], ['fail', 'fail', 'fail', '1m']);
  });

  it('a misspelt key is an error naming it, at its line', () => {
    fails(GOOD.replace('threshold: 0.95', 'thresold: 0.95'), /gates\[0\]\.checks\[0\]: unknown key 'thresold'/, 11);
  });

  it('a bad value names the key and the allowed values, at the value\'s line', () => {
    fails(GOOD.replace('comparator: ">="', 'comparator: "=>"'), /gates\[0\]\.checks\[0\]\.comparator: .*"<="/, 17);
    fails(GOOD.replace('fail_action: NO-GO', 'fail_action: BLOCK'), /gates\[0\]\.fail_action/, 8);
  });

  it('an undeclared ${variable} is caught at load, not sent to Prometheus', () => {
    fails(GOOD.replace('x{profile', 'x{tenant="${tenant}",profile'), /gates\[0\]\.checks\[0\]\.query: unknown variable \$\{tenant\}/, 14);
  });

  it('duplicate gate keys and check ids, and share without where, are errors', () => {
    const twice = GOOD + GOOD.split('gates:\n')[1];
    fails(twice, /duplicate gate key 'coverage'/);
    fails(GOOD.replace(/ *where:.*\n/, ''), /reduce 'share' needs 'where/);
    fails(GOOD.replace(/ *threshold: 0.95\n/, ''), /gates\[0\]\.checks\[0\]: missing required key 'threshold'/, 11);
  });

  it('invalid YAML is reported with line and column', () => {
    fails('schema_version: 1\ngates: [\n', /invalid YAML/, 3);
  });

  it('a missing file names the file', async () => {
    await assert.rejects(loadGates('/nonexistent/gates.yaml'), (e: InputError) => /cannot read gates file: ENOENT/.test(e.format()) && e.location?.file === '/nonexistent/gates.yaml');
  });

  it('the published JSON Schema is current, accepts the bundled gates and rejects a typo', () => {
    const [schema] = publishedSchemas;
    const text = fs.readFileSync(bundledConfig('schemas', schema.file), 'utf8');
    assert.equal(text, schema.render(), 'stale: run node scripts/gen-schemas.mjs');
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(text));
    const gates = parse(fs.readFileSync(DEFAULT_GATES_FILE(), 'utf8'));
    assert.equal(validate(gates), true, JSON.stringify(validate.errors));
    gates.gates[0].checks[0].thresold = gates.gates[0].checks[0].threshold;
    assert.equal(validate(gates), false);
  });

  it('templates substitute known names and report unknown ones; helpers format durations and regexes', () => {
    assert.deepEqual(resolveTemplate('a[${window}] ${x}', { window: '48h' }), { text: 'a[48h] ${x}', unknown: ['x'] });
    assert.equal(promqlRegexLiteral('r2.prod'), 'r2\\\\.prod');
    assert.equal(promqlRegexLiteral('say "hi"'), 'say \\"hi\\"');
    assert.deepEqual(['5m', '90s', '48h', '120m'].map(durationSeconds), [300, 90, 172800, 7200]);
    for (const bad of ['', 'x5m', '5mx', '5', 'm', '1.5h', '5d']) assert.throws(() => durationSeconds(bad), new RangeError(`not a duration: ${bad}`));
    assert.deepEqual([formatDuration(172800), formatDuration(90 * 60), formatDuration(45)], ['48h', '90m', '45s']);
  });
});
