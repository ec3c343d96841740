import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { runCli } from '../../../src/cli/main';
import { normalizeProfile } from '../../../src/core/lock';
import { rangeForPath } from '../../../src/core/profile/locate';
import { publishedSchemas } from '../../../src/core/profile/publishedSchema';
import { changeDirection, toPlain, validateProfile } from '../../../src/core/profile/validate';
import { captureIO } from '../cli/main.test';

const r2 = fs.readFileSync(path.resolve('configs/profiles/r2.yaml'), 'utf8');
const plain = (text: string) => toPlain(normalizeProfile(text, 'p.yaml').root);

describe('profile: validation (validate_profiles.py rules)', () => {
  it('accepts the original r2 and smoke profiles without errors or warnings', () => {
    for (const name of ['r2', 'smoke']) {
      const v = validateProfile(name, plain(fs.readFileSync(path.resolve(`configs/profiles/${name}.yaml`), 'utf8')));
      assert.deepEqual([v.is_valid, v.errors, v.warnings], [true, [], []]);
    }
  });

  it('reports missing sections, missing keys and ratios out of [0, 1] with the original wording', () => {
    const v = validateProfile('x', plain('acceptance:\n  coverage_target: 1.5\nkappa_thresholds:\n  tau_d: 0.3\n'));
    assert.equal(v.is_valid, false);
    assert.deepEqual(v.errors.sort(), ['Missing required key: kappa_thresholds.tau_p', 'Missing required section: preloop', 'acceptance.coverage_target must be in [0, 1], got 1.5'].sort());
    assert.deepEqual(v.warnings, ['acceptance.min_decisions not set']);
    const negative = validateProfile('x', plain(r2.replace('min_decisions: 1', 'min_decisions: -1')));
    assert.deepEqual(negative.errors, ['acceptance.min_decisions must be >= 0, got -1']);
  });

  it('warns for a loose r2 and a smoke profile that requires the trigger', () => {
    assert.deepEqual(validateProfile('r2', plain(r2.replace('max_noop_ratio: 0.6', 'max_noop_ratio: 0.8'))).warnings, ['R2 profile has high max_noop_ratio: 0.8']);
    assert.deepEqual(validateProfile('smoke', plain(r2)).warnings, ['Smoke profile should not require trigger']);
  });

  it('locates an issue at the value, or at the deepest existing key', () => {
    const root = normalizeProfile(r2, 'r2.yaml').root;
    const at = rangeForPath(root, ['acceptance', 'coverage_target']);
    assert.equal(r2.slice(at.range!.start, at.range!.end), '0.9');
    const missing = rangeForPath(root, ['acceptance', 'nope']);
    assert.equal(missing.exact, false);
    assert.equal(r2.slice(missing.range!.start, missing.range!.end), 'acceptance');
  });

  it('knows which way a change goes', () => {
    assert.equal(changeDirection('acceptance.coverage_target', 0.9, 0.85), 'loosens');
    assert.equal(changeDirection('preloop.max_noop_ratio', 0.6, 0.5), 'tightens');
    assert.equal(changeDirection('preloop.require_trigger', true, false), 'loosens');
    assert.equal(changeDirection('kappa_thresholds.tau_p', 0.7, 0.8), undefined);
  });

  it('publishes configs/schemas/profile.schema.json generated from the zod schema, and it accepts r2', () => {
    const text = fs.readFileSync(path.resolve('configs/schemas/profile.schema.json'), 'utf8');
    assert.equal(text, publishedSchemas[0].render(), 'stale: run node scripts/gen-schemas.mjs');
    const published = JSON.parse(text);
    const validate = new Ajv2020({ strict: false }).compile(published);
    assert.equal(validate(plain(r2)), true);
    assert.equal(validate(plain(r2.replace('coverage_target: 0.9', 'coverage_target: 2'))), false);
  });

  it('aurora-ga profiles validate writes the original report shape and exits 1 on an invalid profile', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-profiles-'));
    fs.writeFileSync(path.join(dir, 'r2.yaml'), r2);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'acceptance: {coverage_target: 0.5}\n');
    const io = captureIO(dir);
    assert.equal(await runCli(['profiles', 'validate', '.', '--output', 'out/report.json'], io, new AbortController().signal), 1);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    assert.deepEqual(report.validation_summary, { total_profiles: 2, valid_profiles: 1, invalid_profiles: 1 });
    assert.equal(report.validations.r2.checksum, 'b1c5472a9904e051');
    assert.deepEqual(report.validations.broken.errors.sort(), ['Missing required section: kappa_thresholds', 'Missing required section: preloop']);
    assert.match(io.out, /❌ broken: 2 errors/);
  });
});
