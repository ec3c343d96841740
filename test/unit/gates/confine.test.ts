import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { RECORDING_FORMAT } from '../../../src/core/prometheus/recording';
import { captureIO } from '../cli/main.test';

// File checks of a gates file someone else wrote: confined to the workspace and the artifacts
// folder (real paths), no secret of the environment in any output, RE2 regular expressions, and a
// scan that stops on SIGINT. Data comes from an empty recording: only the file checks matter here.

const TOKEN = 'tok-3f9a1c77e2b54d0c';

function gatesYaml(check: string): string {
  return `schema_version: 1
gates:
  - key: files
    id: 1
    name: Files
    fail_action: NO-GO
    remediation: look
    checks:
${check.replace(/^/gm, '      ')}
`;
}

const logCheck = (files: string[], pattern = 'ERROR', regex = false) =>
  `- id: errors\n  name: Errors\n  type: log_pattern\n  comparator: "=="\n  threshold: 0\n  files: ${JSON.stringify(files)}\n  pattern: ${JSON.stringify(pattern)}\n  regex: ${regex}`;
const jsonCheck = (file: string) => `- id: ratio\n  name: Ratio\n  type: json_value\n  comparator: "<="\n  threshold: 1\n  file: ${JSON.stringify(file)}\n  path: var_ratio`;

