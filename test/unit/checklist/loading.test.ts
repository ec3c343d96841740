// Reading the checklist's sources from a workspace on disk (load.ts) and the session's update and
// sign-off flow (session.ts) around them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { approvedEvaluation, type SignoffSignature } from '../../../src/core/attest/signoff';
import { SIGNOFF_NAMESPACE } from '../../../src/core/attest/policy';
import { sha256 } from '../../../src/core/checklist/fingerprint';
import { loadInputs, type LoadOptions } from '../../../src/core/checklist/load';
import { ChecklistSession, evaluateChecklist, signingWarnings, signoffPayload, updateChecklist } from '../../../src/core/checklist/session';
import { checkWorkspaceLocks } from '../../../src/core/lock';
import { InputError } from '../../../src/core/util/errors';
import { gateReport } from './fixtures';
import { makeWorkspace, rm } from './workspace';

const signal = new AbortController().signal;
const GATES = 'artifacts/ga/gates_report.json';
const CANARY = 'artifacts/canary_results.json';
const AUDIT = 'artifacts/dcts_audit/report.json';
const LOCKS = 'profile locks in the workspace';
const untrustedRun: LoadOptions = { lockChecker: checkWorkspaceLocks, runReadiness: false };

describe('checklist sources read from the workspace', () => {
  let root: string;
  const file = (rel: string) => path.join(root, rel);
  beforeEach(() => {
    root = makeWorkspace();
  });
  afterEach(() => rm(root));

  it('reads every source, keeping the gate report\'s SHA-256 and the VERSION, and does not run readiness in an untrusted workspace', async () => {
    const i = await loadInputs(root, untrustedRun, signal);
    assert.equal(i.gates.state, 'ok');
    assert.deepEqual([i.gates.where, i.gates.file], [GATES, GATES]);
    assert.equal(i.gateReportSha256, sha256(fs.readFileSync(file(GATES))));
    assert.equal(i.canary.state === 'ok' && i.canary.value.config.profile, 'configs/profiles/r2.yaml');
    assert.equal(i.locks.state, 'ok');
    assert.equal(i.locks.where, LOCKS);
    assert.deepEqual(i.locks.state === 'ok' && i.locks.value.results.map((l) => [l.profile, l.status]), [['configs/profiles/r2.yaml', 'valid'], ['configs/profiles/smoke.yaml', 'valid']]);
    assert.match(i.locks.state === 'ok' ? i.locks.value.sha256 : '', /^[0-9a-f]{64}$/);
    assert.deepEqual(i.readiness, { state: 'error', where: 'readiness checks', detail: 'not run: the workspace is not trusted (readiness runs git and promtool in it)' });
    assert.equal(i.version, '0.4.0-rc1');
  });

  it('reads the DCTS audit\'s verdict and reasons, judging a report of the original tool (no status) by the default thresholds', async () => {
    const stats = { n: 50, mean: 1, std: 0.5 };
    const ours = { counts: { base: 50, robust: 50 }, base: stats, robust: stats, min: stats, grid_stats: {}, var_ratio: null, robust_is_min_fraction: 0.5, status: 'WARN', reasons: ['few grid points', 'one file skipped'], thresholds: { max_var_ratio: 0.85, min_robust_samples: 30 }, inputs: [], skipped: [], ignored_values: [], generated_at: '2026-11-27T00:00:00Z', schema_version: 1 };
    fs.writeFileSync(file(AUDIT), JSON.stringify(ours));
    assert.deepEqual((await loadInputs(root, untrustedRun, signal)).audit, { where: AUDIT, file: AUDIT, state: 'ok', value: { status: 'WARN', details: ['few grid points', 'one file skipped'] } });
    const original = { counts: { base: 50, robust: 50 }, base: stats, robust: { n: 50, mean: 1, std: 0.3 }, min: stats, grid_stats: {}, var_ratio: 0.36, robust_is_min_fraction: 0.5 };
    fs.writeFileSync(file(AUDIT), JSON.stringify(original));
    const judged = (await loadInputs(root, untrustedRun, signal)).audit;
    assert.equal(judged.state === 'ok' && judged.value.status, 'PASS');
    assert.deepEqual(judged.state === 'ok' && judged.value.details.slice(0, 2), ['var_ratio 0.36', 'original report without a status: judged against the default thresholds']);
  });

  it('runs readiness in a trusted workspace: a source with no file of its own', async () => {
    const i = await loadInputs(root, { lockChecker: checkWorkspaceLocks }, signal);
    assert.equal(i.readiness.state, 'ok');
    assert.equal(i.readiness.where, 'readiness checks');
    assert.equal('file' in i.readiness, false);
    assert.deepEqual(i.readiness.state === 'ok' && i.readiness.value.results.find((r) => r.id === 'profiles_locks')?.passed, true, 'readiness is given the lock results');
  });

  it('keeps a missing file apart from an unreadable one, and no VERSION as none', async () => {
    fs.rmSync(file(CANARY));
    fs.rmSync(file(GATES));
    fs.rmSync(file('VERSION'));
    fs.writeFileSync(file(AUDIT), '{ "status": ');
    const i = await loadInputs(root, untrustedRun, signal);
    assert.deepEqual(i.canary, { where: CANARY, file: CANARY, state: 'missing', detail: 'not found' });
    assert.deepEqual(i.gates, { where: GATES, file: GATES, state: 'missing', detail: 'not found' });
    assert.equal(i.gateReportSha256, null);
    assert.equal(i.audit.state, 'error');
    assert.match(i.audit.state === 'error' ? i.audit.detail : '', /^.*report\.json:1:\d+: /);
    assert.equal(i.version, null);
    fs.mkdirSync(file('VERSION'));
    assert.equal((await loadInputs(root, untrustedRun, signal)).version, null, 'an unreadable VERSION is none too');
  });

  it('does not count a live report without its recording, or one that contradicts itself, and says why', async () => {
    const live = { ...gateReport() };
    fs.writeFileSync(file(GATES), JSON.stringify(live));
    const i = await loadInputs(root, untrustedRun, signal);
    assert.equal(i.gates.state, 'error');
    assert.match(i.gates.state === 'error' ? i.gates.detail : '', /^artifacts\/ga\/gates_report\.json: the gate report does not count: a live report must cite its recorded raw responses/);

    // Its own contradictions are the reason given; its recording is not looked at then.
    const contradicting = gateReport();
    contradicting.gates[0].checks[0] = { ...contradicting.gates[0].checks[0], value: 3, evidence: { ...contradicting.gates[0].checks[0].evidence } };
    contradicting.gates[1].checks[0] = { ...contradicting.gates[1].checks[0], value: 0.9 };
    fs.writeFileSync(file(GATES), JSON.stringify(contradicting));
    const c = await loadInputs(root, untrustedRun, signal);
    assert.equal(c.gates.state === 'error' && c.gates.detail, `${GATES}: the gate report does not count: gate 1 check violations: 3 == 0 is FAIL, the report says PASS; gate 2 check var_ratio: 0.9 <= 0.85 is FAIL, the report says PASS`);

    // Demo data needs no recording (and never decides anyway).
    fs.writeFileSync(file(GATES), JSON.stringify({ ...gateReport(), data_mode: 'demo', source: 'demo of http://127.0.0.1:9090' }));
    assert.equal((await loadInputs(root, untrustedRun, signal)).gates.state, 'ok');
  });

  it('reports what the lock engine threw as the locks source\'s error', async () => {
    const failing = (thrown: unknown): LoadOptions => ({ runReadiness: false, lockChecker: () => Promise.reject(thrown) });
    const plain = await loadInputs(root, failing(new Error('EACCES: permission denied')), signal);
    assert.deepEqual(plain.locks, { state: 'error', where: LOCKS, detail: 'EACCES: permission denied' });
    const located = await loadInputs(root, failing(new InputError('bad profile', { file: 'configs/profiles/r2.yaml', line: 3 })), signal);
    assert.deepEqual(located.locks, { state: 'error', where: LOCKS, detail: 'configs/profiles/r2.yaml:3: bad profile' });
    const odd = await loadInputs(root, failing('a string'), signal);
    assert.deepEqual(odd.locks, { state: 'error', where: LOCKS, detail: 'a string' });
  });
});

