// The Markdown export line by line: each part of the original template, filled from the inputs.
// Expected lines are written from the fixture's values (fixtures.ts) and the original's layout.
import assert from 'node:assert/strict';
import { CHECKLIST } from '../../../src/core/checklist/definition';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import { escapeMd, renderMarkdown } from '../../../src/core/checklist/markdown';
import type { SignoffTrust } from '../../../src/core/checklist/signoff';
import type { ChecklistState } from '../../../src/core/checklist/state';
import { buildChecklist, type StateResult } from '../../../src/core/checklist/view';
import { check, completeState, inputs, LOCKS_SHA, REPORT_SHA, verified, loadedValue } from './fixtures';

const NOW = new Date('2026-11-28T10:00:00Z');
const BLANK = '_'.repeat(49);
const SIGNED_AT = '2026-11-27T00:00:00Z';

function render(i: ChecklistInputs = inputs(), s: ChecklistState = completeState(), trust: SignoffTrust = verified(), stateResult?: StateResult): string[] {
  const c = buildChecklist(i, stateResult ?? { ok: true, loaded: { state: s, existed: true, unknownItems: [] } }, NOW, trust);
  return renderMarkdown(c.view, c.answers).split('\n');
}

/** `count` lines starting at the line `first` (which must be there). */
function from(lines: string[], first: string, count: number): string[] {
  const at = lines.indexOf(first);
  assert.ok(at >= 0, `no line ${JSON.stringify(first)}`);
  return lines.slice(at, at + count);
}

const line = (lines: string[], start: string) => lines.find((l) => l.startsWith(start));
const codeOf = (groupId: string) => CHECKLIST.flatMap((s) => s.groups).find((g) => g.id === groupId)!.code!.split('\n');

const report = (i: ChecklistInputs) => loadedValue(i, 'gates');
const canaryOf = (i: ChecklistInputs) => loadedValue(i, 'canary');
const locksOf = (i: ChecklistInputs) => loadedValue(i, 'locks');

