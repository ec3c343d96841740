// Issue #18 item 6 through the real commands: `gates --format github` (annotations on the gates file,
// the job summary appended), `lock --check --format sarif` and `profiles validate --format sarif` on
// copies of test/fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { sarifProblems } from '../../support/sarifSchema';
import { captureIO } from './main.test';

const repo = path.resolve('.');

async function cli(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIO(cwd, env);
  const code = await runCli(argv, io, AbortSignal.timeout(30_000));
  return { code, out: io.out, err: io.err };
}

/** The 1-based line of `- id: <id>` in the bundled gates file, found without the YAML parser. */
function lineOf(id: string): number {
  return fs.readFileSync(path.join(repo, 'configs/gates/aurora-ga.yaml'), 'utf8').split('\n').findIndex((l) => l.trim() === `- id: ${id}`) + 1;
}

type Sarif = { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[] }[] }[] };

describe('CLI: CI formats', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-ci-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gates --format github: annotations on the check\'s line of the gates file, the decision, the same exit code as JSON', async () => {
    const env = { GITHUB_WORKSPACE: repo };
    const json = await cli(dir, ['gates', '--demo', '--quiet', '--no-save'], env);
    const gh = await cli(dir, ['gates', '--demo', '--quiet', '--no-save', '--format', 'github'], env);
    assert.equal(gh.code, json.code);
    assert.equal(gh.code, 1);
    const lines = gh.out.trimEnd().split('\n');
    assert.ok(lines.every((l) => l.startsWith('::')), gh.out);
    assert.equal(lines[0], lines.find((l) => l.includes('rel_diff_p95')));
    assert.match(lines[0], new RegExp(`^::error file=configs/gates/aurora-ga\\.yaml,line=${lineOf('rel_diff_p95')},title=\\[DEMO data\\] Gate 2 DCTS Robustness \\(NO-GO\\)%3A rel_diff_p95 FAIL::0\\.2498 — above the limit 0\\.15 — `));
    assert.match(gh.out, new RegExp(`^::warning file=configs/gates/aurora-ga\\.yaml,line=${lineOf('lambda_step_p95')},title=`, 'm'));
    assert.match(lines.at(-1)!, /^::notice title=\[DEMO data\] GA gates%3A BLOCKED \(exit 1\)::/);
    assert.match(gh.err, /^BLOCKED \(exit 1\)/m, 'the decision line stays on stderr');
  });

  it('gates --format github appends the Markdown report to $GITHUB_STEP_SUMMARY, after what other steps wrote', async () => {
    const summary = path.join(dir, 'summary.md');
    fs.writeFileSync(summary, '## an earlier step\n');
    const env = { GITHUB_STEP_SUMMARY: summary };
    assert.equal((await cli(dir, ['gates', '--demo', '--quiet', '--no-save', '--format', 'github'], env)).code, 1);
    assert.equal((await cli(dir, ['gates', '--demo', '--quiet', '--no-save', '--format', 'github'], env)).code, 1);
    const text = fs.readFileSync(summary, 'utf8');
    assert.ok(text.startsWith('## an earlier step\n# GA Gates Evaluation Report\n'), text.slice(0, 200));
    assert.equal(text.split('# GA Gates Evaluation Report').length - 1, 2, 'appended each time, never replaced');
    assert.match(text, /> \*\*DEMO DATA\.\*\*/);
    // Without the variable nothing is written; a summary that cannot be written is said, the verdict's exit code kept.
    const noSummary = await cli(dir, ['gates', '--demo', '--quiet', '--no-save', '--format', 'json'], env);
    assert.equal(noSummary.code, 1);
    assert.equal(fs.readFileSync(summary, 'utf8'), text, '--format json leaves the job summary alone');
    const broken = await cli(dir, ['gates', '--demo', '--quiet', '--no-save', '--format', 'github'], { GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'summary.md') });
    assert.equal(broken.code, 1);
    assert.match(broken.err, /cannot append to GITHUB_STEP_SUMMARY .*missing[\\/]summary\.md: ENOENT/);
  });

  it('lock --check --format sarif: schema-valid SARIF on stdout, a result per problem at the changed key, text on stderr, exit 3', async () => {
    fs.cpSync(path.join(repo, 'test/fixtures/workspace/locks'), path.join(dir, 'locks'), { recursive: true });
    const r2 = path.join(dir, 'locks/r2.yaml');
    fs.writeFileSync(r2, fs.readFileSync(r2, 'utf8').replace('tau_p: 0.7', 'tau_p: 0.65'));
    const tauLine = fs.readFileSync(r2, 'utf8').split('\n').findIndex((l) => l.includes('tau_p: 0.65')) + 1;
    const r = await cli(dir, ['lock', '--check', 'locks', '--format', 'sarif'], { GITHUB_WORKSPACE: dir });
    assert.equal(r.code, 3);
    const log = JSON.parse(r.out) as Sarif;
    assert.deepEqual(sarifProblems(log), []);
    const got = log.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn]);
    assert.deepEqual(got, [
      ['lock/unreadable', 'locks/corrupt/broken.lock.json', 4, 1],
      ['lock/orphan', 'locks/orphan.lock.json', 1, undefined],
      ['lock/changed-key', 'locks/r2.yaml', tauLine, 3],
      ['lock/mismatch', 'locks/schema1/smoke.yaml', 1, undefined],
    ]);
    assert.equal(log.runs[0].results[2].message.text, 'kappa_thresholds.tau_p: 0.7 → 0.65 since r2.lock.json');
    assert.match(r.err, /^❌ locks\/r2\.yaml: Hash mismatch/m);
    assert.match(r.err, /4 locked profiles: 0 valid, 4 invalid/);
    // The default stays the text the original printed.
    const text = await cli(dir, ['lock', '--check', 'locks']);
    assert.equal(text.code, 3);
    assert.match(text.out, /^❌ locks\/r2\.yaml: Hash mismatch/m);
    assert.equal(text.err, '');
  });

  it('lock and profiles: --format is checked (did you mean) and goes with --check', async () => {
    const typo = await cli(dir, ['lock', '--check', '.', '--format', 'sarf']);
    assert.equal(typo.code, 2);
    assert.match(typo.err, /--format must be one of text, sarif, got 'sarf' — did you mean 'sarif'\?/);
    const single = await cli(dir, ['lock', '--in', 'x.yaml', '--format', 'sarif']);
    assert.equal(single.code, 2);
    assert.match(single.err, /--format goes with --check/);
    const profiles = await cli(dir, ['profiles', 'validate', '.', '--format', 'sarifs']);
    assert.equal(profiles.code, 2);
    assert.match(profiles.err, /did you mean 'sarif'\?/);
  });

  it('profiles validate --format sarif prints SARIF (no report file written), exit code as before', async () => {
    fs.mkdirSync(path.join(dir, 'profiles'));
    for (const f of ['r2.yaml', 'smoke.yaml']) fs.copyFileSync(path.join(repo, 'test/fixtures/original-kit', f), path.join(dir, 'profiles', f));
    fs.writeFileSync(path.join(dir, 'profiles/bad.yaml'), 'acceptance:\n  coverage_target: 2\n');
    const r = await cli(dir, ['profiles', 'validate', 'profiles', '--format', 'sarif'], { GITHUB_WORKSPACE: dir });
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out) as Sarif;
    assert.deepEqual(sarifProblems(log), []);
    const bad = log.runs[0].results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'profiles/bad.yaml');
    assert.ok(bad.some((x) => x.ruleId === 'profile/invalid' && x.message.text === 'bad: acceptance.coverage_target must be in [0, 1], got 2' && x.locations[0].physicalLocation.region.startLine === 2));
    assert.equal(fs.existsSync(path.join(dir, 'artifacts/profile_validation.json')), false);
    assert.match(r.err, /❌ bad: \d+ errors?/);
  });
});
