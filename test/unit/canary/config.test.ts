import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { DEFAULT_HEALTH_CHECKS, healthCheckSpecSchema, parseCanaryConfig, worstCaseSeconds } from '../../../src/core/canary/config';
import { publishedSchemas } from '../../../src/core/canary/publishedSchema';
import { InputError } from '../../../src/core/util/errors';

// Tests run from the repository root (scripts/test.mjs), where the shipped configs live.
const repo = process.cwd();
const bundled = ['configs/canary/default.yaml', 'configs/demo/canary.yaml'];

function expectError(text: string, line: number, pattern: RegExp): void {
  assert.throws(() => parseCanaryConfig(text, 'canary.yaml'), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.location?.line, line, err.format());
    assert.match(err.format(), pattern);
    return true;
  });
}

describe('canary config: schema, defaults and errors', () => {
  it('reads the shipped default and demo configs', () => {
    const def = parseCanaryConfig(fs.readFileSync(path.join(repo, bundled[0]), 'utf8'), bundled[0]);
    assert.equal(def.runs, 10);
    assert.equal(def.gating, 'soft');
    assert.equal(def.timeout_seconds, 120);
    assert.equal(def.success_threshold, 0.7);
    assert.deepEqual(def.health_checks.map((c) => c.id), ['has_decisions', 'has_executions', 'clean_exit', 'no_zero_budget']);
    assert.equal(def.profile_lock.enforced, true);
    const demo = parseCanaryConfig(fs.readFileSync(path.join(repo, bundled[1]), 'utf8'), bundled[1]);
    assert.equal(demo.data_mode, 'demo');
  });

  it('fills defaults for a minimal config: the original four checks, thresholds 0.7, lock enforced', () => {
    const c = parseCanaryConfig('command: [./run.sh, "${runDir}"]\n', 'c.yaml');
    assert.deepEqual(c.health_checks, DEFAULT_HEALTH_CHECKS);
    assert.deepEqual([c.success_threshold, c.health_threshold, c.interval_seconds, c.concurrency], [0.7, 0.7, 10, 1]);
    assert.deepEqual(c.gating_args, ['--ci-gating', '${gating}']);
    assert.equal(c.profile_lock.enforced, true);
  });

  it('names file, line and key of a bad value', () => {
    expectError('command: [a]\nruns: 0\n', 2, /^canary\.yaml:2:7: invalid canary config: runs: /);
    expectError('command: [a]\ngating: strict\n', 2, /gating: /);
    expectError('command: [a]\nhealth_threshold: 1.5\n', 2, /health_threshold/);
    expectError('command: [a]\nhealth_checks:\n  - id: x\n    path: a.b\n    op: ">"\n    value: many\n', 6, /health_checks\[0\]\.value: > needs a number/);
    expectError('command: [a]\nsummary_file: ../x.json\n', 2, /a file name inside the run directory/);
    expectError('command: [a]\ntimeout: 5\n', 1, /Unrecognized key.*timeout/);
    expectError('command: []\n', 1, /command: needs at least the program to run/);
  });

  it('reports YAML syntax errors with their position and the first line of the parser message, without a position of its own', () => {
    expectError('command: [a\nruns: 2\n', 2, /^canary\.yaml:2:\d+: invalid YAML: \S+ \S+ [^\n]*$/);
    assert.throws(() => parseCanaryConfig('command: [a\nruns: 2\n', 'canary.yaml'), (err: unknown) => err instanceof InputError && !/ at line \d/.test(err.message));
  });

  it('publishes current JSON Schemas that accept the shipped configs and reject a bad one', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const s of publishedSchemas) {
      const file = path.join(repo, 'configs/schemas', s.file);
      assert.equal(fs.readFileSync(file, 'utf8'), s.render(), `${s.file} is stale: run node scripts/gen-schemas.mjs`);
    }
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, 'configs/schemas/canary.schema.json'), 'utf8')));
    for (const f of bundled) assert.equal(validate(parse(fs.readFileSync(path.join(repo, f), 'utf8'))), true, `${f}: ${JSON.stringify(validate.errors)}`);
    assert.equal(validate({ command: ['x'], gating: 'strict' }), false);
  });
  it('takes the worst case as waves of runs that all time out and are killed, with the interval between waves', () => {
    // 5 runs, 2 at a time: 3 waves of (10 s timeout + 2 s grace), 2 intervals of 4 s between them.
    assert.equal(worstCaseSeconds({ runs: 5, concurrency: 2, timeout_seconds: 10, kill_grace_seconds: 2, interval_seconds: 4 }), 3 * 12 + 2 * 4);
    assert.equal(worstCaseSeconds({ runs: 4, concurrency: 2, timeout_seconds: 10, kill_grace_seconds: 2, interval_seconds: 4 }), 2 * 12 + 4);
    assert.equal(worstCaseSeconds({ runs: 3, concurrency: 8, timeout_seconds: 10, kill_grace_seconds: 2, interval_seconds: 4 }), 12, 'one wave, no interval');
  });

  it('accepts min_keys only with a non-negative integer, and ordering comparators only with a number', () => {
    const issues = (op: string, value: unknown) => {
      const r = healthCheckSpecSchema.safeParse({ id: 'c', path: 'a', op, value });
      return r.success ? [] : r.error.issues.map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);
    };
    for (const bad of [1.5, -1, '2', true]) assert.deepEqual(issues('min_keys', bad), ['custom value: min_keys needs a non-negative integer'], String(bad));
    assert.deepEqual(issues('min_keys', 0), []);
    for (const op of ['>', '>=', '<', '<=']) assert.deepEqual(issues(op, 'x'), [`custom value: ${op} needs a number`], op);
    assert.deepEqual([issues('==', 'x'), issues('!=', false), issues('>', 0)], [[], [], []]);
  });
});
