// "The evaluation could not be carried out" vs "the release failed a check", against REAL servers:
// Prometheus (closed port, wrong path, basic auth, TLS, --query.timeout, --query.max-samples),
// VictoriaMetrics with its own limits, and vmauth routing tenants by token. Only the hung server is
// a stand-in (a socket that never answers: no real server can be made to hang on demand).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { GateReport } from '../../../src/core/verdict/types';
import { gatesHistory, SHIPPED_ALERT_RULES, writeWorkspace } from '../../support/gatesHistory';
import { freePort, renderOpenMetrics, startPrometheus, resent, startSilentServer, startVictoriaMetrics, type RunningServer } from '../../support/prometheus';
import { startVmauth } from '../../support/vmauth';
import { captureIO } from '../../unit/gates/cliIO';

const END = Math.floor(Date.now() / 60_000) * 60;
const history = (trips = {}) => renderOpenMetrics(gatesHistory({ end: END, trips }));

interface Run {
  code: number;
  report: GateReport;
  out: string;
  err: string;
}

async function gates(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const io = captureIO(dir, env);
  const code = await runCli(['gates', '--at', String(END), ...args], io, AbortSignal.timeout(60_000));
  return { code, report: JSON.parse(io.out) as GateReport, out: io.out, err: io.err };
}

const promChecks = (r: GateReport) => r.gates.flatMap((g) => g.checks).filter((c) => c.evidence.kind === 'prometheus');
const reportFile = (dir: string) => path.join(dir, 'artifacts/ga/gates_report.json');

/** The shape every "could not be carried out" run must have. */
function assertNotCarriedOut(run: Run, cause: string, url: string): void {
  const r = run.report;
  assert.equal(run.code, 5, run.err);
  assert.equal(r.exit_code, 5);
  assert.equal(r.decision_code, 'ERROR');
  assert.equal(r.evaluation_error?.cause, cause, JSON.stringify(r.evaluation_error));
  assert.doesNotMatch(r.decision, /Critical failures detected/);
  assert.equal(r.decision.split(url).length - 1, 1, `the headline names ${url} once: ${r.decision}`);
  assert.ok(!r.next_steps.some((s) => /Remediation/.test(s)), `no gate remediation: ${r.next_steps.join(' | ')}`);
  for (const c of promChecks(r)) assert.equal(c.evidence.cause, cause, `${c.check_id}: ${c.evidence.error}`);
}

