import { LineIndex } from '../pyyaml';
import { rangeForPath, type CrossProfileIssue, type ProfileFileResult } from '../profile';
import { sarifLog, type SarifFinding, type SarifRule } from './log';

export const PROFILE_SARIF_RULES: SarifRule[] = [
  { id: 'profile/invalid', name: 'InvalidProfile', description: 'The profile breaks the profile schema (configs/schemas/profile.schema.json) or cannot be read.', help: 'Fix the key shown; required sections are acceptance, kappa_thresholds and preloop, ratios lie in [0, 1].', level: 'error' },
  { id: 'profile/warning', name: 'ProfileWarning', description: 'A profile value validate_profiles.py warns about.', help: 'Review the value shown; warnings never make the profile invalid.', level: 'warning' },
  { id: 'profile/cross-profile', name: 'CrossProfile', description: 'Production (r2) is not stricter than smoke.', help: 'Make r2 stricter than smoke on the key shown.', level: 'warning' },
];

/** Where a path points in a profile: from its key to the end of its value, or the deepest key that exists. */
function located(r: Pick<ProfileFileResult, 'root' | 'text'>, path: (string | number)[]): Pick<SarifFinding, 'start' | 'end'> {
  if (!r.root || !path.length) return {};
  const { range, keyRange } = rangeForPath(r.root, path);
  const from = keyRange?.start ?? range?.start;
  if (from === undefined) return {};
  const lines = new LineIndex(r.text);
  const to = range?.end ?? keyRange?.end;
  return { start: lines.at(from), ...(to !== undefined && to > from ? { end: lines.at(to) } : {}) };
}

/** `profiles validate` as SARIF: one result per error and warning, at the key it is about. */
export function profilesSarif(results: ProfileFileResult[], crossProfile: CrossProfileIssue[], root: string, version: string): object {
  const findings: SarifFinding[] = [];
  for (const r of results) {
    for (const issue of r.issues) {
      const where = issue.at ? { start: issue.at } : located(r, issue.path);
      findings.push({ ruleId: issue.severity === 'error' ? 'profile/invalid' : 'profile/warning', level: issue.severity === 'error' ? 'error' : 'warning', message: `${r.name}: ${issue.message}`, file: r.file, ...where });
    }
  }
  for (const w of crossProfile) {
    const r = results.find((x) => x.name === w.profile);
    if (r) findings.push({ ruleId: 'profile/cross-profile', level: 'warning', message: w.message, file: r.file, ...located(r, w.path) });
  }
  return sarifLog({ name: 'aurora-ga', version }, PROFILE_SARIF_RULES, findings, root);
}