describe('gates: file checks are confined, redacted, linear and cancellable', function () {
  this.timeout(60000);
  let ws: string;
  let elsewhere: string;
  beforeEach(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-confine-ws-'));
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-confine-out-'));
    fs.mkdirSync(path.join(ws, 'artifacts'));
    fs.writeFileSync(path.join(ws, 'rec.json'), JSON.stringify({ format: RECORDING_FORMAT, version: 1, recorded_at: '2026-11-27T00:00:00Z', source: 'none', at: '2026-11-27T00:00:00Z', window_hours: 48, profile: null, variables: {}, exchanges: [] }));
    fs.writeFileSync(path.join(elsewhere, 'secret.log'), '2026-11-26T10:00:00Z ERROR root:x:0:0:root:/root:/bin/bash\n');
  });
  afterEach(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  async function gates(check: string, ...extra: string[]) {
    fs.writeFileSync(path.join(ws, 'g.yaml'), gatesYaml(check));
    const io = captureIO(ws, { AURORA_PROM_TOKEN: TOKEN });
    const code = await runCli(['gates', '--replay', 'rec.json', '--gates', 'g.yaml', '--quiet', ...extra], io, new AbortController().signal);
    return { code, out: io.out, err: io.err };
  }

  for (const [what, file] of [
    ['a relative path with ..', '../../../../../../etc/passwd'],
    ['an absolute path outside', '/etc/passwd'],
  ] as const) {
    it(`refuses ${what}: exit 2 naming the gate, the check and the path, nothing read`, async () => {
      const r = await gates(logCheck([file], 'root'));
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '');
      assert.match(r.err, /gate 'files', check 'errors': .*etc[\\/]passwd.* is outside the workspace .*refused.*--allow-outside-files/);
      assert.doesNotMatch(r.err, /root:x:0/);
    });
  }

  it('refuses a symlink in the workspace that points out, naming where it resolves to', async () => {
    fs.symlinkSync(path.join(elsewhere, 'secret.log'), path.join(ws, 'artifacts', 'app.log'));
    const r = await gates(logCheck(['artifacts/app.log']));
    assert.equal(r.code, 2);
    assert.match(r.err, /artifacts[\\/]app\.log \(resolves to .*secret\.log\) is outside the workspace/);
  });

  it('a glob in the workspace that matches a symlink out is an ERROR of that check, never APPROVED', async () => {
    fs.mkdirSync(path.join(ws, 'logs'));
    fs.symlinkSync(path.join(elsewhere, 'secret.log'), path.join(ws, 'logs', 'run.log'));
    const r = await gates(logCheck(['logs/*.log']));
    const report = JSON.parse(r.out);
    assert.notEqual(report.decision_code, 'APPROVED');
    const check = report.gates[0].checks[0];
    assert.equal(check.outcome, 'ERROR');
    assert.match(check.message, /check 'errors': .*run\.log \(resolves to .*secret\.log\) is outside the workspace/);
    assert.doesNotMatch(r.out, /root:x:0/);
  });

  it('never reads /proc (the environment with AURORA_PROM_TOKEN), even when outside files are allowed', async () => {
    const r = await gates(logCheck(['/proc/self/environ'], 'AURORA'), '--allow-outside-files');
    assert.equal(r.code, 2);
    assert.match(r.err, /\/proc\/self\/environ.* is a kernel pseudo-file/);
    assert.ok(!r.out.includes(TOKEN) && !r.err.includes(TOKEN));
  });

  it('reads outside the workspace when the user allows it', async () => {
    const r = await gates(logCheck([path.join(elsewhere, 'secret.log')]), '--allow-outside-files', '--at', '2026-11-27T00:00:00Z');
    const check = JSON.parse(r.out).gates[0].checks[0];
    assert.equal(check.outcome, 'FAIL');
    assert.equal(check.value, 1);
  });

  it('never quotes a line carrying a secret of the environment; other lines are quoted, bounded', async () => {
    fs.writeFileSync(path.join(ws, 'artifacts', 'app.log'), `2026-11-26T10:00:00Z ERROR auth failed with token ${TOKEN}\n2026-11-26T11:00:00Z ERROR ${'x'.repeat(5000)}\n`);
    const r = await gates(logCheck(['artifacts/app.log']), '--at', '2026-11-27T00:00:00Z');
    assert.ok(!r.out.includes(TOKEN), 'the token is in the report');
    const raw = JSON.parse(r.out).gates[0].checks[0].evidence.raw;
    assert.deepEqual(raw.map((x: { value: string }) => x.value.slice(0, 40)), ['[line not shown: it contains the value o', '2026-11-26T11:00:00Z ERROR xxxxxxxxxxxxx']);
    assert.match(raw[0].value, /AURORA_PROM_TOKEN/);
    assert.ok(raw[1].value.length <= 301);
  });

  it('a json_value error names the file and position, never the content of the file', async () => {
    fs.writeFileSync(path.join(ws, 'artifacts', 'r.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const r = await gates(jsonCheck('artifacts/r.json'));
    const check = JSON.parse(r.out).gates[0].checks[0];
    assert.equal(check.outcome, 'ERROR');
    assert.match(check.message, /Ratio: not valid JSON/);
    assert.doesNotMatch(r.out, /root:x/);
  });

  it('runs ^(a+)+$ in linear time (RE2) and refuses what RE2 cannot run, naming the check', async () => {
    fs.writeFileSync(path.join(ws, 'artifacts', 'app.log'), `${'a'.repeat(30)}b\n${'a'.repeat(5000)}!\n`);
    const r = await gates(logCheck(['artifacts/app.log'], '^(a+)+$', true));
    assert.equal(JSON.parse(r.out).gates[0].checks[0].value, 0);
    const bad = await gates(logCheck(['artifacts/app.log'], '(a)\\1', true));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /gate 'files', check 'errors', pattern: not a regular expression RE2 accepts/);
  });

  it('stops a long log scan on SIGINT: exit 130, no report written', async () => {
    // A 16 GiB sparse log (no disk used): scanning it takes far longer than any test may run.
    const log = path.join(ws, 'artifacts', 'huge.log');
    fs.closeSync(fs.openSync(log, 'w'));
    fs.truncateSync(log, 16 * 1024 ** 3);
    fs.writeFileSync(path.join(ws, 'g.yaml'), gatesYaml(logCheck(['artifacts/huge.log'], 'ERROR.*timeout', true)));
    const cli = spawn(process.execPath, [path.join(process.cwd(), 'dist/cli.js'), 'gates', '--replay', 'rec.json', '--gates', 'g.yaml', '--quiet', '--output', 'out.json'], { cwd: ws });
    let err = '';
    cli.stderr.on('data', (d) => (err += d));
    const closed = new Promise<number | null>((resolve) => cli.on('close', resolve));
    // The scan has begun once the CLI holds the log open.
    const fdDir = `/proc/${cli.pid}/fd`;
    const reading = () => {
      try {
        return fs.readdirSync(fdDir).some((fd) => fs.readlinkSync(path.join(fdDir, fd)) === fs.realpathSync(log));
      } catch {
        return false;
      }
    };
    while (!reading()) await new Promise((r) => setImmediate(r));
    cli.kill('SIGINT');
    assert.equal(await closed, 130, err);
    assert.match(err, /interrupted/);
    assert.equal(fs.existsSync(path.join(ws, 'out.json')), false);
  });
});
