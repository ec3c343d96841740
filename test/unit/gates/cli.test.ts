import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseAt } from '../../../src/cli/commands/gates';
import type { GateReport } from '../../../src/core/verdict/types';
import { END, fixture, gatesCli, type Fixture } from './fixture';
import { ORIGINAL_KIT as ORIGINAL } from '../../support/originalKit';

const report = (out: string) => JSON.parse(out) as GateReport;

describe('gates: CLI', function () {
  this.timeout(30_000);

  it('--at takes RFC 3339 with an offset or Unix seconds, and refuses a naive time', () => {
    assert.equal(parseAt('1795694400').toISOString(), '2026-11-26T12:00:00.000Z');
    assert.equal(parseAt('2026-11-26T14:00:00+02:00').toISOString(), '2026-11-26T12:00:00.000Z');
    assert.throws(() => parseAt('2026-11-26T12:00:00'), /RFC 3339 with a UTC offset/);
    assert.throws(() => parseAt('yesterday'), /RFC 3339/);
  });

  describe('usage and configuration errors exit 2 with a message and nothing on stdout', () => {
    let f: Fixture;
    before(async () => (f = await fixture({ prometheus: false })));
    after(() => f.close());

    const cases: [string, string[], RegExp][] = [
      ['bad format', ['--demo', '--format', 'xml'], /--format must be one of json, md, junit, github, got 'xml'/],
      ['misspelt format', ['--demo', '--format', 'githb'], /got 'githb' — did you mean 'github'\?/],
      ['two data modes', ['--demo', '--replay', 'x.json'], /--replay and --demo cannot be combined/],
      ['bad window', ['--demo', '--window-hours', '0'], /--window-hours must be a number/],
      ['bad --var', ['--demo', '--var', 'tolerance'], /--var must be NAME=VALUE/],
      ['built-in --var', ['--demo', '--var', 'window=1h'], /variable 'window' is built in/],
      ['unknown flag', ['--demo', '--critical'], /unknown option '--critical'/],
      ['missing recording', ['--replay', 'nope.json'], /nope\.json: cannot read recording: ENOENT/],
      ['gates file typo', ['--demo', '--gates', 'g.yaml'], /g\.yaml:3:\d+: gates\[0\]: unknown key 'nmae'/],
      ['bad header', ['--prometheus-url', 'http://127.0.0.1:9', '--header', 'novalue'], /--header must be 'Name: value'/],
      ['user without password', ['--prometheus-url', 'http://127.0.0.1:9', '--user', 'bob'], /needs a password/],
      ['bad URL', ['--prometheus-url', 'localhost:9090'], /--prometheus-url: 'localhost:9090' must start with http:\/\/ or https:\/\//],
      ['URL without a scheme', ['--prometheus-url', '127.0.0.1:9090'], /--prometheus-url: '127\.0\.0\.1:9090' is not a URL: write it with its scheme/],
      ['invalid URL with a password: never echoed', ['--prometheus-url', 'http://bob:hunter2@[bad'], /'http:\/\/bob:\*\*\*@\[bad' is not a URL/],
      ['URL user without a password', ['--prometheus-url', 'http://bob@127.0.0.1:9'], /names a user but no password/],
      ['credentials in the URL and a token', ['--prometheus-url', 'http://bob:pw@127.0.0.1:9', '--token-file', 'g.yaml'], /carries credentials and a bearer token is also given/],
      ['unwritable output', ['--demo', '--quiet', '--output', 'g.yaml/report.json'], /g\.yaml[\\/]report\.json: cannot write: (ENOTDIR|EEXIST)/],
    ];
    for (const [what, args, pattern] of cases) {
      it(what, async () => {
        fs.writeFileSync(path.join(f.dir, 'g.yaml'), 'schema_version: 1\ngates:\n  - nmae: x\n');
        const { code, out, err } = await gatesCli(f, args);
        assert.equal(code, 2, err);
        assert.equal(out, '');
        assert.match(err, pattern);
        assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
        assert.doesNotMatch(err, /hunter2|:pw@/, 'no password echoed');
      });
    }

    it('a recording that is not one is an input error naming the file', async () => {
      fs.writeFileSync(path.join(f.dir, 'r.json'), '{"format": "something else"}');
      const { code, err } = await gatesCli(f, ['--replay', 'r.json']);
      assert.equal(code, 2);
      assert.match(err, /r\.json: not an Aurora GA recording: format/);
    });
  });

  describe('--profile', () => {
    let f: Fixture;
    before(async () => {
      f = await fixture({ history: { trips: { dro_factor: 'smoke' } } });
      fs.copyFileSync(path.join(ORIGINAL, 'r2.yaml'), path.join(f.dir, 'r2.yaml'));
      fs.copyFileSync(path.join(ORIGINAL, 'r2.lock.json'), path.join(f.dir, 'r2.lock.json'));
      fs.copyFileSync(path.join(ORIGINAL, 'smoke.yaml'), path.join(f.dir, 'smoke.yaml'));
    });
    after(() => f.close());

    it('a profile whose lock validates is evaluated alone: ${profile} selects its series', async () => {
      const { code, out, err } = await gatesCli(f, ['--profile', 'r2.yaml']);
      const r = report(out);
      assert.equal(r.profile, 'r2');
      assert.match(err, /profile r2: lock r2\.lock\.json validates/);
      assert.match(r.gates.find((g) => g.key === 'dro')!.checks[0].evidence.query!, /profile=~"r2"/);
      assert.equal(code, 0, 'the smoke profile\'s low DRO factor is not r2\'s');
    });

    it('a profile without a valid lock is refused (exit 2) before any query', async () => {
      const { code, out, err } = await gatesCli(f, ['--profile', 'smoke.yaml']);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /smoke\.yaml: profile lock does not validate: no lock file .*smoke\.lock\.json.*refusing to evaluate gates/);
      fs.writeFileSync(path.join(f.dir, 'r2.yaml'), `${fs.readFileSync(path.join(f.dir, 'r2.yaml'), 'utf8')}\nextra: 1\n`);
      const changed = await gatesCli(f, ['--profile', 'r2.yaml']);
      assert.equal(changed.code, 2);
      assert.match(changed.err, /r2\.yaml does not match r2\.lock\.json: Hash mismatch/);
    });

    it('profile_lock.enforced: false in the profile lets it through, and says so', async () => {
      fs.writeFileSync(path.join(f.dir, 'smoke.yaml'), `${fs.readFileSync(path.join(ORIGINAL, 'smoke.yaml'), 'utf8')}\nprofile_lock:\n  enforced: false\n`);
      const { code, err } = await gatesCli(f, ['--profile', 'smoke.yaml']);
      assert.equal(code, 3, 'smoke\'s DRO factor is low: CONDITIONAL');
      assert.match(err, /profile smoke: lock not enforced \(no lock file/);
    });
  });

  describe('record and replay', () => {
    let f: Fixture;
    before(async () => (f = await fixture({ history: { trips: { coverage: true } } })));
    after(() => f.close());

    it('a replay reproduces the live verdicts and values exactly, without a server', async () => {
      const live = report((await gatesCli(f, ['--record', 'rec.json', '--quiet'])).out);
      const replay = report((await gatesCli({ ...f, prom: undefined }, ['--replay', 'rec.json', '--quiet'])).out);
      const strip = (r: GateReport) => r.gates.map((g) => [g.key, g.status, g.checks.map((c) => [c.check_id, c.outcome, c.value])]);
      assert.deepEqual(strip(replay), strip(live));
      assert.equal(replay.evaluated_at, new Date(END * 1000).toISOString(), 'the recorded time is reused');
      assert.match(replay.source, /^replay of .*rec\.json \(recorded from http:\/\/127\.0\.0\.1:\d+/);
    });

    it('a query the recording does not hold is ERROR saying so, never a guess', async () => {
      const { out } = await gatesCli({ ...f, prom: undefined }, ['--replay', 'rec.json', '--quiet', '--window-hours', '24']);
      const c = report(out).gates.find((g) => g.key === 'dro')!.checks[0];
      assert.equal(c.outcome, 'ERROR');
      assert.match(c.evidence.error!, /not in recording .*rec\.json \(recorded at .*, window 48h\)/);
    });
  });

  it('--help lists every flag the original had, plus the new ones', async () => {
    const f = await fixture({ prometheus: false });
    try {
      const { code, out } = await gatesCli(f, ['--help']);
      assert.equal(code, 0);
      for (const flag of ['--prometheus-url', '--artifacts-dir', '--window-hours', '--format', '--output', '--gates', '--at', '--profile', '--metrics-out', '--record', '--replay', '--demo', '--token-file', '--user', '--header', '--ca-file']) {
        assert.ok(out.includes(flag), flag);
      }
      assert.match(out, /AURORA_PROM_TOKEN/);
    } finally {
      await f.close();
    }
  });
});
