import path from 'node:path';

/** Artifact paths relative to the workspace root (the contract between areas). */
export const ARTIFACT_PATHS = {
  gateReport: 'artifacts/ga/gates_report.json',
  canary: 'artifacts/canary_results.json',
  dctsAudit: 'artifacts/dcts_audit/report.json',
  state: 'artifacts/ga/checklist.json',
  decision: 'artifacts/ga/decision.json',
  /** The signed promotion record (DSSE envelope of an in-toto Statement) and its SLSA VSA. */
  record: 'artifacts/ga/promotion.dsse.json',
  vsa: 'artifacts/ga/promotion.vsa.dsse.json',
} as const;

export type ArtifactPaths = { -readonly [K in keyof typeof ARTIFACT_PATHS]: string };

/** The artifact paths resolved against `root`, with any overrides (already absolute or root-relative). */
export function artifactPaths(root: string, overrides: Partial<ArtifactPaths> = {}): ArtifactPaths {
  const all = { ...ARTIFACT_PATHS, ...overrides };
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, path.resolve(root, v)])) as ArtifactPaths;
}
