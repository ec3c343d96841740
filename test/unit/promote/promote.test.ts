import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { ROLES } from '../../../src/core/checklist/messages';
import { evaluateChecklist } from '../../../src/core/checklist/session';
import { emptyState } from '../../../src/core/checklist/state';
import { applyPromotion, planPromotion } from '../../../src/core/promote/plan';
import { bundledConfig } from '../../../src/core/util/packageRoot';
import { makeKey, PEOPLE, pub, rmKeys, setUpSigners, signAs } from '../attest/signers';
import type { InputError } from '../../../src/core/util/errors';
import { captureIO } from '../cli/main.test';
import { loadOptions, makeWorkspace, rm } from '../checklist/workspace';

// Refusals of `aurora-ga promote` (the successful flow, with a real Prometheus, is
// test/integration/attest/promotion.test.ts): each breaks a GO workspace in exactly one way, and
// nothing is ever written.
const signal = new AbortController().signal;
const CONFIG = 'profiles:\n  default:\n    ci_gating:\n      enabled: true\n      hard_override: force_off  # set by promotion\n';
const WATCHED = ['VERSION', 'living_latent/cfg/master.yaml', 'artifacts/ga/decision.json', 'artifacts/ga/promotion.dsse.json', 'artifacts/ga/promotion.vsa.dsse.json'];

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(WATCHED.map((f) => [f, fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), 'utf8') : '(none)']));
}

const stateFile = (root: string) => path.join(root, 'artifacts/ga/checklist.json');
const readState = (root: string) => JSON.parse(fs.readFileSync(stateFile(root), 'utf8'));

