import path from 'node:path';
import { parseSample } from '../../prometheus/response';
import { InputError } from '../../util/errors';
import { redactLine, redactText, type Secret } from '../../util/secrets';
import type { CheckResult } from '../../verdict/types';
import type { CheckDefinition, GateDefinition, ThresholdCheck } from '../schema';
import { resolveTemplate } from '../template';
import { measureAlert } from './alert';
import { measureCheckpoint } from './checkpoint';
import { runCompare } from './compare';
import { outsideScope } from './confine';
import type { CheckContext, Measured } from './context';
import { finishCheck } from './finish';
import { measureJsonValue } from './jsonValue';
import { lineMatcher, measureLogPattern } from './logPattern';
import { measurePromql } from './promql';
import { measureRange } from './range';

/** Resolves `${…}` in one field; a name nobody defined is the user's input error, named by gate and check. */
function resolver(gate: GateDefinition, check: CheckDefinition, ctx: CheckContext) {
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

export function prepareCheck(gate: GateDefinition, check: CheckDefinition, ctx: CheckContext): PreparedCheck {
  const r = resolver(gate, check, ctx);
  if (check.type === 'compare') {
    const sides = { baseline: r.text('baseline', check.baseline), candidate: r.text('candidate', check.candidate) };
    const templates = check.query ? [['query', check.query]] : [['errors', check.errors!], ['requests', check.requests!]];
    const forSide = (value: string) => templates.map(([field, t]) => {
      const withSide = { ...ctx, vars: { ...ctx.vars, side: value } };
      return resolver(gate, check, withSide).text(field, t);
    });
    const criticalLimit = check.critical_limit === undefined ? undefined : r.number('critical_limit', check.critical_limit);
    const resolved = { def: check, allowed: r.number('allowed', check.allowed), ...(criticalLimit !== undefined ? { criticalLimit } : {}), sides, queries: { baseline: forSide(sides.baseline), candidate: forSide(sides.candidate) } };
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
  const durationMs = Math.round((performance.now() - t0) * 10) / 10;
  return redacted(finishCheck(prepared.def, prepared.threshold, measured, { evaluatedAt: ctx.at.toISOString(), durationMs }), ctx.secrets);
}
