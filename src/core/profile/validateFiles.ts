import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type JNode, legacyChecksum, normalizeProfile, readUtf8 } from '../pyyaml';
import { InputError } from '../util/errors';
import { crossProfileIssues, toPlain, validateProfile, type CrossProfileIssue, type ProfileValidation } from './validate';

export interface ProfileFileResult extends ProfileValidation {
  name: string;
  file: string;
  /** The legacy 16-hex checksum (`validations.<name>.checksum` in the original report); null if unreadable. */
  checksum: string | null;
  root?: JNode;
  text: string;
}

/** validate_profiles.py's report: `{validation_summary, validations}`, plus the cross-profile warnings it only printed. */
export interface ProfilesReport {
  validation_summary: { total_profiles: number; valid_profiles: number; invalid_profiles: number };
  validations: Record<string, { is_valid: boolean; errors: string[]; warnings: string[]; checksum: string | null }>;
  cross_profile_warnings: string[];
}

/** Validates one profile's text: YAML problems become errors with file:line:col, never exceptions. */
export function validateProfileText(text: string, file: string): ProfileFileResult {
  const name = path.basename(file, path.extname(file));
  try {
    const profile = normalizeProfile(text, file);
    return { name, file, text, root: profile.root, checksum: legacyChecksum(profile.root, text, file), ...validateProfile(name, toPlain(profile.root)) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = err.format();
    const loc = err.location;
    const at = loc?.line !== undefined ? { at: { line: loc.line, column: loc.column ?? 1 } } : {};
    return { name, file, text, checksum: null, is_valid: false, errors: [message], warnings: [], issues: [{ severity: 'error', path: [], message, ...at }] };
  }
}

/** Validates every `*.yaml`/`*.yml` directly in `dir`, like the original's --profiles-dir. */
/** `shown` turns a file path into the form messages should name (e.g. relative to the user's folder). */
export async function validateProfilesDir(dir: string, signal: AbortSignal, shown: (file: string) => string = (f) => f): Promise<{ results: ProfileFileResult[]; report: ProfilesReport; crossProfile: CrossProfileIssue[] }> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new InputError('profiles directory not found', { file: shown(dir) });
  }
  const results: ProfileFileResult[] = [];
  for (const f of names) {
    signal.throwIfAborted();
    const file = path.join(dir, f);
    results.push({ ...validateProfileText(await readUtf8(file, signal), shown(file)), file });
  }
  const valid = results.filter((r) => r.is_valid).length;
  const crossProfile = crossProfileIssues(new Map(results.filter((r) => r.root).map((r) => [r.name, toPlain(r.root!)])));
  const report: ProfilesReport = {
    validation_summary: { total_profiles: results.length, valid_profiles: valid, invalid_profiles: results.length - valid },
    validations: Object.fromEntries(results.map((r) => [r.name, { is_valid: r.is_valid, errors: r.errors, warnings: r.warnings, checksum: r.checksum }])),
    cross_profile_warnings: crossProfile.map((w) => w.message),
  };
  return { results, report, crossProfile };
}