describe('checklist session: changes and sign-offs', () => {
  let root: string;
  const stateFile = () => path.join(root, 'artifacts/ga/checklist.json');
  const saved = () => JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
  beforeEach(() => {
    root = makeWorkspace();
  });
  afterEach(() => rm(root));

  it('records the decision seen over the state on disk, and whether the state file exists now', async () => {
    const fresh = await updateChecklist(root, untrustedRun, { type: 'revokeSignOff', role: 'sre_lead' }, signal);
    assert.equal(fresh.state.ok && fresh.state.loaded.existed, false, 'nothing to revoke: nothing written');
    assert.equal(fs.existsSync(stateFile()), false);
    const ticked = await updateChecklist(root, untrustedRun, { type: 'setItem', id: 'gate3.c3', checked: true }, signal);
    assert.equal(ticked.state.ok && ticked.state.loaded.existed, true, 'written now');
    // With the only open CRITICAL item ticked, what stands between this and GO is the sign-offs.
    await updateChecklist(root, untrustedRun, { type: 'signOff', role: 'sre_lead', name: 'Dana' }, signal);
    assert.equal(saved().signoffs.sre_lead.decision_at_signing, 'CONDITIONAL');
  });

  it('signs a sign-off with the signer over the evaluation it approves, and stores both', async () => {
    const seen: Buffer[] = [];
    const signature: SignoffSignature = { format: 'sshsig', namespace: SIGNOFF_NAMESPACE, payload: 'cA==', sig: '-----BEGIN SSH SIGNATURE-----', key_fingerprint: 'SHA256:k' };
    const signer = async (payload: Buffer) => (seen.push(payload), signature);
    await updateChecklist(root, untrustedRun, { type: 'signOff', role: 'release_manager', name: 'Ann', signer }, signal);
    const s = saved().signoffs.release_manager;
    const bytes = fs.readFileSync(path.join(root, GATES));
    const report = JSON.parse(bytes.toString('utf8'));
    assert.deepEqual(s.evaluation, approvedEvaluation(report, sha256(bytes)));
    assert.deepEqual(s.signature, signature);
    assert.equal(seen.length, 1);
    assert.equal(JSON.parse(seen[0].toString('utf8')).principal, 'Ann');
    assert.equal('signer' in s, false, 'the signer itself is not stored');
    // A name only: the evaluation is stored, no signature.
    await updateChecklist(root, untrustedRun, { type: 'signOff', role: 'sre_lead', name: 'Dana' }, signal);
    assert.deepEqual(Object.keys(saved().signoffs.sre_lead).sort(), ['decision_at_signing', 'evaluation', 'gate_report_sha256', 'locks_sha256', 'name', 'role', 'time']);
  });

  it('ticks and notes without a gate report (only a sign-off needs one), and passes refusals on as they are', async () => {
    fs.rmSync(path.join(root, GATES));
    const c = await updateChecklist(root, untrustedRun, { type: 'setItem', id: 'safety.panic', checked: true }, signal);
    assert.equal(saved().items['safety.panic'].checked, true);
    assert.equal(c.view.sections[3].groups[2].items[0].checked, true);
    await assert.rejects(updateChecklist(root, untrustedRun, { type: 'setItem', id: 'canary.status', checked: true }, signal), (e: Error) => e instanceof InputError && e.message === "'canary.status' is answered from canary-status results and cannot be ticked by hand");
  });

  it('builds the payload a sign-off signs, and refuses when there is nothing that counts to approve', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const c = await evaluateChecklist(root, untrustedRun, signal, now);
    assert.ok(c.inputs.gates.state === 'ok' && c.fingerprint.gateReportSha256);
    assert.deepEqual(signoffPayload(c, 'sre_lead', 'Dana', now), {
      _type: 'https://aurora-ga.dev/signoff/v1',
      role: 'sre_lead',
      principal: 'Dana',
      time: '2026-11-28T10:00:00.000Z',
      decision: { checklist: 'NO-GO', gates: 'APPROVED' },
      evaluation: approvedEvaluation(c.inputs.gates.value, c.fingerprint.gateReportSha256),
      locks_sha256: c.fingerprint.locksSha256,
      target_version: '0.4.0',
    });
    assert.throws(() => signoffPayload({ ...c, fingerprint: { ...c.fingerprint, gateReportSha256: null } }, 'sre_lead', 'Dana', now), /^InputError: there is no gate report that counts, so there is nothing to approve: evaluate the gates first$/);
    assert.throws(() => signoffPayload({ ...c, inputs: { ...c.inputs, gates: { state: 'error', where: GATES, detail: 'not JSON' } } }, 'sre_lead', 'Dana', now), /^InputError: there is no gate report that counts, so there is nothing to approve: not JSON$/);
    for (const locksSha256 of ['unavailable', `${c.fingerprint.locksSha256}0`, `0${c.fingerprint.locksSha256}`]) {
      assert.throws(() => signoffPayload({ ...c, fingerprint: { ...c.fingerprint, locksSha256 } }, 'sre_lead', 'Dana', now), /^InputError: the profile locks cannot be checked, so a sign-off could not say which locks it approved$/, locksSha256);
    }
  });

  it('passes an abort on while reading the state, rather than showing it as an unreadable state', async () => {
    const session = new ChecklistSession(root, () => untrustedRun);
    await session.evaluate(signal);
    const aborted = AbortSignal.abort();
    await assert.rejects(session.evaluate(aborted), (e: Error) => e.name === 'AbortError');
  });

  it('warns before signing a NO-GO checklist, naming what decides it, and not otherwise', async () => {
    const c = await evaluateChecklist(root, untrustedRun, signal);
    assert.equal(c.decision.decision, 'NO-GO');
    assert.deepEqual(signingWarnings(c), [`the checklist decides NO-GO: ${c.decision.deciding.map((d) => d.text).join('; ')}`]);
    const two = [{ itemId: 'a', text: 'gate 2 fails' }, { itemId: null, text: 'canary missing' }];
    assert.deepEqual(signingWarnings({ ...c, decision: { decision: 'NO-GO', headline: '', deciding: two } }), ['the checklist decides NO-GO: gate 2 fails; canary missing']);
    assert.deepEqual(signingWarnings({ ...c, decision: { decision: 'CONDITIONAL', headline: '', deciding: c.decision.deciding } }), []);
  });
});
