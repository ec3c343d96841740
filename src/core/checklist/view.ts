import { answerItem, type AnsweredItem } from './answer';
import { decide } from './decide';
import { CHECKLIST } from './definition';
import type { ChecklistInputs, Loaded } from './inputs';
import type { CanaryView, ChecklistView, GatesView, SourceView } from './messages';
import { signoffViews, untrusted, type Fingerprint, type SignoffTrust } from './signoff';
import { emptyState, type LoadedState } from './state';

/** The state as loaded, or why it could not be (then the checklist shows evidence only and writes nothing). */
export type StateResult = { ok: true; loaded: LoadedState } | { ok: false; problem: string };

export interface Checklist {
  view: ChecklistView;
  answers: AnsweredItem[];
  fingerprint: Fingerprint;
}

function gatesView(inputs: ChecklistInputs): GatesView | null {
  if (inputs.gates.state !== 'ok') return null;
  const r = inputs.gates.value;
  return {
    dataMode: r.data_mode,
    decisionCode: r.decision_code,
    decision: r.decision,
    timestamp: r.timestamp,
    source: r.source,
    gates: r.gates.map((g) => ({
      gateId: g.gate_id,
      key: g.key,
      name: g.gate_name,
      status: g.status,
      failAction: g.fail_action,
      message: g.message,
      checks: g.checks.map((c) => ({
        checkId: c.check_id,
        name: c.name,
        outcome: c.outcome,
        countsAs: c.counts_as,
        value: c.value,
        threshold: c.threshold,
        comparator: c.comparator,
        message: c.message,
        source: c.evidence.source,
        query: c.evidence.query ?? c.evidence.path ?? null,
      })),
    })),
  };
}

function canaryView(inputs: ChecklistInputs): CanaryView | null {
  if (inputs.canary.state !== 'ok') return null;
  const c = inputs.canary.value;
  // Aurora writes run_id on every health result; the original wrote them in run order without one.
  const byId = c.health_results.every((h) => h.run_id !== undefined);
  const health = new Map(c.health_results.map((h, i) => [byId ? h.run_id : c.health_results.length === c.run_results.length ? c.run_results[i].run_id : undefined, h.healthy]));
  return {
    profile: c.config.profile,
    dataMode: c.data_mode ?? 'live',
    status: c.evaluation.status,
    successRate: c.evaluation.success_rate,
    healthRate: c.evaluation.health_rate,
    successThreshold: c.evaluation.success_threshold,
    healthThreshold: c.evaluation.health_threshold,
    timestamp: c.timestamp,
    runs: c.run_results.map((r) => ({ runId: r.run_id, success: r.success, healthy: health.get(r.run_id) ?? null, durationS: r.duration, exitCode: r.exit_code, reason: r.reason ?? null })),
  };
}

/** What an ok source says, for people: its verdict and, when it is not a pass, why. */
function said(verdict: SourceView['verdict'], summary: string, reasons: string[] = []): Pick<SourceView, 'verdict' | 'detail'> {
  return { verdict, detail: verdict !== 'pass' && reasons.length ? `${summary} — ${reasons.join('; ')}` : summary };
}

function sources(inputs: ChecklistInputs): SourceView[] {
  const one = <T>(name: string, l: Loaded<T>, ok: (value: T) => Pick<SourceView, 'verdict' | 'detail'>): SourceView =>
    l.state === 'ok' ? { name, where: l.where, file: l.file ?? null, state: 'ok', ...ok(l.value) } : { name, where: l.where, file: l.file ?? null, state: l.state, detail: l.detail, verdict: null };
  // The verdict words of every source: gate decisions, canary and audit statuses, readiness.
  const tri = (s: string): SourceView['verdict'] => (['PASS', 'APPROVED', 'READY'].includes(s) ? 'pass' : ['WARN', 'CONDITIONAL'].includes(s) ? 'warn' : 'fail');
  return [
    one('Gate report', inputs.gates, (r) => said(r.data_mode === 'live' ? tri(r.decision_code) : 'fail', `${r.decision_code} · ${r.data_mode} data · ${r.timestamp}`)),
    one('Canary results', inputs.canary, (c) => said(tri(c.evaluation.status), `${c.evaluation.status} · ${c.data_mode ?? 'live'} runs · ${c.timestamp}`)),
    one('Profile locks', inputs.locks, ({ results }) => {
      const bad = results.filter((r) => r.status !== 'valid');
      return said(bad.length ? 'fail' : 'pass', `${results.length - bad.length} of ${results.length} profile(s) valid`, bad.map((r) => `${r.profile}: ${r.status}`));
    }),
    one('DCTS audit', inputs.audit, (a) => said(tri(a.status), a.status)),
    one('Readiness', inputs.readiness, (r) => said(tri(r.readiness_status), r.readiness_status.replace('_', ' '), r.results.filter((x) => !x.passed).map((x) => `${x.name}: ${x.message}`))),
  ];
}

/** Answers every item, applies the decision rule and shapes what the webview, the CLI and the export show. */
export function buildChecklist(inputs: ChecklistInputs, stateResult: StateResult, now = new Date(), trust: SignoffTrust = untrusted()): Checklist {
  const state = stateResult.ok ? stateResult.loaded.state : emptyState();
  const fingerprint: Fingerprint = { gateReportSha256: inputs.gateReportSha256, locksSha256: inputs.locks.state === 'ok' ? inputs.locks.value.sha256 : 'unavailable' };
  const answers: AnsweredItem[] = [];
  const sections = CHECKLIST.map((s) => ({
    id: s.id,
    title: s.title,
    groups: s.groups.map((g) => ({
      id: g.id,
      title: g.title,
      items: g.items.map((def) => {
        const a = answerItem(def, inputs, state);
        answers.push(a);
        return {
          id: def.id,
          title: def.title,
          text: def.text,
          impact: def.impact,
          kind: def.auto ? ('auto' as const) : ('manual' as const),
          optional: def.optional ?? false,
          phase: def.phase ?? ('decide' as const),
          depth: def.depth ?? 0,
          status: a.answer.status,
          summary: a.answer.summary,
          evidence: a.answer.evidence,
          checked: def.auto ? a.answer.status === 'satisfied' : a.checked,
          note: a.note,
        };
      }),
    })),
  }));
  const signoffs = signoffViews(state, fingerprint, trust, inputs.gates.state === 'ok' ? inputs.gates.value : null);
  const rc = inputs.version ?? '';
  return {
    answers,
    fingerprint,
    view: {
      generatedAt: now.toISOString(),
      header: {
        date: state.header.date ?? now.toISOString().slice(0, 10),
        rcVersion: rc,
        targetVersion: state.header.target_version ?? rc.replace(/-rc\.?\d+$/, ''),
        releaseManager: state.signoffs.release_manager?.name ?? '',
      },
      sections,
      gates: gatesView(inputs),
      canary: canaryView(inputs),
      signoffs,
      decision: decide(answers, signoffs),
      rationale: state.rationale,
      sources: sources(inputs),
      stateProblem: stateResult.ok ? null : stateResult.problem,
      stateWarnings: stateResult.ok && stateResult.loaded.unknownItems.length ? [`answers kept for items this version does not know: ${stateResult.loaded.unknownItems.join(', ')}`] : [],
      fingerprint: { gateReportSha256: fingerprint.gateReportSha256, locksSha256: fingerprint.locksSha256 },
      trust: { policyFile: trust.policyFile, allowedSigners: trust.allowedSigners, problem: trust.problem, requiredRoles: trust.policy.required_roles, countUnsigned: trust.policy.count_unsigned },
      verification: null,
    },
  };
}
