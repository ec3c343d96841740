import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { checkAlertRules } from '../../../src/core/readiness/alertRules';
import { dashboardProblems } from '../../../src/core/readiness/dashboard';
import { checkGitClean } from '../../../src/core/readiness/gitClean';
import { checkVersion } from '../../../src/core/readiness/version';
import { captureIO } from '../cli/main.test';
import { ORIGINAL_KIT as ORIGINAL } from '../../support/originalKit';

const signal = new AbortController().signal;

describe('readiness', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-readiness-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('VERSION', () => {
    for (const [text, passed, message, why] of [
      ['0.4.0-rc1\n', true, /is a release candidate/, 'a release candidate'],
      ['1.2.3-rc.12', true, /is a release candidate/, 'dotted RC number'],
      ['0.4.0-rc2', true, /is a release candidate/, 'any RC number; the original accepted only -rc1'],
      ['0.4.0', false, /is not a release candidate/, 'already a release'],
      ['v0.4', false, /is not a semantic version/, 'not a semantic version'],
    ] as const) {
      it(`${JSON.stringify(text)}: ${passed ? 'passes' : 'fails'} (${why})`, async () => {
        write('VERSION', text);
        const r = await checkVersion(root, signal);
        assert.equal(r.passed, passed);
        assert.match(r.message, message);
      });
    }
    it('fails without a VERSION file', async () => {
      assert.deepEqual(await checkVersion(root, signal), { id: 'version', name: 'Version Consistency', passed: false, message: 'VERSION file not found', details: [] });
    });
  });

  describe('alert rules', () => {
    it('passes the original alert rules through promtool and lists their alerts; skips non-rule YAML', async () => {
      write('monitoring/aurora_alerts.yml', fs.readFileSync(path.join(ORIGINAL, 'aurora_alerts.yml'), 'utf8'));
      write('monitoring/prometheus.yml', fs.readFileSync(path.join(ORIGINAL, 'prometheus.yml'), 'utf8'));
      const r = await checkAlertRules(root, undefined, signal);
      assert.equal(r.check.passed, true, r.check.message);
      assert.deepEqual(r.files, ['monitoring/aurora_alerts.yml']);
      assert.equal(r.alerts.length, 4);
      assert.match(r.check.message, /promtool check rules passed/);
    });

    it('names the file and line of a structural problem', async () => {
      write('configs/monitoring/rules.yml', 'groups:\n  - name: g\n    rules:\n      - alert: A\n        for: 5m\n');
      const r = await checkAlertRules(root, undefined, signal);
      assert.equal(r.check.passed, false);
      assert.match(r.check.details[0], /^configs\/monitoring\/rules\.yml:4: groups\.0\.rules\.0\.expr: /);
    });

    it('fails invalid PromQL through promtool', async () => {
      write('monitoring/rules.yml', 'groups:\n  - name: g\n    rules:\n      - alert: Broken\n        expr: rate(x[5m]\n');
      const r = await checkAlertRules(root, undefined, signal);
      assert.equal(r.check.passed, false);
      assert.ok(r.check.details.some((d) => /FAILED|parse error|unclosed/i.test(d)), r.check.details.join('\n'));
    });

    it('fails when there is no rule file at all', async () => {
      const r = await checkAlertRules(root, undefined, signal);
      assert.equal(r.check.passed, false);
      assert.match(r.check.message, /no Prometheus alert rule files found/);
    });
  });

  describe('dashboard', () => {
    it('flags the original dashboard: two template variables no panel uses', () => {
      const problems = dashboardProblems(JSON.parse(fs.readFileSync(path.join(ORIGINAL, 'aurora_dashboard.json'), 'utf8')), 'd.json');
      assert.deepEqual(problems, ["d.json: variable 'environment' is used by no panel", "d.json: variable 'config_profile' is used by no panel"]);
    });

    it('accepts variables used in queries or datasources (not by prefix), and wrapped models; flags panels without a query', () => {
      const model = {
        panels: [
          { title: 'up', type: 'timeseries', datasource: { uid: '${ds}' }, targets: [{ expr: 'up{env="$env"}' }] },
          { title: 'row', type: 'row', panels: [{ title: 'empty', type: 'stat', targets: [] }] },
        ],
        templating: { list: [{ name: 'ds' }, { name: 'env' }, { name: 'en' }] },
      };
      assert.deepEqual(dashboardProblems({ dashboard: model }, 'd.json'), ["d.json: panel 'empty' has no query", "d.json: variable 'en' is used by no panel"]);
      assert.equal(dashboardProblems({ title: 'not a dashboard' }, 'x.json'), null);
    });
  });

  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'ignore' });

  describe('git tree', () => {
    it('passes a clean checkout, ignoring the tool\'s own artifacts/, and lists uncommitted files otherwise', async () => {
      write('a.txt', 'a');
      git('init', '-q');
      git('add', 'a.txt');
      git('commit', '-qm', 'a');
      write('artifacts/ga/checklist.json', '{}');
      assert.equal((await checkGitClean(root, signal)).passed, true);
      write('a.txt', 'changed');
      write('new.txt', 'n');
      const r = await checkGitClean(root, signal);
      assert.equal(r.passed, false);
      assert.deepEqual(r.details.sort(), ['a.txt', 'new.txt']);
    });

    it('fails outside a git repository', async () => {
      const r = await checkGitClean(root, signal);
      assert.equal(r.passed, false);
      assert.match(r.message, /not a git repository/);
    });
  });

  it('aurora-ga readiness writes the original report fields and exits 1 when not ready, 0 when ready', async () => {
    const io = captureIO(root);
    assert.equal(await runCli(['readiness'], io, signal), 1);
    const report = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga_readiness_report.json'), 'utf8'));
    for (const key of ['timestamp', 'overall_ready', 'readiness_status', 'checks', 'next_steps', 'ga_promotion_criteria']) assert.ok(key in report, key);
    assert.equal(report.readiness_status, 'NOT_READY');
    assert.deepEqual(Object.keys(report.checks), ['Version Consistency', 'Configuration Profiles', 'Observability Alerts', 'Observability Dashboard', 'Rollback Readiness']);

    write('VERSION', '0.4.0-rc1\n');
    for (const f of ['r2.yaml', 'r2.lock.json']) write(`configs/profiles/${f}`, fs.readFileSync(path.join(ORIGINAL, f), 'utf8'));
    write('monitoring/aurora_alerts.yml', fs.readFileSync(path.join(ORIGINAL, 'aurora_alerts.yml'), 'utf8'));
    write('monitoring/dashboard.json', JSON.stringify({ panels: [{ title: 'up', type: 'stat', targets: [{ expr: 'up' }] }] }));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'rc');
    const ok = captureIO(root);
    assert.equal(await runCli(['readiness'], ok, signal), 0, ok.out);
    assert.match(ok.out, /^GA readiness: READY/);
  });
});
