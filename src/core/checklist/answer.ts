import { judgementFacts } from '../judge';
import { measuredAgainst, requirementText } from '../verdict/phrase';
import type { CheckResult, GateResult, GateStatus } from '../verdict/types';
import type { AutoSource, ItemDef } from './definition';
import type { ChecklistInputs, Loaded } from './inputs';
import type { ItemStatus } from './model';
import type { ChecklistState } from './state';

// Answers every item: `auto` items from the loaded results (with the evidence behind the answer),
// `manual` items from the state. Missing data answers NO DATA, which never counts as satisfied.

export interface Answer {
  status: ItemStatus;
  summary: string;
  evidence: string[];
  /** False for items of OBSERVE gates: shown, never deciding. */
  decides: boolean;
}

export interface AnsweredItem {
  def: ItemDef;
  answer: Answer;
  checked: boolean;
  note: string;
}

const ok = (summary: string, evidence: string[] = []): Answer => ({ status: 'satisfied', summary, evidence, decides: true });
const bad = (status: ItemStatus, summary: string, evidence: string[] = []): Answer => ({ status, summary, evidence, decides: true });

function unavailable(what: string, loaded: Exclude<Loaded<unknown>, { state: 'ok' }>): Answer {
  return bad('no_data', loaded.state === 'missing' ? `NO DATA: ${what} not found (${loaded.where})` : `NO DATA: ${what} unreadable: ${loaded.detail}`, [loaded.where]);
}

/** How a gate or check status counts, honouring the gate's fail_action. */
function gateStatusToItem(status: GateStatus, gate: GateResult): ItemStatus {
  switch (status) {
    case 'PASS':
      return 'satisfied';
    case 'WARN':
      return 'warn';
    case 'INCONCLUSIVE':
      return 'no_data';
    case 'FAIL':
      return gate.fail_action === 'CONDITIONAL' ? 'warn' : 'failed';
  }
}

const RANK: Record<GateStatus, number> = { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 };

