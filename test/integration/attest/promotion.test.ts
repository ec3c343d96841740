// The whole flow with real parts: gates evaluated against a REAL Prometheus with --record, three
// sign-offs signed with SSH keys made by ssh-keygen, `aurora-ga promote` writing the DSSE record,
// `aurora-ga verify` checking it — and every signature checked again independently (ssh-keygen -Y
// verify for sign-offs, openssl pkeyutl -verify -rawin for DSSE). Then one byte at a time is
// changed, and verify must fail naming what changed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { pae, rawSigner, signEnvelope } from '../../../src/core/attest/dsse';
import { systemSshKeygen } from '../../../src/core/attest/sshKeygen';
import { signingPublicKey } from '../../../src/core/attest/trust';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { ROLES } from '../../../src/core/checklist/messages';
import { emptyState } from '../../../src/core/checklist/state';
import { gatesHistory, SHIPPED_ALERT_RULES, writeWorkspace } from '../../support/gatesHistory';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../../support/prometheus';
import { makeWorkspace, rm } from '../../unit/checklist/workspace';
import { captureIO } from '../../unit/gates/cliIO';
import { PEOPLE, rmKeys, setUpSigners } from '../../unit/attest/signers';

const END = Math.floor(Date.now() / 60_000) * 60;
const CONFIG = 'profiles:\n  default:\n    ci_gating:\n      enabled: true\n      hard_override: force_off\n';

async function cli(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIO(root, { PATH: process.env.PATH, HOME: process.env.HOME, ...env });
  const code = await runCli(args, io, AbortSignal.timeout(60_000));
  return { code, out: io.out, err: io.err };
}

/**
 * The PEM of an ssh-ed25519 public key, built here from the .pub line (ssh-keygen 9.2 cannot export
 * Ed25519 as PKCS8): the SPKI prefix of RFC 8410 and the key's last 32 bytes.
 */
function ed25519Pem(pubLine: string): string {
  const blob = Buffer.from(pubLine.split(' ')[1], 'base64');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), blob.subarray(blob.length - 32)]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

/** Flips one byte (the one at `at`, default the middle) of a file; returns a function that puts it back. */
function flip(file: string, at?: (text: string) => number): () => void {
  const bytes = fs.readFileSync(file);
  const i = at ? at(bytes.toString('latin1')) : Math.floor(bytes.length / 2);
  const changed = Buffer.from(bytes);
  changed[i] = changed[i] === 0x30 ? 0x31 : 0x30;
  fs.writeFileSync(file, changed);
  return () => fs.writeFileSync(file, bytes);
}

