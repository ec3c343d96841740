import path from 'node:path';
import { ARTIFACTS } from '../artifacts';

/** The artifacts the checklist reads and writes (defaults from src/core/artifacts). */
export const ARTIFACT_PATHS = {
  gateReport: ARTIFACTS.gateReport,
  canary: ARTIFACTS.canary,
  dctsAudit: ARTIFACTS.dctsAudit,
  state: ARTIFACTS.checklistState,
  decision: ARTIFACTS.decision,
  /** The signed promotion record (DSSE envelope of an in-toto Statement) and its SLSA VSA. */
  record: ARTIFACTS.promotionRecord,
  vsa: ARTIFACTS.promotionVsa,
} as const;

export type ArtifactPaths = { -readonly [K in keyof typeof ARTIFACT_PATHS]: string };

/** The artifact paths resolved against `root`, with any overrides (already absolute or root-relative). */
export function artifactPaths(root: string, overrides: Partial<ArtifactPaths> = {}): ArtifactPaths {
  const all = { ...ARTIFACT_PATHS, ...overrides };
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, path.resolve(root, v)])) as ArtifactPaths;
}