function fmt(v: number | null): string {
  if (v === null) return 'no value';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

export function checkEvidence(c: CheckResult): string {
  const e = c.evidence;
  const where = e.kind === 'prometheus' ? `${e.query ?? ''} @ ${e.source}` : `${e.path ? `${e.path} in ` : ''}${e.source}`;
  const line = `${c.name}: ${fmt(c.value)}, required ${requirementText(c.comparator, c.threshold)} → ${c.outcome} (${where}, at ${e.evaluated_at}${e.window ? `, window ${e.window}` : ''})`;
  const cmp = e.comparison;
  return cmp ? `${line}; ${cmp.summary}; ${judgementFacts(cmp.judgement).map(([k, v]) => `${k}: ${v}`).join('; ')}` : line;
}

function answerGate(inputs: ChecklistInputs, src: Extract<AutoSource, { kind: 'gate' | 'gate-check' }>): Answer {
  if (inputs.gates.state !== 'ok') return unavailable('gate report', inputs.gates);
  const report = inputs.gates.value;
  const gate = report.gates.find((g) => g.gate_id === src.gate);
  if (!gate) return bad('no_data', `NO DATA: gate ${src.gate} is not in the gate report`, [inputs.gates.where]);
  const decides = gate.fail_action !== 'OBSERVE';
  const tail = decides ? '' : ' (OBSERVE: reported, never decides)';
  if (src.kind === 'gate') {
    return { status: gateStatusToItem(gate.status, gate), summary: `${gate.status}: ${gate.message}${tail}`, evidence: gate.checks.map(checkEvidence), decides };
  }
  const matched = gate.checks.filter((c) => src.match.test(`${c.check_id} ${c.name}`));
  if (matched.length === 0) {
    return { status: gateStatusToItem(gate.status, gate), summary: `${gate.status} (answered by the gate: no check of gate ${src.gate} measures this criterion alone)${tail}`, evidence: gate.checks.map(checkEvidence), decides };
  }
  const worst = matched.reduce((a, b) => (RANK[b.counts_as] > RANK[a.counts_as] ? b : a));
  return { status: gateStatusToItem(worst.counts_as, gate), summary: `${matched.map((c) => `${c.name}: ${measuredAgainst(c)} (${c.outcome})`).join('; ')}${tail}`, evidence: matched.map(checkEvidence), decides };
}

function answerGatesOverall(inputs: ChecklistInputs): Answer {
  if (inputs.gates.state !== 'ok') return unavailable('gate report', inputs.gates);
  const r = inputs.gates.value;
  const evidence = [`${inputs.gates.where} (${r.data_mode} data from ${r.source}, evaluated ${r.timestamp}, window ${r.window_hours}h)`];
  if (r.data_mode !== 'live') return bad('failed', `${r.decision_code} from ${r.data_mode.toUpperCase()} data: only live data can decide a promotion`, evidence);
  const status: Record<typeof r.decision_code, ItemStatus> = { APPROVED: 'satisfied', CONDITIONAL: 'warn', INCONCLUSIVE: 'no_data', BLOCKED: 'failed', ERROR: 'no_data' };
  return bad(status[r.decision_code], `${r.decision} (live)`, evidence);
}

function answerLocks(inputs: ChecklistInputs, kind: 'locks-valid' | 'locks-present' | 'locks-hash'): Answer {
  if (inputs.locks.state !== 'ok') return unavailable('lock results', inputs.locks);
  const results = inputs.locks.value.results;
  const evidence = results.map((l) => `${l.profile}: ${l.status} (exit ${l.status === 'valid' ? 0 : 3})${l.lockFile ? ` — ${l.lockFile}` : ''}${l.detail ? ` — ${l.detail}` : ''}`);
  if (results.length === 0) return bad('no_data', 'NO DATA: no profile with a lock found', evidence);
  const failing = results.filter((l) =>
    kind === 'locks-valid' ? l.status !== 'valid' : kind === 'locks-present' ? !l.lockFile?.endsWith('.lock.json') : l.status === 'invalid' || l.status === 'error',
  );
  if (failing.length) {
    const what = kind === 'locks-present' ? 'without a .lock.json' : kind === 'locks-hash' ? 'with a hash mismatch or unreadable lock' : 'not validating';
    return bad('failed', `${failing.length} of ${results.length} profile(s) ${what}: ${failing.map((l) => l.profile).join(', ')}`, evidence);
  }
  return ok(kind === 'locks-present' ? `${results.length} lock file(s)` : `${results.length} profile lock(s) valid`, evidence);
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function answerCanary(inputs: ChecklistInputs, kind: 'canary-runs' | 'canary-success' | 'canary-health' | 'canary-duration' | 'canary-status'): Answer {
  if (inputs.canary.state !== 'ok') return unavailable('canary results', inputs.canary);
  const c = inputs.canary.value;
  const ev = c.evaluation;
  const evidence = [`${inputs.canary.where} (${c.data_mode ?? 'live'}, profile ${c.config.profile}, ${c.timestamp})`];
  switch (kind) {
    case 'canary-runs': {
      const planned = ev.planned_runs ?? c.config.runs;
      return ev.total_runs >= planned && planned > 0 ? ok(`${ev.total_runs} / ${planned} runs`, evidence) : bad('failed', `${ev.total_runs} / ${planned} runs executed`, evidence);
    }
    case 'canary-success':
      return ev.success_rate >= ev.success_threshold ? ok(`${pct(ev.success_rate)} (≥ ${pct(ev.success_threshold)})`, evidence) : bad('failed', `${pct(ev.success_rate)} < ${pct(ev.success_threshold)}`, evidence);
    case 'canary-health':
      return ev.health_rate >= ev.health_threshold ? ok(`${pct(ev.health_rate)} (≥ ${pct(ev.health_threshold)})`, evidence) : bad('failed', `${pct(ev.health_rate)} < ${pct(ev.health_threshold)}`, evidence);
    case 'canary-duration':
      return ok(`${fmt(Math.round(ev.avg_duration * 100) / 100)}s average`, evidence);
    case 'canary-status':
      if (c.data_mode === 'demo') return bad('failed', `${ev.status} from DEMO runs: only live runs can decide a promotion`, evidence);
      return ev.status === 'PASS' ? ok('PASS', evidence) : bad('failed', `FAIL${ev.failure_reasons?.length ? `: ${ev.failure_reasons.join('; ')}` : ''}`, evidence);
  }
}

function answerAuto(inputs: ChecklistInputs, src: AutoSource): Answer {
  switch (src.kind) {
    case 'gate':
    case 'gate-check':
      return answerGate(inputs, src);
    case 'gates-overall':
      return answerGatesOverall(inputs);
    case 'locks-valid':
    case 'locks-present':
    case 'locks-hash':
      return answerLocks(inputs, src.kind);
    case 'locks-enforced': {
      if (inputs.canary.state !== 'ok') return unavailable('canary results', inputs.canary);
      const c = inputs.canary.value;
      const pl = c.profile_lock;
      const evidence = [`${inputs.canary.where}: profile_lock ${JSON.stringify(pl ?? null)}`];
      if (!pl) return bad('no_data', 'NO DATA: the canary results do not record profile lock enforcement (written by an older tool)', evidence);
      if (!pl.enforced) return bad('failed', `profile_lock.enforced was off for the canary run of ${c.config.profile}`, evidence);
      if (pl.status !== 'valid') return bad('failed', `the canary run enforced the lock of ${c.config.profile}, which is ${pl.status}${pl.detail ? `: ${pl.detail}` : ''}`, evidence);
      return ok(`enforced by the canary run: ${c.config.profile} lock valid${pl.lock_file ? ` (${pl.lock_file})` : ''}`, evidence);
    }
    case 'canary-runs':
    case 'canary-success':
    case 'canary-health':
    case 'canary-duration':
    case 'canary-status':
      return answerCanary(inputs, src.kind);
    case 'readiness': {
      if (inputs.readiness.state !== 'ok') return unavailable('readiness', inputs.readiness);
      const r = inputs.readiness.value.results.find((x) => x.id === src.check);
      if (!r) return bad('no_data', `NO DATA: readiness has no '${src.check}' check`);
      return r.passed ? ok(r.message, r.details) : bad('failed', r.message, r.details);
    }
    case 'alert-defined': {
      if (inputs.readiness.state !== 'ok') return unavailable('readiness', inputs.readiness);
      const r = inputs.readiness.value;
      return r.alerts_defined.includes(src.alert) ? ok(`defined in ${r.rule_files.join(', ')}`) : bad('failed', `not defined in ${r.rule_files.join(', ') || 'any rule file'}`);
    }
    case 'audit-status': {
      if (inputs.audit.state !== 'ok') return unavailable('DCTS audit report', inputs.audit);
      const a = inputs.audit.value;
      const status: ItemStatus = { PASS: 'satisfied', WARN: 'warn', FAIL: 'failed', NO_DATA: 'no_data' }[a.status] as ItemStatus;
      return bad(status, a.status, [inputs.audit.where, ...a.details]);
    }
    case 'audit-report':
      return inputs.audit.state === 'ok' ? ok(inputs.audit.where) : unavailable('DCTS audit report', inputs.audit);
  }
}

export function answerItem(def: ItemDef, inputs: ChecklistInputs, state: ChecklistState): AnsweredItem {
  const saved = state.items[def.id];
  const checked = saved?.checked ?? false;
  const note = saved?.note ?? '';
  if (def.auto) return { def, answer: answerAuto(inputs, def.auto), checked, note };
  return { def, answer: saved?.checked ? ok(`ticked ${saved.updated_at}`.trim()) : bad('open', 'not ticked'), checked, note };
}
