import type { JNode } from '../pyyaml';
import { DIRECTIONS, ProfileSchema, RATIO_KEYS, type Direction } from './schema';

export type PathSegment = string | number;

export interface ProfileIssue {
  severity: 'error' | 'warning';
  path: PathSegment[];
  message: string;
  /** Where, when the path cannot say: a YAML error's line and column (1-based). */
  at?: { line: number; column: number };
}

/** One profile's result, in the original report's shape (`validations.<name>`) plus located issues. */
export interface ProfileValidation {
  is_valid: boolean;
  errors: string[];
  warnings: string[];
  issues: ProfileIssue[];
}

/** A plain JS value for zod: Python ints become numbers (profiles hold small ones). */
export function toPlain(node: JNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'bigint' ? Number(node.value) : node.value;
    case 'array':
      return node.items.map(toPlain);
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'invalid':
      return undefined;
  }
}

const SECTIONS = ['acceptance', 'kappa_thresholds', 'preloop'];
/** The sections the schema knows; the others are free-form and need no conversion to be validated. */
const KNOWN_SECTIONS = new Set([...SECTIONS, 'monitoring', 'schema', 'profile_lock']);

/** The plain value of a loaded profile, limited to the sections validation looks at (cheap on huge profiles). */
export function validationInput(root: JNode): unknown {
  if (root.kind !== 'object') return toPlain(root);
  return Object.fromEntries(root.entries.filter((e) => KNOWN_SECTIONS.has(e.key)).map((e) => [e.key, toPlain(e.value)]));
}

function dotted(path: PathSegment[]): string {
  return path.map(String).join('.');
}

/** Structural rules of validate_profiles.py (§3.2) on a loaded profile; `name` is the file stem. */
export function validateProfile(name: string, value: unknown): ProfileValidation {
  const issues: ProfileIssue[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ severity: 'error', path: [], message: 'A profile must be a mapping of sections' });
  } else {
    const result = ProfileSchema.safeParse(value);
    for (const issue of result.success ? [] : result.error.issues) {
      const path = issue.path as PathSegment[];
      const where = dotted(path);
      const got = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
      let message: string;
      if (got === undefined && path.length === 1 && SECTIONS.includes(where)) message = `Missing required section: ${where}`;
      else if (got === undefined) message = `Missing required key: ${where}`;
      else if (issue.code === 'too_big' || issue.code === 'too_small') {
        const bound = issue.code === 'too_big' ? `<= ${issue.maximum}` : `>= ${issue.minimum}`;
        message = RATIO_KEYS.has(where) ? `${where} must be in [0, 1], got ${String(got)}` : `${where} must be ${bound}, got ${String(got)}`;
      } else if (issue.code === 'invalid_type') message = `${where} must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, got ${JSON.stringify(got)}`;
      else message = `${where}: ${issue.message}`;
      issues.push({ severity: 'error', path, message });
    }
    const v = value as Record<string, Record<string, unknown> | undefined>;
    if (v.acceptance && typeof v.acceptance === 'object' && v.acceptance.min_decisions === undefined) {
      issues.push({ severity: 'warning', path: ['acceptance'], message: 'acceptance.min_decisions not set' });
    }
    const noop = v.preloop?.max_noop_ratio;
    if (name === 'r2' && typeof noop === 'number' && noop > 0.7) {
      issues.push({ severity: 'warning', path: ['preloop', 'max_noop_ratio'], message: `R2 profile has high max_noop_ratio: ${noop}` });
    }
    const trigger = v.preloop?.require_trigger;
    if (name === 'smoke' && trigger !== undefined && trigger !== false) {
      issues.push({ severity: 'warning', path: ['preloop', 'require_trigger'], message: 'Smoke profile should not require trigger' });
    }
  }
  const errors = issues.filter((i) => i.severity === 'error').map((i) => i.message);
  return { is_valid: errors.length === 0, errors, warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message), issues };
}

/** A cross-profile finding, located on the r2 key it is about (production must be stricter than smoke). */
export interface CrossProfileIssue {
  profile: string;
  path: PathSegment[];
  message: string;
}

/** The original's cross-profile rules: production (r2) must be stricter than smoke. */
export function crossProfileIssues(profiles: Map<string, unknown>): CrossProfileIssue[] {
  const get = (name: string, section: string, key: string): number | undefined => {
    const v = (profiles.get(name) as Record<string, Record<string, unknown>> | undefined)?.[section]?.[key];
    return typeof v === 'number' ? v : undefined;
  };
  const out: CrossProfileIssue[] = [];
  const [r2Cov, smokeCov] = [get('r2', 'acceptance', 'coverage_target'), get('smoke', 'acceptance', 'coverage_target')];
  if (r2Cov !== undefined && smokeCov !== undefined && !(r2Cov > smokeCov)) out.push({ profile: 'r2', path: ['acceptance', 'coverage_target'], message: `R2 coverage_target (${r2Cov}) should be greater than smoke (${smokeCov})` });
  const [r2Noop, smokeNoop] = [get('r2', 'preloop', 'max_noop_ratio'), get('smoke', 'preloop', 'max_noop_ratio')];
  if (r2Noop !== undefined && smokeNoop !== undefined && !(r2Noop < smokeNoop)) out.push({ profile: 'r2', path: ['preloop', 'max_noop_ratio'], message: `R2 max_noop_ratio (${r2Noop}) should be less than smoke (${smokeNoop})` });
  return out;
}

/** Whether moving a value from `old` to `next` tightens or loosens the profile, when the key's direction is known. */
export function changeDirection(path: string, old: unknown, next: unknown): 'tightens' | 'loosens' | undefined {
  const dir: Direction | undefined = DIRECTIONS[path];
  if (!dir) return undefined;
  if (dir === 'true-stricter') {
    if (typeof old !== 'boolean' || typeof next !== 'boolean' || old === next) return undefined;
    return next ? 'tightens' : 'loosens';
  }
  if (typeof old !== 'number' || typeof next !== 'number' || old === next || Number.isNaN(old) || Number.isNaN(next)) return undefined;
  return (next > old) === (dir === 'higher-stricter') ? 'tightens' : 'loosens';
}
