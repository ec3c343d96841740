import path from 'node:path';
import { parseSample } from '../../prometheus/response';
import { elapsedMs } from '../../util/elapsed';
import { InputError } from '../../util/errors';
import { redactLine, redactText, type Secret } from '../../util/secrets';
import type { CheckResult, Comparator } from '../../verdict/types';
import type { CheckDefinition, CompareCheck, GateDefinition, ThresholdCheck } from '../schema';
import { resolveTemplate } from '../template';
import { measureAlert } from './alert';
import { measureCheckpoint } from './checkpoint';
import { runCompare, type ResolvedCompare } from './compare';
import { outsideScope } from './confine';
import type { CheckContext, Measured } from './context';
import { finishCheck } from './finish';
import { measureJsonValue } from './jsonValue';
import { lineMatcher, measureLogPattern } from './logPattern';
import { measurePromql } from './promql';
import { measureRange } from './range';

/** What templates resolve against: the variables, and the base of relative paths. */
export type TemplateContext = Pick<CheckContext, 'vars' | 'cwd'>;

/** Resolves `${…}` in one field; a name nobody defined is the user's input error, named by gate and check. */
function resolver(gate: GateDefinition, check: CheckDefinition, ctx: TemplateContext) {
  const text = (field: string, value: string): string => {
    const r = resolveTemplate(value, ctx.vars);
    if (r.unknown.length) throw new InputError(`gate '${gate.key}', check '${check.id}', ${field}: no value for \${${r.unknown[0]}} (pass --var ${r.unknown[0]}=…)`);
    return r.text;
  };
  const number = (field: string, value: number | string): number => {
    if (typeof value === 'number') return value;
    const t = text(field, value);
    // Read as strictly as sample values: no hex, no blanks, nothing infinite.
    const n = parseSample(t);
    if (n === undefined || !Number.isFinite(n)) throw new InputError(`gate '${gate.key}', check '${check.id}', ${field}: '${value}' resolves to ${JSON.stringify(t)}, not a finite decimal number`);
    return n;
  };
  const file = (field: string, value: string) => path.resolve(ctx.cwd, text(field, value));
  return { text, number, file };
}

/** Everything about a check that can be resolved before any I/O (so input errors surface first). */
export type PreparedCheck =
  | {
      def: ThresholdCheck;
      threshold: number;
      /** Absolute paths (or globs) a file check reads; confined before any I/O. */
      files?: string[];
      measure(ctx: CheckContext): Promise<Measured>;
    }
  /** Compare checks judge two sides themselves. */
  | { def: CheckDefinition; files?: undefined; run(ctx: CheckContext): Promise<CheckResult> };

/** A compare check's sides, limits and per-side queries, every template resolved. */
function resolveCompare(gate: GateDefinition, check: CompareCheck, ctx: TemplateContext): ResolvedCompare {
  const r = resolver(gate, check, ctx);
  const sides = { baseline: r.text('baseline', check.baseline), candidate: r.text('candidate', check.candidate) };
  const templates = check.query ? [['query', check.query]] : [['errors', check.errors!], ['requests', check.requests!]];
  const forSide = (value: string) => templates.map(([field, t]) => {
    const withSide = { ...ctx, vars: { ...ctx.vars, side: value } };
    return resolver(gate, check, withSide).text(field, t);
  });
  const criticalLimit = check.critical_limit === undefined ? undefined : r.number('critical_limit', check.critical_limit);
  return { def: check, allowed: r.number('allowed', check.allowed), ...(criticalLimit !== undefined ? { criticalLimit } : {}), sides, queries: { baseline: forSide(sides.baseline), candidate: forSide(sides.candidate) } };
}

export function prepareCheck(gate: GateDefinition, check: CheckDefinition, ctx: CheckContext): PreparedCheck {
  const r = resolver(gate, check, ctx);
  if (check.type === 'compare') {
    const resolved = resolveCompare(gate, check, ctx);
    return { def: check, run: (c) => runCompare(resolved, c) };
  }
  const threshold = r.number('threshold', check.threshold);
  switch (check.type) {
    case 'promql': {
      const query = r.text('query', check.query);
      return { def: check, threshold, measure: (c) => measurePromql(check, query, c) };
    }
    case 'promql_range': {
      const query = r.text('query', check.query);
      const where = check.where ? { comparator: check.where.comparator, value: r.number('where.value', check.where.value) } : undefined;
      return { def: check, threshold, measure: (c) => measureRange(check, query, where, c) };
    }
    case 'alert':
      return { def: check, threshold, measure: (c) => measureAlert(check, c) };
    case 'log_pattern': {
      const files = check.files.map((f, i) => r.file(`files[${i}]`, f));
      try {
        lineMatcher(check.pattern, check.regex);
      } catch (err) {
        throw new InputError(`gate '${gate.key}', check '${check.id}', pattern: not a regular expression RE2 accepts (${(err as Error).message}); backreferences and lookaround are not supported`);
      }
      return { def: check, threshold, files, measure: (c) => measureLogPattern(check, files, c) };
    }
    case 'json_value': {
      const file = r.file('file', check.file);
      return { def: check, threshold, files: [file], measure: (c) => measureJsonValue(check, file, c) };
    }
    case 'checkpoint_report': {
      const file = r.file('file', check.file);
      return { def: check, threshold, files: [file], measure: (c) => measureCheckpoint(check, file, c) };
    }
  }
}