describe('gates: an evaluation that could not be carried out is not a release failure (real servers)', function () {
  this.timeout(90_000);
  let dir: string;
  let prom: RunningServer;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-faults-'));
    writeWorkspace(dir, { end: END });
    // The alert checks pass only with their rules loaded and evaluated (the rules API proves them).
    prom = await startPrometheus({ openMetrics: history(), ruleFiles: [SHIPPED_ALERT_RULES()] });
  });
  after(async () => {
    await prom?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a closed port: exit 5 in about a second, the last good report kept, file checks still run', async () => {
    const good = await gates(dir, ['--prometheus-url', prom.url, '--quiet']);
    assert.equal(good.code, 0, good.err);
    const kept = fs.readFileSync(reportFile(dir), 'utf8');
    const keptRecording = fs.readFileSync(path.join(dir, 'artifacts/ga/gates_recording.json'), 'utf8');
    assert.equal((JSON.parse(kept) as GateReport).recording?.file, 'artifacts/ga/gates_recording.json', 'the current live report cites its raw answers');
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await gates(dir, ['--prometheus-url', closed, '--retries', '5']);
    assertNotCarriedOut(run, 'unreachable', closed);
    assert.match(run.report.decision, /could not be reached \(.*ECONNREFUSED/);
    // Sent beside the pre-flight at most, never retried (--retries 5), nor sent after it failed.
    for (const c of promChecks(run.report)) assert.ok(c.evidence.attempts! <= 1, `${c.check_id}: ${c.evidence.attempts} attempts`);
    assert.ok(run.report.gates.flatMap((g) => g.checks).some((c) => c.evidence.kind === 'file' && c.outcome === 'PASS'));
    assert.equal(fs.readFileSync(reportFile(dir), 'utf8'), kept, 'the current report is not replaced');
    assert.equal(fs.readFileSync(path.join(dir, 'artifacts/ga/gates_recording.json'), 'utf8'), keptRecording, 'nor the raw answers it cites');
    assert.match(run.err, /gates_report\.json kept/);
    const pre = /prometheus .*: .*ECONNREFUSED.* \((\d+) ms\)/.exec(run.err);
    assert.ok(pre, run.err);
    console.log(`      pre-flight against a closed port: ${pre[1]} ms`);
  });

  it('credentials in the URL are used as basic auth and appear nowhere in the report or on stderr', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await gates(dir, ['--prometheus-url', closed.replace('//', '//bob:hunter2@'), '--no-save']);
    assertNotCarriedOut(run, 'unreachable', closed);
    assert.ok(!`${run.out}${run.err}`.includes('hunter2'));
  });

  it('a real Prometheus under a wrong path answers 404: "not a Prometheus API", one request', async () => {
    const url = `${prom.url}/wrong`;
    const run = await gates(dir, ['--prometheus-url', url, '--no-save']);
    assertNotCarriedOut(run, 'not-prometheus', url);
    assert.match(run.report.decision, /is not a Prometheus API \(HTTP 404/);
    assert.match(run.report.next_steps.join('\n'), /must be the API base/);
  });

  it('a host name that does not resolve: dns', async () => {
    const url = 'http://aurora-no-such-host.invalid:9090';
    assertNotCarriedOut(await gates(dir, ['--prometheus-url', url, '--no-save']), 'dns', url);
  });

  it('a hung server (a socket that never answers, stand-in): the pre-flight times out once; what was sent beside it is not sent again', async () => {
    const silent = await startSilentServer();
    try {
      const run = await gates(dir, ['--prometheus-url', silent.url, '--timeout', '0.3', '--no-save']);
      assertNotCarriedOut(run, 'timeout', silent.url);
      assert.deepEqual(resent(silent.urls()), { again: [], preflights: 1 });
    } finally {
      await silent.stop();
    }
  });

  it('the evaluation deadline (--deadline) ends a hung evaluation with cause deadline', async () => {
    const silent = await startSilentServer();
    try {
      const run = await gates(dir, ['--prometheus-url', silent.url, '--timeout', '30', '--deadline', '0.5', '--no-save']);
      assertNotCarriedOut(run, 'deadline', silent.url);
    } finally {
      await silent.stop();
    }
  });

  describe('a real Prometheus with https and basic auth (--web.config.file)', () => {
    let tls: string;
    let secure: RunningServer;
    // bcrypt of 's3cret' (cost 4), made with Python's crypt; Prometheus checks it.
    const bcrypt = '$2b$04$jLItPUBe/mFRgq6SULuI8OyrKbXrk6WJN4yPLwEvg0KnnmgcWUi3y';
    before(async () => {
      tls = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-faults-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', path.join(tls, 'key.pem'), '-out', path.join(tls, 'cert.pem')], { stdio: 'ignore' });
      secure = await startPrometheus({
        openMetrics: history(),
        ruleFiles: [SHIPPED_ALERT_RULES()],
        web: {
          tls: { certFile: path.join(tls, 'cert.pem'), keyFile: path.join(tls, 'key.pem'), ca: fs.readFileSync(path.join(tls, 'cert.pem'), 'utf8') },
          basicAuth: { username: 'aurora', password: 's3cret', bcrypt },
        },
      });
    });
    after(async () => {
      await secure?.stop();
      fs.rmSync(tls, { recursive: true, force: true });
    });

    it('user:password in the URL authenticates (basic auth), with the CA file', async () => {
      const run = await gates(dir, ['--prometheus-url', secure.url.replace('//', '//aurora:s3cret@'), '--ca-file', path.join(tls, 'cert.pem'), '--no-save']);
      assert.equal(run.report.decision_code, 'APPROVED', run.err);
      assert.ok(!run.out.includes('s3cret'));
    });

    it('a wrong password is "refused the credentials" (401), exit 5', async () => {
      assertNotCarriedOut(await gates(dir, ['--prometheus-url', secure.url, '--user', 'aurora:nope', '--ca-file', path.join(tls, 'cert.pem'), '--no-save']), 'auth', secure.url);
    });

    it('no CA for a self-signed certificate is a TLS failure, exit 5', async () => {
      assertNotCarriedOut(await gates(dir, ['--prometheus-url', secure.url, '--user', 'aurora:s3cret', '--no-save']), 'tls', secure.url);
    });
  });

  describe('server limits', () => {
    it('Prometheus --query.max-samples: 422 is the query\'s problem — ERROR, never retried, counted by on_error', async () => {
      const limited = await startPrometheus({ openMetrics: history(), extraArgs: ['--query.max-samples=50'] });
      try {
        const run = await gates(dir, ['--prometheus-url', limited.url, '--retries', '3', '--no-save']);
        const refused = promChecks(run.report).filter((c) => c.outcome === 'ERROR');
        assert.ok(refused.length >= 1, 'some query loads more than 50 samples');
        for (const c of refused) {
          assert.match(c.evidence.error!, /too many samples/);
          assert.deepEqual([c.evidence.attempts, c.evidence.cause], [1, undefined]);
          assert.equal(c.counts_as, 'FAIL', 'on_error: fail (the default)');
        }
        assert.equal(run.report.evaluation_error, undefined);
        assert.equal(run.code, 1);
      } finally {
        await limited.stop();
      }
    });

    it('Prometheus --query.timeout: 503 is retried, then the evaluation is not carried out (server-error, exit 5)', async () => {
      const slow = await startPrometheus({ openMetrics: history(), extraArgs: ['--query.timeout=1ms'] });
      try {
        const run = await gates(dir, ['--prometheus-url', slow.url, '--retries', '1', '--no-save']);
        const failed = promChecks(run.report).filter((c) => c.evidence.cause === 'server-error');
        assert.ok(failed.length >= 1, promChecks(run.report).map((c) => `${c.outcome} ${c.evidence.error}`).join('\n'));
        for (const c of failed) {
          assert.match(c.evidence.error!, /timeout|timed out/i);
          assert.equal(c.evidence.attempts, 2, 'retried once');
        }
        assert.equal(run.code, 5, run.err);
        assert.doesNotMatch(run.report.decision, /Critical failures/);
      } finally {
        await slow.stop();
      }
    });

    it('VictoriaMetrics -search.maxSamplesPerQuery: the refused queries are ERROR, not retried', async () => {
      const vm = await startVictoriaMetrics({ openMetrics: history(), extraArgs: ['-search.maxSamplesPerQuery=100'] });
      try {
        const run = await gates(dir, ['--prometheus-url', vm.url, '--retries', '3', '--no-save']);
        const refused = promChecks(run.report).filter((c) => c.outcome === 'ERROR');
        assert.ok(refused.length >= 1, promChecks(run.report).map((c) => `${c.outcome} ${c.evidence.error}`).join('\n'));
        for (const c of refused) {
          assert.match(c.evidence.error!, /maxSamplesPerQuery|samples/);
          assert.equal(c.evidence.attempts, 1);
        }
      } finally {
        await vm.stop();
      }
    });
  });

  describe('tenants through a real vmauth', () => {
    it('each bearer token reaches its own tenant\'s data; an unknown token is refused (401) and not carried out', async () => {
      const a = await startVictoriaMetrics({ openMetrics: history() });
      const b = await startVictoriaMetrics({ openMetrics: history({ dcts: true }) });
      const auth = await startVmauth({ 'token-team-a': a.url, 'token-team-b': b.url });
      try {
        const ra = await gates(dir, ['--prometheus-url', auth.url, '--no-save', '--quiet'], { AURORA_PROM_TOKEN: 'token-team-a' });
        const rb = await gates(dir, ['--prometheus-url', auth.url, '--no-save', '--quiet'], { AURORA_PROM_TOKEN: 'token-team-b' });
        // No vmalert behind vmauth, so the alert check has no rules to prove: the tenants differ in the data checks.
        const dctsData = (r: Run) => r.report.gates.find((g) => g.key === 'dcts')!.checks.filter((c) => c.evidence.query && !c.evidence.query.startsWith('max_over_time(ALERTS')).map((c) => c.outcome);
        assert.ok(dctsData(ra).length && dctsData(ra).every((o) => o === 'PASS'), ra.err);
        assert.ok(dctsData(rb).includes('FAIL'), rb.err);
        // vmauth 1.79 answers an unknown token with 400 "cannot find the provided auth token".
        const rc = await gates(dir, ['--prometheus-url', auth.url, '--no-save'], { AURORA_PROM_TOKEN: 'token-team-c' });
        assertNotCarriedOut(rc, 'auth', auth.url);
        assert.match(rc.report.decision, /auth token/);
        assert.ok(!`${rc.out}${rc.err}`.includes('token-team-c'), 'the token the server quoted back is redacted');
      } finally {
        await auth.stop();
        await a.stop();
        await b.stop();
      }
    });
  });
});