describe('promote refuses, and writes nothing', function () {
  this.timeout(30000);
  let root: string;
  let keys: ReturnType<typeof setUpSigners>;

  /** Every manual item ticked and three SSH-signed sign-offs: the checklist decides GO. */
  async function goWorkspace(policyExtra = ''): Promise<void> {
    root = makeWorkspace();
    keys = setUpSigners(root, policyExtra);
    const state = emptyState();
    for (const item of ALL_ITEMS) if (!item.auto) state.items[item.id] = { checked: true, note: '', updated_at: '2026-11-27T00:00:00Z' };
    fs.writeFileSync(stateFile(root), JSON.stringify(state));
    for (const role of ROLES) await signAs(root, role, keys[role], signal);
    fs.mkdirSync(path.join(root, 'living_latent/cfg'), { recursive: true });
    fs.writeFileSync(path.join(root, 'living_latent/cfg/master.yaml'), CONFIG);
  }

  it('writes nothing when a file changed between planning and writing (another window, an editor)', async () => {
    const dir = makeWorkspace();
    const changes = [
      { file: 'VERSION', summary: [], before: '0.4.0-rc1\n', after: '0.4.0\n' },
      { file: 'artifacts/ga/decision.json', summary: [], before: null, after: '{}\n' },
    ];
    fs.writeFileSync(path.join(dir, 'VERSION'), '0.4.1-rc1\n');
    await assert.rejects(applyPromotion(dir, changes), (e: InputError) => /^VERSION: changed since the promotion was planned; nothing was written/.test(e.format()));
    assert.equal(fs.readFileSync(path.join(dir, 'VERSION'), 'utf8'), '0.4.1-rc1\n');
    assert.equal(fs.existsSync(path.join(dir, 'artifacts/ga/decision.json')), false);
    fs.writeFileSync(path.join(dir, 'VERSION'), '0.4.0-rc1\n');
    assert.deepEqual(await applyPromotion(dir, changes), ['VERSION', 'artifacts/ga/decision.json']);
    rm(dir);
  });

  async function refused(pattern: RegExp): Promise<void> {
    const before = snapshot(root);
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0', '--key', keys.release_manager], io, signal), 1, io.err);
    assert.deepEqual(snapshot(root), before);
    assert.match(io.err, /refused — nothing was written/);
    assert.match(io.err, pattern);
  }

  const decision = async () => (await evaluateChecklist(root, loadOptions, signal)).view.decision.decision;

  beforeEach(() => goWorkspace());
  afterEach(() => {
    rmKeys(root);
    rm(root);
  });

  it('starts from a GO checklist (three verified signatures)', async () => {
    assert.equal(await decision(), 'GO');
  });

  it('when a sign-off is missing (CONDITIONAL) and says why', async () => {
    const s = readState(root);
    delete s.signoffs.product_owner;
    fs.writeFileSync(stateFile(root), JSON.stringify(s));
    await refused(/the checklist decides CONDITIONAL, not GO:\n\s+- Sign-off missing: Product Owner/);
  });

  it('without --key: the record must be signed', async () => {
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0'], io, signal), 1);
    assert.match(io.err, /the promotion record must be signed: pass --key FILE/);
    assert.equal(fs.readFileSync(path.join(root, 'VERSION'), 'utf8'), '0.4.0-rc1\n');
  });

  for (const mode of ['demo', 'replay']) {
    it(`when the report is relabelled ${mode} (its source still live): the report contradicts itself`, async () => {
      const file = path.join(root, 'artifacts/ga/gates_report.json');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"data_mode": "live"', `"data_mode": "${mode}"`));
      const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
      assert.ok(!plan.allowed && plan.reasons[0].includes(`data_mode is ${mode}, but the source is http://127.0.0.1:9090`), JSON.stringify(!plan.allowed && plan.reasons));
    });
  }

  it('a demo report relabelled live / APPROVED (the issue\'s forgery) is not GO and never promotes', async () => {
    const io = captureIO(root);
    assert.equal(await runCli(['gates', '--demo', '--quiet', '--output', 'artifacts/ga/gates_report.json'], io, signal), 1, io.err);
    const file = path.join(root, 'artifacts/ga/gates_report.json');
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    Object.assign(r, { data_mode: 'live', decision_code: 'APPROVED', decision: '✅ GA PROMOTION APPROVED - All gates passed', overall_status: 'PASS', ga_status: 'PASS', promotable: true, exit_code: 0 });
    for (const g of r.gates) {
      g.status = 'PASS';
      for (const c of g.checks) Object.assign(c, { outcome: 'PASS', counts_as: 'PASS' });
    }
    fs.writeFileSync(file, JSON.stringify(r, null, 2));
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.equal(c.view.decision.decision, 'NO-GO');
    assert.equal(c.inputs.gates.state, 'error');
    const detail = c.inputs.gates.state === 'error' ? c.inputs.gates.detail : '';
    assert.match(detail, /data_mode is live, but the source is a demo/);
    assert.match(detail, /check rel_diff_p95: 0\.249779 <= 0\.15 is FAIL, the report says PASS/);
    // Signing the forged report is refused too: it does not count, so there is nothing to approve.
    await assert.rejects(signAs(root, 'sre_lead', keys.sre_lead, signal), /no gate report that counts/);
    await refused(/the gate report does not count/);
  });

  it('"Mallory" hand-writing checklist.json with the printed hashes for all three roles is not GO', async () => {
    const io = captureIO(root);
    await runCli(['checklist', '--format', 'json'], io, signal);
    const fp = JSON.parse(io.out).fingerprint;
    const s = readState(root);
    for (const role of ROLES) s.signoffs[role] = { name: 'Mallory', role, time: new Date().toISOString(), gate_report_sha256: fp.gateReportSha256, locks_sha256: fp.locksSha256 };
    fs.writeFileSync(stateFile(root), JSON.stringify(s, null, 2));
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.equal(c.view.decision.decision, 'CONDITIONAL');
    assert.deepEqual(c.view.signoffs.map((x) => [x.signature, x.counts]), [['unsigned', false], ['unsigned', false], ['unsigned', false]]);
    assert.match(c.view.decision.deciding.map((d) => d.text).join('\n'), /Sign-off does not count: Release Manager \(Mallory\) — not signed: a name only/);
    await refused(/Sign-off does not count: SRE Lead \(Mallory\)/);
  });

  it('a forged sign-off: someone else\'s signature block copied under another name does not verify', async () => {
    const s = readState(root);
    s.signoffs.product_owner.name = 'mallory@example.com';
    fs.writeFileSync(stateFile(root), JSON.stringify(s, null, 2));
    const po = (await evaluateChecklist(root, loadOptions, signal)).view.signoffs[2];
    assert.deepEqual([po.signature, po.counts], ['invalid', false]);
    assert.match(po.signatureDetail, /the sign-off's name differs from what was signed/);
    await refused(/Sign-off does not count: Product Owner/);
  });

  it('a key not in allowed_signers: refused before signing; a signature made with it anyway does not count', async () => {
    const stranger = makeKey(path.join(root, '..', `${path.basename(root)}-keys`), 'stranger');
    await assert.rejects(signAs(root, 'sre_lead', stranger, signal), /the key SHA256:\S+ is not in allowed_signers/);
    // Signed by hand with ssh-keygen, bypassing Aurora's check: verification still refuses it.
    const s = readState(root);
    const payload = Buffer.from(s.signoffs.sre_lead.signature.payload, 'base64');
    s.signoffs.sre_lead.signature.sig = execFileSync('ssh-keygen', ['-Y', 'sign', '-q', '-n', 'aurora-ga-signoff', '-f', stranger], { input: payload }).toString();
    fs.writeFileSync(stateFile(root), JSON.stringify(s, null, 2));
    const sre = (await evaluateChecklist(root, loadOptions, signal)).view.signoffs[1];
    assert.deepEqual([sre.signature, sre.counts], ['invalid', false]);
    assert.match(sre.signatureDetail, /does not verify for bob@example\.com against allowed_signers/);
    await refused(/Sign-off does not count: SRE Lead/);
  });

  it('a key listed in allowed_signers for another namespace only (e.g. git) does not sign off', async () => {
    const gitOnly = makeKey(path.join(root, '..', `${path.basename(root)}-keys`), 'git-only');
    fs.appendFileSync(path.join(root, '.aurora/allowed_signers'), `dave@example.com namespaces="git" ${pub(gitOnly)}\n`);
    fs.writeFileSync(path.join(root, '.aurora/policy.yaml'), fs.readFileSync(path.join(root, '.aurora/policy.yaml'), 'utf8').replace(`sre_lead: [${PEOPLE.sre_lead}]`, `sre_lead: [${PEOPLE.sre_lead}, dave@example.com]`));
    await assert.rejects(signAs(root, 'sre_lead', gitOnly, signal), /is not in allowed_signers/);
  });

  it('one principal in two roles: the second role does not count (policy default), with the reason', async () => {
    fs.writeFileSync(path.join(root, '.aurora/policy.yaml'), fs.readFileSync(path.join(root, '.aurora/policy.yaml'), 'utf8').replace(`sre_lead: [${PEOPLE.sre_lead}]`, `sre_lead: [${PEOPLE.sre_lead}, ${PEOPLE.release_manager}]`));
    await signAs(root, 'sre_lead', keys.release_manager, signal);
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.equal(c.view.decision.decision, 'CONDITIONAL');
    assert.match(c.view.signoffs[1].signatureDetail, /alice@example\.com already signs as Release Manager; the policy allows one role per principal/);
    await refused(/Sign-off does not count: SRE Lead \(alice@example\.com\)/);
  });

  it('once the gate report changed after the sign-offs (stale)', async () => {
    const file = path.join(root, 'artifacts/ga/gates_report.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"next_steps": []', '"next_steps": ["Deploy"]'));
    const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
    assert.ok(!plan.allowed && plan.reasons.filter((r) => /Sign-off stale/.test(r)).length === 3, JSON.stringify(!plan.allowed && plan.reasons));
  });

  it('demo canary runs', async () => {
    const file = path.join(root, 'artifacts/canary_results.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"data_mode": "live"', '"data_mode": "demo"'));
    const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
    assert.ok(!plan.allowed && plan.reasons.some((r) => /canary results are DEMO runs/.test(r)));
  });

  it('a version that is not semantic, a pre-release, another version than the checklist\'s target, and a missing runtime config', async () => {
    const bad = await planPromotion(root, { ...loadOptions, version: 'v0.4', toolVersion: 't' }, signal);
    assert.ok(!bad.allowed && /not a semantic version/.test(bad.reasons[0]));
    const pre = await planPromotion(root, { ...loadOptions, version: '0.4.0-rc2', toolVersion: 't' }, signal);
    assert.ok(!pre.allowed && /is a pre-release/.test(pre.reasons[0]));
    const other = await planPromotion(root, { ...loadOptions, version: '0.5.0', toolVersion: 't' }, signal);
    assert.ok(!other.allowed && other.reasons[0] === "--version 0.5.0 is not the checklist's Target GA Version 0.4.0", JSON.stringify(other));
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0', '--runtime-config', 'nope.yaml'], io, signal), 1);
    assert.match(io.err, /runtime config not found: nope\.yaml/);
    const usage = captureIO(root);
    assert.equal(await runCli(['promote'], usage, signal), 2);
    assert.match(usage.err, /--version is required/);
  });

  it('when the record does not verify: here the decision cannot be re-derived by replaying the recording (it lacks the responses)', async () => {
    const file = path.join(root, 'artifacts/ga/gates_report.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), gates_file: bundledConfig('gates', 'aurora-ga.yaml') }, null, 2));
    for (const role of ROLES) await signAs(root, role, keys[role], signal);
    assert.equal(await decision(), 'GO');
    await refused(/the promotion record does not verify, so nothing was written:[\s\S]*✖ decision re-derived[\s\S]*stability\/violations: reported PASS \(0 == 0, counts PASS\), replay/);
  });
});