describe('checklist Markdown export, part by part', () => {
  it('escapes every Markdown/HTML-significant character with a backslash, & as an entity, and folds line breaks', () => {
    assert.equal(escapeMd('\\`*_[]<>|#&'), '\\\\\\`\\*\\_\\[\\]\\<\\>\\|\\#&amp;');
    assert.equal(escapeMd('one\ntwo\r\nthree'), 'one two three');
    assert.equal(escapeMd('plain text: 1.5 (ok) - done'), 'plain text: 1.5 (ok) - done');
  });

  it('opens with the title, the header fields and where the answers came from', () => {
    assert.deepEqual(render().slice(0, 14), [
      '# AURORA GA Promotion Checklist v1.0',
      '## Production Release Decision Framework',
      '',
      '**Date:** 2026-11-28  ',
      '**RC Version:** 0.4.0-rc1  ',
      '**Target GA Version:** 0.4.0  ',
      '**Release Manager:** release\\_manager person',
      '',
      `> Filled by aurora-ga at 2026-11-28T10:00:00.000Z. Gate report: LIVE data, APPROVED, evaluated 2026-11-27T00:00:00Z, SHA-256 \`${REPORT_SHA}\`; locks SHA-256 \`${LOCKS_SHA}\`.`,
      '',
      '---',
      '',
      '## 🔍 GA Gates Assessment (1-5)',
      '',
    ]);
  });

  it('has the original\'s sections and groups as headings, in order, with the next steps inside the final decision', () => {
    let fenced = false;
    const headings = render().filter((l) => {
      if (l.startsWith('```')) fenced = !fenced;
      return !fenced && /^#{2,3} /.test(l);
    });
    assert.deepEqual(headings, [
      '## Production Release Decision Framework',
      '## 🔍 GA Gates Assessment (1-5)',
      '### Gate 1: Stability / Hard-fail', '### Gate 2: DCTS Robustness', '### Gate 3: Coverage Control', '### Gate 4: Risk / DRO Health', '### Gate 5: Model QA / Checkpoints',
      '## 🔒 Configuration Profile Lock', '### Profile Validation', '### Lock Commands Executed',
      '## 🕊️ Canary Deployment Results', '### Canary Execution', '### Issues Found (if any)',
      '## 🔧 Infrastructure Readiness', '### Monitoring & Alerts', '### Release Readiness', '### Safety Mechanisms', '### Documentation',
      '## 📊 Additional Audits (Recommended)', '### DCTS Audit', '### Hardened Configuration (Optional)',
      '## 🎯 Final Decision', '### Summary Assessment', '### Decision Matrix', '### GO / NO-GO Decision', '### Next Steps (if GO)', '### Responsible Parties',
    ]);
  });

  it('leaves the blanks of the template for header fields nobody filled', () => {
    const i = inputs();
    i.version = null;
    const s = completeState();
    s.header.date = '';
    delete s.signoffs.release_manager;
    assert.deepEqual(render(i, s).slice(3, 7), ['**Date:** _____________  ', '**RC Version:** _____________  ', '**Target GA Version:** _____________  ', '**Release Manager:** _____________']);
  });

  it('says under the header what is missing, unreadable or not live, and that the state could not be read', () => {
    const i = inputs();
    i.gates = { state: 'missing', where: 'artifacts/ga/gates_report.json', file: 'artifacts/ga/gates_report.json', detail: 'not found' };
    i.gateReportSha256 = null;
    canaryOf(i).data_mode = 'demo';
    i.locks = { state: 'error', where: 'profile locks in the workspace', detail: 'EACCES' };
    i.audit = { state: 'error', where: 'artifacts/dcts_audit/report.json', file: 'artifacts/dcts_audit/report.json', detail: 'bad JSON' };
    const lines = render(i, completeState(), verified(), { ok: false, problem: 'checklist.json:1:1: invalid JSON' });
    assert.deepEqual(from(lines, '> Filled by aurora-ga at 2026-11-28T10:00:00.000Z. Gate report: none; locks SHA-256 `unavailable`.', 8).slice(1), [
      '> **Canary results are DEMO runs — not evidence for promotion.**',
      '> Gate report: NO DATA (not found) — artifacts/ga/gates\\_report.json',
      '> Profile locks: ERROR — profile locks in the workspace: EACCES',
      '> DCTS audit: ERROR — artifacts/dcts\\_audit/report.json: bad JSON',
      '> Checklist state unreadable: checklist.json:1:1: invalid JSON',
      '',
      '---',
    ]);
  });

  it('marks a gate report from replay data as unusable for promotion, and a live canary not at all', () => {
    const i = inputs();
    report(i).data_mode = 'replay';
    delete canaryOf(i).data_mode; // an older canary file: its runs are live
    const lines = render(i);
    assert.deepEqual(lines.filter((l) => l.startsWith('> **')), ['> **REPLAY DATA — this checklist cannot be used to promote.**']);
    assert.match(line(lines, '> Filled by')!, /Gate report: REPLAY data, APPROVED,/);
  });

  it('fills the overall gates line with the decision in the template\'s words, or NO DATA without a report', () => {
    const words = { APPROVED: '✅ ALL PASS', CONDITIONAL: '⚠️ CONDITIONAL', BLOCKED: '❌ BLOCKED', INCONCLUSIVE: '❔ INCONCLUSIVE', ERROR: 'ERROR' } as const;
    for (const [code, word] of Object.entries(words)) {
      const i = inputs();
      Object.assign(report(i), { decision_code: code, decision: `decided *${code}*` });
      assert.deepEqual(from(render(i), `**Overall GA Gates:** ${word} — decided \\*${code}\\* (live)`, 5), [`**Overall GA Gates:** ${word} — decided \\*${code}\\* (live)`, '', '---', '', '## 🔒 Configuration Profile Lock'], code);
    }
    const none = inputs();
    none.gates = { state: 'missing', where: 'artifacts/ga/gates_report.json', file: 'artifacts/ga/gates_report.json', detail: 'not found' };
    assert.equal(line(render(none), '**Overall GA Gates:**'), '**Overall GA Gates:** ❔ NO DATA — NO DATA: gate report not found (artifacts/ga/gates\\_report.json)');
  });

  it('lists a gate\'s criteria with their measured answers and marks, then the gate\'s notes', () => {
    const i = inputs();
    const rep = report(i);
    rep.gates[1] = { ...rep.gates[1], status: 'FAIL', message: 'variance too high' };
    rep.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.91, 0.85, 'FAIL');
    rep.gates[3] = { ...rep.gates[3], status: 'FAIL', message: 'suppressed' };
    rep.gates[0] = { ...rep.gates[0], status: 'INCONCLUSIVE', message: 'no data' };
    const s = completeState();
    s.items['gate1.status'] = { checked: false, note: 'looked *fine*', updated_at: SIGNED_AT };
    const lines = render(i, s);
    assert.deepEqual(from(lines, '### Gate 1: Stability / Hard-fail', 9), [
      '### Gate 1: Stability / Hard-fail',
      '- [x] **CI Gating Violations:** `exit=3` count = 0 (last 48h) — ✅ CI gating violations: 0 — equal to 0 (PASS)',
      '- [x] **Warning Rate:** ≤ 5% (from `aurora_warn_rate`) — ✅ Warning rate: 0.01 — within the limit 0.05 (PASS)',
      '- [x] **Logs:** No `[CI-GATING][HARD]` entries — ✅ HARD log lines: 0 — equal to 0 (PASS)',
      '- [ ] **Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL — ❔ INCONCLUSIVE: no data',
      '  - _Note:_ looked \\*fine\\*',
      '- **Notes:** looked \\*fine\\*',
      '',
      '### Gate 2: DCTS Robustness',
    ]);
    assert.deepEqual(from(lines, '### Gate 2: DCTS Robustness', 7).slice(1), [
      '- [ ] **Variance Ratio:** `robust/base ≤ 0.85` — ❌ Variance ratio: 0.91 — above the limit 0.85 (FAIL)',
      '- [x] **Relative Diff:** `|robust-base|/|base| ≤ 0.15` (p95) — ✅ Relative diff p95: 0.05 — within the limit 0.15 (PASS)',
      '- [x] **Alert:** No `DctsRobustDivergence` alerts — ✅ DctsRobustDivergence firing: 0 — equal to 0 (PASS)',
      '- [ ] **Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL — ❌ FAIL: variance too high',
      `- **Notes:** ${BLANK}`,
      '',
    ]);
    // Gate 4 fails CONDITIONAL: a warning, not a failure; the manual trend criterion is a plain checkbox.
    assert.equal(line(lines, '- [ ] **Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL — ⚠️'), '- [ ] **Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL — ⚠️ FAIL: suppressed');
    assert.equal(line(lines, '- [x] **Trend:**'), '- [x] **Trend:** Stable coverage tracking');
  });

  it('lists the lock items, then the lock commands under their own heading, then one status line per profile', () => {
    const i = inputs();
    const l = locksOf(i);
    l.results[1] = { ...l.results[1], status: 'invalid', detail: 'Hash mismatch' };
    const lines = render(i);
    assert.deepEqual(from(lines, '### Profile Validation', codeOf('locks-validation').length + 12), [
      '### Profile Validation',
      '- [ ] **Profiles:** every locked profile exists and validates — ❌ 1 of 2 profile(s) not validating: configs/profiles/smoke.yaml',
      '- [x] **Lock Files:** a `.lock.json` beside every profile — ✅ 2 lock file(s)',
      '- [ ] **Hash Integrity:** SHA256 checksums verified — ❌ 1 of 2 profile(s) with a hash mismatch or unreadable lock: configs/profiles/smoke.yaml',
      '- [x] **Runtime Assert:** `profile_lock.enforced=true` configured — ✅ enforced by the canary run: configs/profiles/r2.yaml lock valid (configs/profiles/r2.lock.json)',
      '',
      '### Lock Commands Executed',
      ...codeOf('locks-validation'),
      '- [x] **Lock Status:** configs/profiles/r2.yaml: valid (exit 0) — configs/profiles/r2.lock.json',
      '- [ ] **Lock Status:** configs/profiles/smoke.yaml: invalid (exit 3) — configs/profiles/smoke.lock.json — Hash mismatch',
      '',
      '---',
      '',
    ]);
  });

  it('shows the canary command before its items and lists the runs that failed or were unhealthy', () => {
    const i = inputs();
    const c = canaryOf(i);
    c.run_results[2] = { ...c.run_results[2], success: false, exit_code: 2, reason: 'timed_out' };
    c.run_results[5] = { ...c.run_results[5], success: false, exit_code: 1 };
    c.health_results[4] = { ...c.health_results[4], healthy: false };
    const lines = render(i);
    const code = codeOf('canary-execution');
    assert.deepEqual(from(lines, '### Canary Execution', code.length + 2), ['### Canary Execution', ...code, '']);
    assert.equal(lines[lines.indexOf('### Issues Found (if any)') - 1], '', 'a blank line before the heading');
    assert.deepEqual(from(lines, '### Issues Found (if any)', 7), ['### Issues Found (if any)', '- run 3: failed (exit 2) — timed\\_out', '- run 5: unhealthy', '- run 6: failed (exit 1)', '', '---', '']);
    assert.equal(line(lines, '- [x] **Avg Duration:**'), '- [x] **Avg Duration:** recorded — ✅ 1.5s average');
    assert.deepEqual(from(render(), '### Issues Found (if any)', 2), ['### Issues Found (if any)', '- none']);
    const none = inputs();
    none.canary = { state: 'missing', where: 'artifacts/canary_results.json', file: 'artifacts/canary_results.json', detail: 'not found' };
    assert.deepEqual(from(render(none), '### Issues Found (if any)', 2), ['### Issues Found (if any)', '- none']);
  });

  it('indents nested items and their notes, and keeps commands of groups that have them before the items', () => {
    const s = completeState();
    s.items['docs.runbook.exit_codes'] = { checked: true, note: 'see §3 & §4', updated_at: SIGNED_AT };
    s.items['docs.runbook.rollback'].checked = false;
    const lines = render(inputs(), s);
    assert.deepEqual(from(lines, '- [x] **Runbook:** `runbook_ci_thresholds.md` contains:', 5), [
      '- [x] **Runbook:** `runbook_ci_thresholds.md` contains:',
      '  - [x] Exit codes reference',
      '    - _Note:_ see §3 &amp; §4',
      '  - [x] hard_meta v1 specification',
      '  - [ ] Rollback procedures',
    ]);
    assert.equal(line(lines, '  - [x] `AuroraHardGateTrip`'), '  - [x] `AuroraHardGateTrip` — ✅ defined in configs/monitoring/alerts.yml');
    const audit = codeOf('dcts-audit');
    assert.deepEqual(from(lines, '### DCTS Audit', audit.length + 3), ['### DCTS Audit', ...audit, '', '- [x] **Audit Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL — ✅ PASS']);
    // Groups without commands go straight to their items.
    assert.deepEqual(from(lines, '### Safety Mechanisms', 2), ['### Safety Mechanisms', '- [x] **Panic File:** Test creation/deletion → correct effect']);
  });

  it('closes with the summary, the matrix, the ticked decision box, the rationale blanks, next steps, parties, signatures and the footer', () => {
    const lines = render();
    const tail = lines.slice(lines.indexOf('## 🎯 Final Decision'));
    assert.deepEqual(tail, [
      '## 🎯 Final Decision', '', '### Summary Assessment',
      '- **GA Gates:** 5 / 5 PASS', '- **Profile Locks:** ✅ SECURED', '- **Canary Tests:** ✅ PASS', '- **Infrastructure:** ✅ READY', '',
      '### Decision Matrix', '| Component | Status | Impact | Notes |', '|-----------|--------|---------|-------|',
      '| GA Gates | ✅ PASS | CRITICAL | all satisfied |',
      '| Profile Locks | ✅ PASS | HIGH | all satisfied |',
      '| Canary Tests | ✅ PASS | HIGH | all satisfied |',
      '| Monitoring | ✅ PASS | MEDIUM | all satisfied |',
      '| Documentation | ✅ PASS | LOW | all satisfied |',
      '', '### GO / NO-GO Decision', '',
      '**☑ GO** - Proceed with GA promotion  ', '**□ NO-GO** - Address issues and re-evaluate  ', '**□ CONDITIONAL** - Limited promotion with monitoring', '',
      '**Decision Rationale:**', BLANK, BLANK, BLANK, '',
      '### Next Steps (if GO)',
      '- [x] Enable `ci_gating.hard_override: auto` (done by `aurora-ga promote`)',
      '- [x] Promote r2 profile with locked configuration',
      '- [x] Create GA Decision PR with this checklist',
      '- [x] Deploy to production with enhanced monitoring',
      '- [x] Schedule post-deployment health check (24h)',
      '',
      '### Responsible Parties', '- **Release Manager:** release\\_manager person', '- **SRE Lead:** sre\\_lead person', '- **Product Owner:** product\\_owner person', '',
      '**Approval Signatures:**', '',
      `Release Manager: release\\_manager person Date: ${SIGNED_AT} — SSH-signed, verified  `,
      `SRE Lead: sre\\_lead person Date: ${SIGNED_AT} — SSH-signed, verified  `,
      `Product Owner: product\\_owner person Date: ${SIGNED_AT} — SSH-signed, verified  `,
      '', '---', '',
      '**Checklist Version:** 1.0  ', '**Last Updated:** 2026-11-28T10:00:00.000Z  ',
      '**Template Location:** `docs/ga_promotion_checklist.md` (filled by `aurora-ga checklist --format md`)', '',
    ]);
  });

  it('fills the summary and the matrix from the worst decisive answer of each component, counting what is short', () => {
    const i = inputs();
    const rep = report(i);
    rep.gates[0].status = 'INCONCLUSIVE'; // no_data
    rep.decision_code = 'INCONCLUSIVE';
    rep.gates[4] = { ...rep.gates[4], status: 'FAIL', fail_action: 'OBSERVE' }; // shown, never counted
    const l = locksOf(i);
    l.results[1] = { ...l.results[1], status: 'invalid', detail: 'Hash mismatch' };
    Object.assign(canaryOf(i).evaluation, { status: 'FAIL' });
    i.readiness = { state: 'error', where: 'readiness checks', detail: 'not run' };
    const s = completeState();
    s.items['gate3.c3'].checked = false; // open, but NO DATA is worse
    s.items['infra.logs'].checked = false;
    s.items['docs.release_notes'].checked = false;
    const lines = render(i, s);
    assert.deepEqual(from(lines, '- **GA Gates:** 3 / 5 PASS', 4), ['- **GA Gates:** 3 / 5 PASS', '- **Profile Locks:** ❌ UNSECURED', '- **Canary Tests:** ❌ FAIL', '- **Infrastructure:** ❌ NOT READY']);
    assert.deepEqual(from(lines, '| GA Gates | ❔ NO DATA | CRITICAL | 3 item(s) not satisfied |', 5), [
      '| GA Gates | ❔ NO DATA | CRITICAL | 3 item(s) not satisfied |',
      '| Profile Locks | ❌ FAIL | HIGH | 2 item(s) not satisfied |',
      '| Canary Tests | ❌ FAIL | HIGH | 1 item(s) not satisfied |',
      // readiness unreadable: 8 items NO DATA, and the log aggregation item open
      '| Monitoring | ❔ NO DATA | MEDIUM | 9 item(s) not satisfied |',
      '| Documentation | ⬜ OPEN | LOW | 1 item(s) not satisfied |',
    ]);
  });

  it('ranks a failure above NO DATA, and open above a CONDITIONAL warning, in the matrix', () => {
    const failed = inputs();
    const rep = report(failed);
    rep.gates[0].status = 'INCONCLUSIVE';
    rep.gates[1].status = 'FAIL';
    assert.equal(line(render(failed), '| GA Gates |'), '| GA Gates | ❌ FAIL | CRITICAL | 2 item(s) not satisfied |');

    const conditional = inputs();
    const c = report(conditional);
    c.gates[3].status = 'FAIL';
    c.decision_code = 'CONDITIONAL';
    assert.equal(line(render(conditional), '| GA Gates |'), '| GA Gates | ⚠️ CONDITIONAL | CRITICAL | 2 item(s) not satisfied |');
    const s = completeState();
    s.items['gate3.c3'].checked = false;
    assert.equal(line(render(conditional, s), '| GA Gates |'), '| GA Gates | ⬜ OPEN | CRITICAL | 3 item(s) not satisfied |');
  });

  it('calls the infrastructure not ready when any of monitoring, safety or documentation is short', () => {
    for (const id of ['infra.logs', 'safety.panic', 'docs.release_notes']) {
      const s = completeState();
      s.items[id].checked = false;
      const lines = render(inputs(), s);
      assert.equal(line(lines, '- **Infrastructure:**'), '- **Infrastructure:** ❌ NOT READY', id);
      assert.equal(line(lines, '- **Profile Locks:**'), '- **Profile Locks:** ✅ SECURED', id);
    }
    // Safety is not a matrix row: open safety items leave the Monitoring row passing.
    const s = completeState();
    s.items['safety.panic'].checked = false;
    assert.equal(line(render(inputs(), s), '| Monitoring |'), '| Monitoring | ✅ PASS | MEDIUM | all satisfied |');
    const noGates = inputs();
    noGates.gates = { state: 'missing', where: 'artifacts/ga/gates_report.json', detail: 'not found' };
    assert.equal(line(render(noGates), '- **GA Gates:**'), '- **GA Gates:** _____ / 5 PASS');
  });

  it('ticks the NO-GO or CONDITIONAL box, lists the deciding items and the rationale as written, line by line', () => {
    const i = inputs();
    report(i).gates[1].status = 'FAIL';
    const s = completeState();
    s.rationale = 'Blocked by *DCTS*.\nRe-run after the fix\r\nthen re-sign';
    s.items['next.deploy'].checked = false;
    const lines = render(i, s);
    assert.deepEqual(from(lines, '**□ GO** - Proceed with GA promotion  ', 3), ['**□ GO** - Proceed with GA promotion  ', '**☑ NO-GO** - Address issues and re-evaluate  ', '**□ CONDITIONAL** - Limited promotion with monitoring']);
    assert.deepEqual(from(lines, '**Deciding items:**', 8), [
      '**Deciding items:**',
      '- CRITICAL · Gate 2: DCTS Robustness — status — FAILED: FAIL: all checks pass',
      '',
      '**Decision Rationale:**',
      'Blocked by \\*DCTS\\*.',
      'Re-run after the fix',
      'then re-sign',
      '',
    ]);
    assert.equal(line(lines, '- [ ] Deploy'), '- [ ] Deploy to production with enhanced monitoring');

    const c = completeState();
    delete c.signoffs.product_owner;
    const cond = render(inputs(), c);
    assert.deepEqual(from(cond, '**□ GO** - Proceed with GA promotion  ', 7), ['**□ GO** - Proceed with GA promotion  ', '**□ NO-GO** - Address issues and re-evaluate  ', '**☑ CONDITIONAL** - Limited promotion with monitoring', '', '**Deciding items:**', '- Sign-off missing: Product Owner', '']);
    assert.equal(line(cond, '- **Product Owner:**'), '- **Product Owner:** _________________________');
    assert.equal(line(cond, 'Product Owner:'), 'Product Owner: _________________________ Date: _______  ');
  });

  it('says of each signature whether it verified, is a name only, does not verify, does not count or is stale, and why', () => {
    const trust = verified();
    trust.checks.sre_lead = { status: 'invalid', counts: false, detail: 'signature by *mallory*' };
    delete trust.checks.product_owner; // a name only, under a policy that does not count names
    const i = inputs();
    i.gateReportSha256 = 'c'.repeat(64);
    locksOf(i).sha256 = 'd'.repeat(64);
    const lines = render(i, completeState(), trust);
    const stale = ' — **STALE:** the gate report changed since signing; the profile locks changed since signing  ';
    assert.deepEqual(from(lines, '**Approval Signatures:**', 5).slice(2), [
      `Release Manager: release\\_manager person Date: ${SIGNED_AT} — SSH-signed, verified${stale}`,
      `SRE Lead: sre\\_lead person Date: ${SIGNED_AT} — **BAD SIGNATURE:** signature by \\*mallory\\* (does not count)${stale}`,
      `Product Owner: product\\_owner person Date: ${SIGNED_AT} — **UNSIGNED:** not signed: a name only (does not count)${stale}`,
    ]);
  });
});
