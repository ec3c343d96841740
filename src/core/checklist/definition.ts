// The checklist of the original `docs/ga_promotion_checklist.md` (v1.0) as data. Item ids are the
// keys of the state file, so they never change meaning; texts keep the original criteria. Impacts
// follow the original's decision matrix (GA Gates CRITICAL, Profile Locks HIGH, Canary HIGH,
// Monitoring MEDIUM, Documentation LOW); safety sits with monitoring under infrastructure, the
// recommended audits are LOW.
import type { ReadinessCheckId } from '../readiness/types';
import type { Impact } from './model';

/** What answers an `auto` item. */
export type AutoSource =
  /** The checks of gate `gate` whose `check_id`/`name` match `match` (worst wins); the gate's status when none match. */
  | { kind: 'gate-check'; gate: number; match: RegExp }
  | { kind: 'gate'; gate: number }
  | { kind: 'gates-overall' }
  | { kind: 'locks-valid' }
  | { kind: 'locks-present' }
  | { kind: 'locks-hash' }
  /** The canary run's own record of profile_lock enforcement: the runtime assert, observed. */
  | { kind: 'locks-enforced' }
  | { kind: 'canary-runs' }
  | { kind: 'canary-success' }
  | { kind: 'canary-health' }
  | { kind: 'canary-duration' }
  | { kind: 'canary-status' }
  | { kind: 'readiness'; check: ReadinessCheckId }
  | { kind: 'alert-defined'; alert: string }
  | { kind: 'audit-status' }
  | { kind: 'audit-report' };


/** The decision matrix row an item counts toward. */
export type Component = 'gates' | 'locks' | 'canary' | 'monitoring' | 'safety' | 'documentation' | 'audits' | 'next';

export interface ItemDef {
  id: string;
  /** The original's wording, kept as is for the Markdown export (and shown as the item's detail). */
  text: string;
  /** What the item asks, for people: the panel's title (the original's text is often a template, e.g. "PASS / WARN / FAIL"). */
  title: string;
  /** How the item is named out of context (deciding items, the log); defaults to the text. */
  label?: string;
  impact: Impact;
  component: Component;
  auto?: AutoSource;
  optional?: boolean;
  phase?: 'decide' | 'after';
  depth?: number;
}

export interface GroupDef {
  id: string;
  title: string;
  items: ItemDef[];
  /** The commands shown in the Markdown export, where the original has them: before the items, or after them under `codeTitle`. */
  code?: string;
  codeTitle?: string;
}

export interface SectionDef {
  id: string;
  title: string;
  groups: GroupDef[];
}

