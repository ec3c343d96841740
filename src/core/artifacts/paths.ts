// Every default artifact path, relative to the workspace root: the one place the contract between
// the areas (gates → checklist → promote, canary, audit, readiness) is written down. Flags and
// settings override a path; nothing else spells one. package.json's activation events, JSON
// validation patterns and setting defaults are checked against this file by test/unit/artifacts.
export const ARTIFACTS = {
  dir: 'artifacts',
  gateReport: 'artifacts/ga/gates_report.json',
  /** The raw answers behind the current gate report (a live one cites them by SHA-256). */
  gatesRecording: 'artifacts/ga/gates_recording.json',
  canary: 'artifacts/canary_results.json',
  canaryDir: 'artifacts/canary',
  dctsAudit: 'artifacts/dcts_audit/report.json',
  dctsAuditSummary: 'artifacts/dcts_audit/summary.md',
  replaySummaries: 'artifacts/replay_reports/*.json',
  checklistState: 'artifacts/ga/checklist.json',
  checklistExport: 'artifacts/ga/checklist.md',
  decision: 'artifacts/ga/decision.json',
  promotionRecord: 'artifacts/ga/promotion.dsse.json',
  promotionVsa: 'artifacts/ga/promotion.vsa.dsse.json',
  readinessReport: 'artifacts/ga_readiness_report.json',
  profileValidation: 'artifacts/profile_validation.json',
} as const;

/** Files whose presence in a workspace activates the extension (`workspaceContains:` events). */
export const ACTIVATION_FILES: readonly string[] = ['**/*.lock.json', '**/*.yaml.lock', ARTIFACTS.checklistState, ARTIFACTS.gateReport, ARTIFACTS.canary];