/** A query a chart of the check draws over the window: the check's own (`value`), or one side of a comparison. */
export interface SeriesQuery {
  role: 'value' | 'baseline' | 'candidate';
  /** The side's value (${side}), for a comparison. */
  side?: string;
  query: string;
}

/** What the samples of a check's series are held to, resolved like the check itself. */
export type SeriesRule =
  /** Each sample against the check's threshold (the check compares the instant value, or the window's `reduce`). */
  | { kind: 'threshold'; comparator: Comparator; threshold: number; measure: 'instant' | 'max' | 'min' | 'avg' | 'last' }
  /** Each sample against `where` (the check compares the share of samples that satisfy it with the threshold). */
  | { kind: 'where'; comparator: Comparator; value: number; threshold: { comparator: Comparator; value: number } }
  /** Candidate against baseline: the judge decides on the whole samples. */
  | { kind: 'compare'; direction: CompareCheck['direction']; effect: CompareCheck['effect']; allowed: number };

/**
 * The series a check is measured on, for a chart: its resolved range queries and rule; or why it has
 * none (file, alert and error-count checks measure one number, not a series).
 */
export function seriesOf(gate: GateDefinition, check: CheckDefinition, ctx: TemplateContext): { queries: SeriesQuery[]; rule: SeriesRule } | { none: string } {
  const r = resolver(gate, check, ctx);
  switch (check.type) {
    case 'promql':
      return { queries: [{ role: 'value', query: r.text('query', check.query) }], rule: { kind: 'threshold', comparator: check.comparator, threshold: r.number('threshold', check.threshold), measure: 'instant' } };
    case 'promql_range': {
      const queries: SeriesQuery[] = [{ role: 'value', query: r.text('query', check.query) }];
      const threshold = r.number('threshold', check.threshold);
      // The file's loader refuses `share` without `where`.
      if (check.reduce === 'share') {
        return { queries, rule: { kind: 'where', comparator: check.where!.comparator, value: r.number('where.value', check.where!.value), threshold: { comparator: check.comparator, value: threshold } } };
      }
      return { queries, rule: { kind: 'threshold', comparator: check.comparator, threshold, measure: check.reduce } };
    }
    case 'compare': {
      if (!check.query) return { none: 'an error-count comparison measures two counts, not a series' };
      const rc = resolveCompare(gate, check, ctx);
      return {
        queries: [{ role: 'baseline', side: rc.sides.baseline, query: rc.queries.baseline[0] }, { role: 'candidate', side: rc.sides.candidate, query: rc.queries.candidate[0] }],
        rule: { kind: 'compare', direction: check.direction, effect: check.effect, allowed: rc.allowed },
      };
    }
    case 'alert':
      return { none: 'an alert check counts the series that fired, not a series of values' };
    default:
      return { none: 'a file check reads one value from a file, not a series' };
  }
}

/**
 * Refuses, before any file is read, a file check whose path (a glob's folder) is outside the file
 * scope: a hostile or mistaken gates file is bad input, named by gate, check and path.
 */
export async function confineChecks(prepared: { gate: GateDefinition; checks: PreparedCheck[] }[], ctx: CheckContext): Promise<void> {
  for (const { gate, checks } of prepared) {
    for (const c of checks) {
      for (const f of c.files ?? []) {
        const target = /[*?]/.test(path.basename(f)) ? path.dirname(f) : f;
        const refused = await outsideScope(target, ctx.files);
        if (refused) throw new InputError(`gate '${gate.key}', check '${c.def.id}': ${refused}`);
      }
    }
  }
}

/** What a result may show: no secret in its message, labels or notes, and no quoted line carrying one. */
function redacted(r: CheckResult, secrets: Secret[]): CheckResult {
  if (!secrets.length) return r;
  const text = (t: string) => redactText(t, secrets);
  const e = r.evidence;
  return {
    ...r,
    message: text(r.message),
    evidence: {
      ...e,
      raw: e.raw.map((x) => ({ ...(x.labels ? { labels: Object.fromEntries(Object.entries(x.labels).map(([k, v]) => [k, text(v)])) } : {}), value: redactLine(x.value, secrets) })),
      ...(e.error !== undefined ? { error: text(e.error) } : {}),
      ...(e.note !== undefined ? { note: text(e.note) } : {}),
    },
  };
}

/** Measures once and judges; never throws for data problems (they are outcomes), only on abort. */
export async function runCheck(prepared: PreparedCheck, ctx: CheckContext): Promise<CheckResult> {
  if ('run' in prepared) return redacted(await prepared.run(ctx), ctx.secrets);
  const t0 = performance.now();
  const measured = await prepared.measure(ctx);
  return redacted(finishCheck(prepared.def, prepared.threshold, measured, { evaluatedAt: ctx.at.toISOString(), durationMs: elapsedMs(t0) }), ctx.secrets);
}