const gate = (n: number, title: string, criteria: [string, string, RegExp | null][]): GroupDef => ({
  id: `gate${n}`,
  title: `Gate ${n}: ${title}`,
  items: [
    ...criteria.map(([text, human, match], i): ItemDef => ({
      id: `gate${n}.c${i + 1}`,
      text,
      title: human,
      label: `Gate ${n} · ${text.replace(/\*\*|`/g, '')}`,
      impact: 'CRITICAL',
      component: 'gates',
      ...(match ? { auto: { kind: 'gate-check', gate: n, match } } : {}),
    })),
    { id: `gate${n}.status`, text: '**Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL', title: `Gate ${n} passes as a whole`, label: `Gate ${n}: ${title} — status`, impact: 'CRITICAL', component: 'gates', auto: { kind: 'gate', gate: n } },
  ],
});

export const CHECKLIST: SectionDef[] = [
  {
    id: 'gates',
    title: '🔍 GA Gates Assessment (1-5)',
    groups: [
      gate(1, 'Stability / Hard-fail', [
        ['**CI Gating Violations:** `exit=3` count = 0 (last 48h)', 'No CI gating violations (exit 3) in the last 48 hours', /violation|exit.?3|hard.?fail/i],
        ['**Warning Rate:** ≤ 5% (from `aurora_warn_rate`)', 'Warning rate at most 5%', /warn/i],
        ['**Logs:** No `[CI-GATING][HARD]` entries', 'No hard CI-gating entries in the logs', /log/i],
      ]),
      gate(2, 'DCTS Robustness', [
        ['**Variance Ratio:** `robust/base ≤ 0.85`', 'Robust variance at most 0.85 × the base variance', /var/i],
        ['**Relative Diff:** `|robust-base|/|base| ≤ 0.15` (p95)', 'Robust and base differ by at most 15% (p95)', /rel|diff|p95/i],
        ['**Alert:** No `DctsRobustDivergence` alerts', 'No DCTS robust-divergence alerts', /alert|divergence/i],
      ]),
      gate(3, 'Coverage Control', [
        ['**EMA Breaches:** `coverage_abs_err_ema ≤ tolerance` in ≥95% runs', 'Coverage error within tolerance in at least 95% of runs', /tolerance|ema_share|in_tol|abs_err|share/i],
        ['**Alert:** No `AuroraCoverageEMABreach` alerts', 'No coverage EMA breach alerts', /alert|breach/i],
        // No check measures a trend: it stays a human judgement.
        ['**Trend:** Stable coverage tracking', 'Coverage tracking is stable', null],
      ]),
      gate(4, 'Risk / DRO Health', [
        ['**DRO Factor:** p05 ≥ 0.6 (no prolonged suppression)', 'DRO factor p05 at least 0.6 (no prolonged suppression)', /p05/i],
        ['**Auto-tune:** |Δλ| p95 ≤ 0.15 (stable lambda)', 'Auto-tuned lambda is stable (p95 change at most 0.15)', /lambda|λ|delta/i],
        ['**Alert:** No `DROFactorSuppressed` alerts', 'No DRO-factor suppression alerts', /alert|suppress/i],
      ]),
      gate(5, 'Model QA / Checkpoints', [
        ['**Checkpoint Analysis:** `ckpt_analyzer_v2` → 0 anomalies', 'Checkpoint analysis finds no anomalies', /anomal/i],
        ['**Cosine Similarity:** ≥ 0.995 (no frozen layers)', 'Checkpoint cosine similarity at least 0.995 (no frozen layers)', /cos|frozen/i],
        ['**NaN/Inf Check:** Clean (no numerical issues)', 'No NaN or Inf values', /nan|inf|finite/i],
      ]),
      {
        id: 'gates-overall',
        title: 'Overall GA Gates',
        items: [{ id: 'gates.overall', title: 'All five gates approve, from live data', text: '**Overall GA Gates:** ✅ ALL PASS / ⚠️ CONDITIONAL / ❌ BLOCKED (from live data)', label: 'Overall GA Gates (live data)', impact: 'CRITICAL', component: 'gates', auto: { kind: 'gates-overall' } }],
      },
    ],
  },
  {
    id: 'locks',
    title: '🔒 Configuration Profile Lock',
    groups: [
      {
        id: 'locks-validation',
        title: 'Profile Validation',
        items: [
          { id: 'locks.profiles', title: 'Every locked profile exists and validates', text: '**Profiles:** every locked profile exists and validates', impact: 'HIGH', component: 'locks', auto: { kind: 'locks-valid' } },
          { id: 'locks.files', title: 'Every profile has a lock file', text: '**Lock Files:** a `.lock.json` beside every profile', impact: 'HIGH', component: 'locks', auto: { kind: 'locks-present' } },
          { id: 'locks.hash', title: 'Lock checksums match the profiles', text: '**Hash Integrity:** SHA256 checksums verified', impact: 'HIGH', component: 'locks', auto: { kind: 'locks-hash' } },
          { id: 'locks.enforced', title: 'Canary runs enforced the profile lock', text: '**Runtime Assert:** `profile_lock.enforced=true` configured', impact: 'HIGH', component: 'locks', auto: { kind: 'locks-enforced' } },
        ],
        codeTitle: 'Lock Commands Executed',
        code: '```bash\n# Validate existing locks\naurora-ga lock --check .\n\n# Exit codes: 0=valid, 3=invalid (mismatch, lock missing or unreadable), 2=usage\n```',
      },
    ],
  },
  {
    id: 'canary',
    title: '🕊️ Canary Deployment Results',
    groups: [
      {
        id: 'canary-execution',
        title: 'Canary Execution',
        code: '```bash\naurora-ga canary --profile configs/profiles/r2.yaml --runs 10 --gating soft\n```',
        items: [
          { id: 'canary.runs', title: 'Every planned canary run executed', text: '**Total Runs:** every planned run executed', impact: 'HIGH', component: 'canary', auto: { kind: 'canary-runs' } },
          { id: 'canary.success', title: 'Canary success rate at least 70%', text: '**Success Rate:** ≥70% required', impact: 'HIGH', component: 'canary', auto: { kind: 'canary-success' } },
          { id: 'canary.health', title: 'Canary health rate at least 70%', text: '**Health Rate:** ≥70% required', impact: 'HIGH', component: 'canary', auto: { kind: 'canary-health' } },
          { id: 'canary.duration', title: 'Canary run durations recorded', text: '**Avg Duration:** recorded', impact: 'LOW', component: 'canary', auto: { kind: 'canary-duration' } },
          { id: 'canary.status', title: 'Canary passes, from live runs', text: '**Overall Status:** ✅ PASS / ❌ FAIL (from live runs)', label: 'Canary overall status (live runs)', impact: 'HIGH', component: 'canary', auto: { kind: 'canary-status' } },
        ],
      },
    ],
  },
  {
    id: 'infra',
    title: '🔧 Infrastructure Readiness',
    groups: [
      {
        id: 'monitoring',
        title: 'Monitoring & Alerts',
        items: [
          { id: 'infra.dashboard', title: 'Grafana dashboard is valid (every panel has a query)', text: '**Grafana Dashboard:** valid, every panel has a query', impact: 'MEDIUM', component: 'monitoring', auto: { kind: 'readiness', check: 'dashboard' } },
          { id: 'infra.alerts', title: 'Prometheus alert rules are valid', text: '**Prometheus Alerts:** rules valid (`promtool check rules`)', impact: 'MEDIUM', component: 'monitoring', auto: { kind: 'readiness', check: 'alert_rules' } },
          ...['AuroraCoverageEMABreach', 'AuroraHardGateTrip', 'DctsRobustDivergence', 'DROFactorSuppressed'].map(
            (alert): ItemDef => ({ id: `infra.alert.${alert.toLowerCase()}`, title: `Alert rule ${alert} is defined`, text: `\`${alert}\``, label: `Alert rule ${alert} defined`, impact: 'MEDIUM', component: 'monitoring', depth: 1, auto: { kind: 'alert-defined', alert } }),
          ),
          { id: 'infra.logs', title: 'Log aggregation works and can be queried', text: '**Log Aggregation:** Functional and queryable', impact: 'MEDIUM', component: 'monitoring' },
        ],
      },
      {
        id: 'release',
        title: 'Release Readiness',
        items: [
          { id: 'infra.version', title: 'VERSION is a valid release candidate', text: '**VERSION:** a valid release-candidate version', impact: 'MEDIUM', component: 'monitoring', auto: { kind: 'readiness', check: 'version' } },
          { id: 'infra.git', title: 'Git tree is clean', text: '**Git Tree:** clean (nothing uncommitted)', impact: 'MEDIUM', component: 'monitoring', auto: { kind: 'readiness', check: 'git_clean' } },
        ],
      },
      {
        id: 'safety',
        title: 'Safety Mechanisms',
        items: [
          { id: 'safety.panic', title: 'Panic file tested (creating and deleting it has the right effect)', text: '**Panic File:** Test creation/deletion → correct effect', impact: 'MEDIUM', component: 'safety' },
          { id: 'safety.breakers', title: 'Circuit breakers configured and tested', text: '**Circuit Breakers:** Configured and tested', impact: 'MEDIUM', component: 'safety' },
          { id: 'safety.rollback', title: 'Rollback plan documented and validated', text: '**Rollback Plan:** Documented and validated', impact: 'MEDIUM', component: 'safety' },
          { id: 'safety.contacts', title: 'Emergency contacts up to date and reachable', text: '**Emergency Contacts:** Updated and accessible', impact: 'MEDIUM', component: 'safety' },
        ],
      },
      {
        id: 'documentation',
        title: 'Documentation',
        items: [
          { id: 'docs.runbook', title: 'Runbook (runbook_ci_thresholds.md) is complete', text: '**Runbook:** `runbook_ci_thresholds.md` contains:', impact: 'LOW', component: 'documentation' },
          { id: 'docs.runbook.exit_codes', title: 'Runbook has the exit-code reference', text: 'Exit codes reference', impact: 'LOW', component: 'documentation', depth: 1 },
          { id: 'docs.runbook.hard_meta', title: 'Runbook has the hard_meta v1 specification', text: 'hard_meta v1 specification', impact: 'LOW', component: 'documentation', depth: 1 },
          { id: 'docs.runbook.rollback', title: 'Runbook has the rollback procedures', text: 'Rollback procedures', impact: 'LOW', component: 'documentation', depth: 1 },
          { id: 'docs.release_notes', title: 'Release notes updated for GA', text: '**Release Notes:** Updated for GA promotion', impact: 'LOW', component: 'documentation' },
        ],
      },
    ],
  },
  {
    id: 'audits',
    title: '📊 Additional Audits (Recommended)',
    groups: [
      {
        id: 'dcts-audit',
        title: 'DCTS Audit',
        code: '```bash\naurora-ga dcts-audit --summaries "artifacts/replay_reports/*.json" \\\n  --out-json artifacts/dcts_audit/report.json --out-md artifacts/dcts_audit/summary.md\n```',
        items: [
          { id: 'audit.status', title: 'DCTS audit passes', text: '**Audit Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL', label: 'DCTS audit status', impact: 'LOW', component: 'audits', auto: { kind: 'audit-status' } },
          { id: 'audit.report', title: 'DCTS audit report is written', text: '**Report Location:** artifacts/dcts_audit/report.json', impact: 'LOW', component: 'audits', auto: { kind: 'audit-report' } },
        ],
      },
      {
        id: 'hardened',
        title: 'Hardened Configuration (Optional)',
        code: '```bash\npython tools/hard_enable_decider.py --gating-log artifacts/ci/gating_state.jsonl \\\n  --audit-json artifacts/dcts_audit/report.json --dryrun --out configs/ci_thresholds.hardened.yaml\n```',
        items: [
          { id: 'audit.hardened_generated', title: 'Hardened configuration generated', text: '**Generated:** configs/ci_thresholds.hardened.yaml', impact: 'LOW', component: 'audits', optional: true },
          { id: 'audit.hardened_review', title: 'Hardened configuration reviewed and approved', text: '**Review Status:** ✅ APPROVED / ⚠️ REVIEW NEEDED', label: 'Hardened configuration review', impact: 'LOW', component: 'audits', optional: true },
        ],
      },
    ],
  },
  {
    id: 'next',
    title: '🎯 Next Steps (if GO)',
    groups: [
      {
        id: 'next-steps',
        title: 'Next Steps (if GO)',
        items: [
          ['next.hard_override', 'Enable `ci_gating.hard_override: auto` (done by `aurora-ga promote`)', 'Enable the automatic hard override (aurora-ga promote does it)'],
          ['next.promote_r2', 'Promote r2 profile with locked configuration', 'Promote the r2 profile with its locked configuration'],
          ['next.pr', 'Create GA Decision PR with this checklist', 'Open the GA decision PR with this checklist'],
          ['next.deploy', 'Deploy to production with enhanced monitoring', 'Deploy to production with enhanced monitoring'],
          ['next.health_check', 'Schedule post-deployment health check (24h)', 'Schedule the post-deployment health check (24 h)'],
        ].map(([id, text, title]): ItemDef => ({ id, text, title, impact: 'LOW', component: 'next', phase: 'after' })),
      },
    ],
  },
];

/** Every item, in checklist order. */
export const ALL_ITEMS: ItemDef[] = CHECKLIST.flatMap((s) => s.groups.flatMap((g) => g.items));

export const ITEM_BY_ID: ReadonlyMap<string, ItemDef> = new Map(ALL_ITEMS.map((i) => [i.id, i]));

/** The original's decision-matrix rows. */
export const MATRIX: { component: Component; title: string; impact: Impact }[] = [
  { component: 'gates', title: 'GA Gates', impact: 'CRITICAL' },
  { component: 'locks', title: 'Profile Locks', impact: 'HIGH' },
  { component: 'canary', title: 'Canary Tests', impact: 'HIGH' },
  { component: 'monitoring', title: 'Monitoring', impact: 'MEDIUM' },
  { component: 'documentation', title: 'Documentation', impact: 'LOW' },
];
