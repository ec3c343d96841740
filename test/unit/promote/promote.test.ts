import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { ROLES } from '../../../src/core/checklist/messages';
import { updateChecklist } from '../../../src/core/checklist/session';
import { emptyState } from '../../../src/core/checklist/state';
import { applyPromotion, planPromotion } from '../../../src/core/promote/plan';
import type { InputError } from '../../../src/core/util/errors';
import { captureIO } from '../cli/main.test';
import { loadOptions, makeWorkspace, rm } from '../checklist/workspace';

const signal = new AbortController().signal;
const CONFIG = 'profiles:\n  default:\n    ci_gating:\n      enabled: true\n      hard_override: force_off  # set by promotion\n';

/** A workspace the checklist decides GO for: live evidence, every manual item ticked, three sign-offs on the current hashes. */
async function goWorkspace(): Promise<string> {
  const root = makeWorkspace();
  const state = emptyState();
  for (const item of ALL_ITEMS) if (!item.auto) state.items[item.id] = { checked: true, note: '', updated_at: '2026-11-27T00:00:00Z' };
  fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), JSON.stringify(state));
  for (const role of ROLES) await updateChecklist(root, loadOptions, { type: 'signOff', role, name: `${role} signer` }, signal);
  fs.mkdirSync(path.join(root, 'living_latent/cfg'), { recursive: true });
  fs.writeFileSync(path.join(root, 'living_latent/cfg/master.yaml'), CONFIG);
  return root;
}

function snapshot(root: string): Record<string, string> {
  const files = ['VERSION', 'living_latent/cfg/master.yaml', 'artifacts/ga/decision.json'];
  return Object.fromEntries(files.map((f) => [f, fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), 'utf8') : '(none)']));
}

describe('promote', function () {
  this.timeout(20000);
  let root: string;
  beforeEach(async () => {
    root = await goWorkspace();
  });
  afterEach(() => rm(root));

  it('on a live GO writes VERSION, hard_override: auto (comment kept) and a decision record naming the evidence', async () => {
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0'], io, signal), 0, io.err);
    assert.equal(fs.readFileSync(path.join(root, 'VERSION'), 'utf8'), '0.4.0\n');
    assert.equal(fs.readFileSync(path.join(root, 'living_latent/cfg/master.yaml'), 'utf8'), CONFIG.replace('force_off', 'auto'));
    const record = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/decision.json'), 'utf8'));
    assert.equal(record.decision, 'GO');
    assert.deepEqual(record.version, { from: '0.4.0-rc1', to: '0.4.0' });
    assert.equal(record.gate_report.data_mode, 'live');
    assert.match(record.gate_report.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(record.signoffs.map((s: { role: string }) => s.role), ['release_manager', 'sre_lead', 'product_owner']);
    assert.ok(record.signoffs.every((s: { gate_report_sha256: string }) => s.gate_report_sha256 === record.gate_report.sha256));
    assert.deepEqual(record.locks.profiles.map((p: { status: string }) => p.status), ['valid', 'valid']);
    assert.match(io.out, /written: VERSION, living_latent\/cfg\/master\.yaml, artifacts\/ga\/decision\.json/);
  });

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

  it('--dry-run shows the changes and writes nothing', async () => {
    const before = snapshot(root);
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0', '--dry-run'], io, signal), 0, io.err);
    assert.deepEqual(snapshot(root), before);
    assert.match(io.out, /Dry run: promoting to 0\.4\.0 would change:/);
    assert.match(io.out, /VERSION 0\.4\.0-rc1 → 0\.4\.0/);
    assert.match(io.out, /5- {7}hard_override: force_off {2}# set by promotion\n {4}5\+ {7}hard_override: auto {2}# set by promotion/);
  });

  it('refuses when the checklist is not GO (a sign-off missing → CONDITIONAL) and says why', async () => {
    const state = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/checklist.json'), 'utf8'));
    delete state.signoffs.product_owner;
    fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), JSON.stringify(state));
    const before = snapshot(root);
    const io = captureIO(root);
    assert.equal(await runCli(['promote', '--version', '0.4.0'], io, signal), 1);
    assert.deepEqual(snapshot(root), before);
    assert.match(io.err, /refused — nothing was written/);
    assert.match(io.err, /the checklist decides CONDITIONAL, not GO:\n\s+- Sign-off missing: Product Owner/);
  });

  for (const mode of ['demo', 'replay']) {
    it(`refuses a gate report from ${mode} data`, async () => {
      const file = path.join(root, 'artifacts/ga/gates_report.json');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"data_mode": "live"', `"data_mode": "${mode}"`));
      const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
      assert.equal(plan.allowed, false);
      assert.ok(!plan.allowed && plan.reasons[0].includes(`the gate report is ${mode.toUpperCase()} data`), JSON.stringify(plan));
    });
  }

  it('refuses demo canary runs', async () => {
    const file = path.join(root, 'artifacts/canary_results.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"data_mode": "live"', '"data_mode": "demo"'));
    const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
    assert.ok(!plan.allowed && plan.reasons.some((r) => /canary results are DEMO runs/.test(r)));
  });

  it('refuses once the gate report changed after the sign-offs (stale)', async () => {
    const file = path.join(root, 'artifacts/ga/gates_report.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"window_hours": 48', '"window_hours": 47'));
    const plan = await planPromotion(root, { ...loadOptions, version: '0.4.0', toolVersion: 't' }, signal);
    assert.ok(!plan.allowed && plan.reasons.filter((r) => /Sign-off stale/.test(r)).length === 3);
  });

  it('refuses a version that is not semantic, a pre-release, another version than the checklist\'s target, and a missing runtime config', async () => {
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
});