describe('promotion record: sign, promote, verify with real keys and a real Prometheus', function () {
  this.timeout(120_000);
  let prom: RunningServer;
  let root: string;
  let keys: ReturnType<typeof setUpSigners>;
  const record = () => path.join(root, 'artifacts/ga/promotion.dsse.json');

  before(async () => {
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END })), ruleFiles: [SHIPPED_ALERT_RULES()] });
    root = makeWorkspace();
    writeWorkspace(root, { end: END });
    keys = setUpSigners(root);
    fs.mkdirSync(path.join(root, 'living_latent/cfg'), { recursive: true });
    fs.writeFileSync(path.join(root, 'living_latent/cfg/master.yaml'), CONFIG);
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/aurora-0.4.0.tar.gz'), 'release bytes\n');
    const state = emptyState();
    for (const item of ALL_ITEMS) if (!item.auto) state.items[item.id] = { checked: true, note: '', updated_at: '2026-11-27T00:00:00Z' };
    state.header.target_version = '0.4.0';
    fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), JSON.stringify(state));
    const gates = await cli(root, ['gates', '--prometheus-url', prom.url, '--at', String(END), '--quiet', '--record', 'artifacts/ga/gates_recording.json', '--output', 'artifacts/ga/gates_report.json']);
    assert.equal(gates.code, 0, gates.err);
  });
  after(async () => {
    await prom?.stop();
    rmKeys(root);
    rm(root);
  });

  it('the live report cites its recording by digest', () => {
    const report = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/gates_report.json'), 'utf8'));
    const rec = fs.readFileSync(path.join(root, 'artifacts/ga/gates_recording.json'));
    assert.equal(report.recording.file, 'artifacts/ga/gates_recording.json');
    assert.equal(report.recording.sha256, execFileSync('sha256sum', ['-b'], { input: rec }).toString().split(' ')[0]);
  });

  it('promote refuses while sign-offs are missing, and writes nothing', async () => {
    const r = await cli(root, ['promote', '--version', '0.4.0', '--key', keys.release_manager]);
    assert.equal(r.code, 1);
    assert.match(r.err, /Sign-off missing: Release Manager/);
    assert.equal(fs.readFileSync(path.join(root, 'VERSION'), 'utf8'), '0.4.0-rc1\n');
    assert.equal(fs.existsSync(record()), false);
  });

  it('signs as each role from the CLI; the checklist becomes GO', async () => {
    for (const role of ROLES) {
      const r = await cli(root, ['checklist', 'sign', '--role', role, '--key', keys[role]]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`signed by ${PEOPLE[role].replace('.', '\\.')}`));
    }
    const c = await cli(root, ['checklist', '--format', 'json']);
    assert.equal(c.code, 0, c.err);
    assert.equal(JSON.parse(c.out).decision.decision, 'GO');
  });

  it('promote --dry-run verifies the record and writes nothing', async () => {
    const r = await cli(root, ['promote', '--version', '0.4.0', '--dry-run', '--artifact', 'dist/aurora-0.4.0.tar.gz']);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(root, 'VERSION'), 'utf8'), '0.4.0-rc1\n');
    assert.equal(fs.existsSync(record()), false);
  });

  it('promote writes VERSION, hard_override and a signed in-toto record; verify says VERIFIED (exit 0)', async () => {
    const r = await cli(root, ['promote', '--version', '0.4.0', '--key', keys.release_manager, '--artifact', 'dist/aurora-0.4.0.tar.gz', '--artifact', `registry.example/aurora@sha256:${'c'.repeat(64)}`]);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(root, 'VERSION'), 'utf8'), '0.4.0\n');
    assert.match(fs.readFileSync(path.join(root, 'living_latent/cfg/master.yaml'), 'utf8'), /hard_override: auto/);
    const env = JSON.parse(fs.readFileSync(record(), 'utf8'));
    assert.equal(env.payloadType, 'application/vnd.in-toto+json');
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
    assert.equal(st._type, 'https://in-toto.io/Statement/v1');
    assert.deepEqual(st.subject.map((s: { name: string }) => s.name), ['dist/aurora-0.4.0.tar.gz', 'registry.example/aurora', 'VERSION', 'configs/profiles/r2.lock.json', 'configs/profiles/smoke.lock.json']);
    assert.equal(st.predicate.decision, 'GO');
    assert.equal(st.predicate.evaluation.decision_code, 'APPROVED');
    assert.equal(st.predicate.signoffs.length, 3);
    assert.equal(st.predicate.gates.length, 5);
    const vsaEnv = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/promotion.vsa.dsse.json'), 'utf8'));
    const vsa = JSON.parse(Buffer.from(vsaEnv.payload, 'base64').toString('utf8'));
    assert.equal(vsa.predicateType, 'https://slsa.dev/verification_summary/v1');
    assert.equal(vsa.predicate.verificationResult, 'PASSED');
    assert.deepEqual(vsa.predicate.verifiedLevels, ['AURORA_GA_GATES_APPROVED', 'AURORA_GA_CHECKLIST_GO']);
    const v = await cli(root, ['verify', record()]);
    assert.equal(v.code, 0, v.out + v.err);
    assert.match(v.out, /✔ record signatures[\s\S]*✔ subjects[\s\S]*✔ evidence files[\s\S]*✔ report consistency[\s\S]*✔ sign-offs[\s\S]*✔ decision re-derived[\s\S]*VERIFIED/);
  });

  it('the DSSE signature verifies independently with openssl (Ed25519 over PAE); each sign-off with ssh-keygen -Y verify', () => {
    const env = JSON.parse(fs.readFileSync(record(), 'utf8'));
    const dir = fs.mkdtempSync(path.join(root, '..', 'openssl-'));
    try {
      fs.writeFileSync(path.join(dir, 'pae.bin'), pae(env.payloadType, Buffer.from(env.payload, 'base64')));
      fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(env.signatures[0].sig, 'base64'));
      fs.writeFileSync(path.join(dir, 'pub.pem'), ed25519Pem(fs.readFileSync(`${keys.release_manager}.pub`, 'utf8')));
      const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', path.join(dir, 'pae.bin'), '-sigfile', path.join(dir, 'sig.bin')]).toString();
      assert.match(out, /Signature Verified Successfully/);
      // The PAE is built as DSSE says, so a wrong payloadType fails openssl too.
      fs.writeFileSync(path.join(dir, 'pae.bin'), pae('application/json', Buffer.from(env.payload, 'base64')));
      assert.throws(() => execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', path.join(dir, 'pae.bin'), '-sigfile', path.join(dir, 'sig.bin')], { stdio: 'pipe' }));
      const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
      for (const s of st.predicate.signoffs) {
        fs.writeFileSync(path.join(dir, 's.sig'), s.signature.sig);
        const ok = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', path.join(root, '.aurora/allowed_signers'), '-I', s.principal, '-n', 'aurora-ga-signoff', '-s', path.join(dir, 's.sig')], { input: Buffer.from(s.signature.payload, 'base64') }).toString();
        assert.match(ok, /Good "aurora-ga-signoff" signature/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const cases: [string, () => string, RegExp][] = [
    ['the record', () => record(), /✖ record[\s\S]*✖ record signatures[\s\S]*bad signature for key SHA256:/],
    ['the gate report', () => path.join(root, 'artifacts/ga/gates_report.json'), /✖ evidence files[\s\S]*gate report artifacts\/ga\/gates_report\.json changed/],
    ['a lock', () => path.join(root, 'configs/profiles/smoke.lock.json'), /✖ subjects[\s\S]*configs\/profiles\/smoke\.lock\.json: SHA-256[\s\S]*✖ evidence files[\s\S]*lock configs\/profiles\/smoke\.lock\.json changed/],
    ['the recording', () => path.join(root, 'artifacts/ga/gates_recording.json'), /✖ evidence files[\s\S]*recording artifacts\/ga\/gates_recording\.json changed[\s\S]*✖ report consistency[\s\S]*the recording artifacts\/ga\/gates_recording\.json changed/],
    ['a sign-off in the checklist state', () => path.join(root, 'artifacts/ga/checklist.json'), /✖ evidence files[\s\S]*checklist artifacts\/ga\/checklist\.json changed/],
    ['a released artifact', () => path.join(root, 'dist/aurora-0.4.0.tar.gz'), /✖ subjects[\s\S]*dist\/aurora-0\.4\.0\.tar\.gz: SHA-256/],
  ];
  for (const [what, file, expected] of cases) {
    it(`flipping one byte of ${what} makes verify fail (exit 1) and name it`, async () => {
      const f = file();
      const restore = flip(f, what.startsWith('a sign-off') ? (t) => t.indexOf('"sig": "') + 60 : what === 'the record' ? (t) => t.indexOf('"payload": "') + 200 : undefined);
      try {
        const v = await cli(root, ['verify', record()]);
        assert.equal(v.code, 1, v.out);
        assert.match(v.out, expected);
        assert.match(v.out, /NOT VERIFIED/);
      } finally {
        restore();
      }
      assert.equal((await cli(root, ['verify', record()])).code, 0, 'restored');
    });
  }

  it('a sign-off whose signature bytes change in the record (record re-signed by the promoter) fails as a sign-off', async () => {
    const env = JSON.parse(fs.readFileSync(record(), 'utf8'));
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
    const payload = JSON.parse(Buffer.from(st.predicate.signoffs[1].signature.payload, 'base64').toString('utf8'));
    payload.decision.gates = 'BLOCKED';
    st.predicate.signoffs[1].signature.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
    const signal = AbortSignal.timeout(10_000);
    const signer = await rawSigner(keys.release_manager, process.env, signal, await signingPublicKey(keys.release_manager, systemSshKeygen(), signal));
    const forged = path.join(root, '..', `${path.basename(root)}-forged.json`);
    fs.writeFileSync(forged, JSON.stringify(await signEnvelope(Buffer.from(JSON.stringify(st)), env.payloadType, [signer], signal)));
    try {
      const v = await cli(root, ['verify', forged, '--format', 'json']);
      assert.equal(v.code, 1);
      const steps = JSON.parse(v.out).steps as { name: string; ok: boolean; details: string[] }[];
      assert.deepEqual(steps.filter((s) => !s.ok).map((s) => s.name), ['sign-offs']);
      assert.match(steps.find((s) => s.name === 'sign-offs')!.details.join('\n'), /SRE Lead \(bob@example\.com\): the signature does not verify/);
    } finally {
      fs.rmSync(forged, { force: true });
    }
  });

  it('verify replays the recorded responses: a report whose artifacts changed since is re-derived differently and named', async () => {
    const restore = flip(path.join(root, 'artifacts/dcts_audit/report.json'), (t) => t.indexOf('"var_ratio": 0.5') + 14);
    try {
      const v = await cli(root, ['verify', record()]);
      assert.equal(v.code, 1);
      assert.match(v.out, /✖ decision re-derived[\s\S]*dcts\/[a-z_]+: reported PASS \(0\.5/);
    } finally {
      restore();
    }
  });
});
