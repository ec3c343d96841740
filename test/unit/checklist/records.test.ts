// The records a sign-off stands on: the state file (state.ts), each role's sign-off as shown
// (signoff.ts, trust.ts), the sign-off reasons of the decision (decide.ts), the locks' fingerprint
// (fingerprint.ts) and the gate report's reader (gateReport.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SIGNOFF_NAMESPACE } from '../../../src/core/attest/policy';
import type { SshKeygen } from '../../../src/core/attest/sshKeygen';
import { decide } from '../../../src/core/checklist/decide';
import { locksFingerprint, sha256 } from '../../../src/core/checklist/fingerprint';
import { parseGateReport, readGateReport } from '../../../src/core/checklist/gateReport';
import type { SignoffView } from '../../../src/core/checklist/messages';
import { signoffViews, untrusted } from '../../../src/core/checklist/signoff';
import { emptyState, readState, updateState } from '../../../src/core/checklist/state';
import { signoffTrust } from '../../../src/core/checklist/trust';
import { InputError } from '../../../src/core/util/errors';
import { completeState, gateReport, LOCKS_SHA, REPORT_SHA } from './fixtures';

const signal = new AbortController().signal;

describe('checklist records', () => {
  let dir: string;
  const at = (rel: string) => path.join(dir, rel);
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
    fs.writeFileSync(at(rel), text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-records-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('the state file', () => {
    it('is empty when missing, and read with the item ids this version does not know', async () => {
      assert.deepEqual(emptyState(), { schema_version: 1, header: {}, items: {}, rationale: '', signoffs: {}, history: [] });
      assert.deepEqual(await readState(at('checklist.json'), signal), { state: emptyState(), existed: false, unknownItems: [] });
      const s = { ...emptyState(), items: { 'safety.panic': { checked: true, note: '', updated_at: 't' }, 'old.item': { checked: false, note: 'n', updated_at: 't' } } };
      write('checklist.json', JSON.stringify(s));
      assert.deepEqual(await readState(at('checklist.json'), signal), { state: s, existed: true, unknownItems: ['old.item'] });
    });

    it('refuses what it cannot read, naming the file: not a file, not an object, another schema version', async () => {
      fs.mkdirSync(at('checklist.json'));
      await assert.rejects(readState(at('checklist.json'), signal), (e: unknown) => e instanceof InputError && /^cannot read checklist state: EISDIR/.test(e.message) && e.location?.file === at('checklist.json'));
      fs.rmdirSync(at('checklist.json'));
      for (const text of ['null', '[]', '"text"', '{}']) {
        write('checklist.json', text);
        await assert.rejects(readState(at('checklist.json'), signal), (e: unknown) => e instanceof InputError && /not a valid checklist state \(left unchanged\)/.test(e.message), text);
      }
      write('checklist.json', '{\n"schema_version": "1"}');
      await assert.rejects(readState(at('checklist.json'), signal), (e: unknown) => e instanceof InputError && e.message === 'checklist state has schema_version "1"; this Aurora GA reads 1. Upgrade Aurora GA; the file was left unchanged' && e.location?.line === 1 && e.location.file === at('checklist.json'));
    });

    it('writes only what changed: returning the state as read writes nothing', async () => {
      const file = at('ga/checklist.json');
      fs.mkdirSync(path.dirname(file));
      const same = await updateState(file, signal, (loaded) => loaded.state);
      assert.equal(same.next, same.loaded.state);
      assert.equal(fs.existsSync(file), false);
      await updateState(file, signal, (loaded) => ({ ...loaded.state, rationale: 'why' }));
      assert.equal(fs.readFileSync(file, 'utf8'), `${JSON.stringify({ ...emptyState(), rationale: 'why' }, null, 2)}\n`);
    });
  });

  describe('sign-offs as shown', () => {
    const current = { gateReportSha256: REPORT_SHA, locksSha256: LOCKS_SHA };

    it('shows a role nobody signed as an empty line that does not count', () => {
      const [rm] = signoffViews(emptyState(), current, untrusted(), null);
      assert.deepEqual(rm, { role: 'release_manager', title: 'Release Manager', name: null, time: null, stale: false, staleReasons: [], signature: null, signatureDetail: '', counts: false, required: true, since: null });
      const t = untrusted();
      t.policy.required_roles = ['sre_lead'];
      assert.deepEqual(signoffViews(emptyState(), current, t, null).map((s) => s.required), [false, true, false]);
      assert.deepEqual([t.policyFile, t.allowedSigners, t.problem, t.checks], [null, '.aurora/allowed_signers', null, {}]);
    });

    it('shows a name only as unsigned, counting only where the policy counts names, and an unchecked signature as invalid', () => {
      const s = completeState();
      const t = untrusted();
      const [rm] = signoffViews(s, current, t, null);
      assert.deepEqual([rm.signature, rm.counts, rm.signatureDetail, rm.stale], ['unsigned', false, 'not signed: a name only', false]);
      t.policy.count_unsigned = true;
      assert.equal(signoffViews(s, current, t, null)[0].counts, true);
      s.signoffs.sre_lead!.signature = { format: 'sshsig', namespace: SIGNOFF_NAMESPACE, payload: 'cA==', sig: 'x' };
      const sre = signoffViews(s, current, t, null)[1];
      assert.deepEqual([sre.signature, sre.counts, sre.signatureDetail], ['invalid', false, 'the signature was not checked']);
    });

    it('says when the gate report a sign-off approved is gone', () => {
      const [rm] = signoffViews(completeState(), { gateReportSha256: null, locksSha256: LOCKS_SHA }, untrusted(), null);
      assert.deepEqual([rm.stale, rm.staleReasons], [true, ['the gate report is now missing or unreadable']]);
    });

    it('reads the policy and allowed_signers for the view, using the ssh-keygen it is given', async () => {
      const ssh: SshKeygen = { sign: async () => '', verify: async () => ({ ok: true, detail: '' }), publicKeyOf: async () => '' };
      const none = await signoffTrust(dir, emptyState(), ssh, signal);
      assert.equal(none.trust.ssh, ssh);
      assert.deepEqual({ ...none.view, policy: undefined }, { policy: undefined, policyFile: null, allowedSigners: '.aurora/allowed_signers', problem: '.aurora/allowed_signers not found: no signature can be verified (see README "Signed sign-offs")', checks: {} });
      write('.aurora/allowed_signers', '');
      assert.equal((await signoffTrust(dir, emptyState(), ssh, signal)).view.problem, null);
      write('.aurora/policy.yaml', 'version: [');
      assert.match((await signoffTrust(dir, emptyState(), ssh, signal)).view.problem ?? '', /^the sign-off policy cannot be read: /);
    });
  });

  describe('sign-off reasons in the decision', () => {
    const view = (over: Partial<SignoffView>): SignoffView => ({ role: 'sre_lead', title: 'SRE Lead', name: 'Dana', time: 't', stale: false, staleReasons: [], signature: 'valid', signatureDetail: 'verified', counts: true, required: true, since: null, ...over });

    it('names a sign-off that does not count with why, and a stale one with what changed', () => {
      assert.deepEqual(decide([], [view({ counts: false, signature: 'unsigned', signatureDetail: 'not signed: a name only' })]).deciding, [{ itemId: null, text: 'Sign-off does not count: SRE Lead (Dana) — not signed: a name only' }]);
      const stale = { stale: true, staleReasons: ['the gate report changed since signing'] };
      assert.equal(decide([], [view({ ...stale, since: { kind: 'same-verdicts', verdictChanges: [], valueDrift: ['x'], approvedAt: null } })]).deciding[0].text, 'Sign-off stale: SRE Lead (Dana) — the gate report changed since signing (same verdicts: re-affirm)');
      assert.equal(decide([], [view({ ...stale, since: { kind: 'verdicts-changed', verdictChanges: ['decision APPROVED → BLOCKED', 'dcts/var_ratio: PASS → FAIL'], valueDrift: [], approvedAt: null } })]).deciding[0].text, 'Sign-off stale: SRE Lead (Dana) — the gate report changed since signing (verdicts changed: decision APPROVED → BLOCKED; dcts/var_ratio: PASS → FAIL)');
      assert.equal(decide([], [view({ ...stale, since: { kind: 'unknown', verdictChanges: [], valueDrift: [], approvedAt: null } })]).deciding[0].text, 'Sign-off stale: SRE Lead (Dana) — the gate report changed since signing');
    });

    it('counts a required role nobody signed as missing, and ignores roles the policy does not require', () => {
      assert.deepEqual(decide([], [view({ name: null })]).deciding.map((d) => d.text), ['Sign-off missing: SRE Lead']);
      assert.equal(decide([], [view({ name: null, counts: false, required: false })]).decision, 'GO');
    });
  });

  describe('fingerprints and the gate report', () => {
    it('hashes the lock files as sorted "path<TAB>sha256" lines, once each, a missing one as missing', async () => {
      write('configs/profiles/r2.lock.json', '{"r2": 1}');
      write('configs/a.lock.json', '{"a": 1}');
      const lines = [`configs/a.lock.json\t${sha256('{"a": 1}')}\n`, `configs/gone.lock.json\tmissing:ENOENT\n`, `configs/profiles/r2.lock.json\t${sha256('{"r2": 1}')}\n`];
      const got = await locksFingerprint(dir, ['configs/profiles/r2.lock.json', 'configs/gone.lock.json', at('configs/a.lock.json'), 'configs/a.lock.json'], signal);
      assert.equal(got, sha256(lines.join('')));
      // An abort is not a missing file: the fingerprint is not computed at all.
      await assert.rejects(locksFingerprint(dir, ['configs/a.lock.json'], AbortSignal.abort()), (e: Error) => e.name === 'AbortError');
    });

    it('reads a gate report with its bytes, and refuses one that is not a gate report', async () => {
      const text = JSON.stringify(gateReport());
      write('gates.json', text);
      const { report, bytes } = await readGateReport(at('gates.json'), signal);
      assert.equal(bytes.toString('utf8'), text);
      assert.equal(report.decision_code, 'APPROVED');
      assert.throws(() => parseGateReport('{"gates": 1}', 'r.json'), (e: unknown) => e instanceof InputError && /not a valid gate report/.test(e.message));
      await assert.rejects(readGateReport(at('none.json'), signal), (e: unknown) => e instanceof InputError && e.message === 'gate report not found');
    });
  });
});
