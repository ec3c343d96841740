import { parseGates, parseGatesYaml } from '../gates/load';
import { lintPromql, type PromqlProblem } from '../promql/lint';
import { InputError } from '../util/errors';
import { findQueries, type QuerySource } from '../gates/outline';
import { substituteTracked } from './substitute';

export interface GatesTextProblem {
  /** Document offsets, end exclusive. */
  from: number;
  to: number;
  message: string;
  code: PromqlProblem['code'] | 'unknown-variable' | 'schema';
  /** The check the problem is in, when it is in a query. */
  checkId?: string;
}

/** Values the templates get while a file is edited: what a default evaluation would use. */
export function sampleValues(fileVariables: Record<string, string>, step: string | undefined, overrides: Record<string, string> = {}): Record<string, string> {
  return { window: '48h', step: step ?? '1m', profile: 'r2', profile_re: '.*', artifacts: 'artifacts', ...fileVariables, ...overrides };
}

/** Maps an offset range of a template onto the document; a substituted `${name}` is marked whole. */
function toDocument(q: QuerySource, from: number, to: number): [number, number] {
  if (!q.offsets) return q.range;
  const end = /^\$\{[a-zA-Z_][a-zA-Z0-9_]*\}/.exec(q.template.slice(to - 1))?.[0].length ?? 1;
  return [q.offsets[from], q.offsets[Math.min(to - 1 + end, q.template.length)]];
}

/** Recent answers of lintPromql by expression: a keystroke changes one query, so the others are not parsed again. */
const recent = new Map<string, PromqlProblem[]>();
const RECENT_MAX = 2000;

function lintCached(expr: string): PromqlProblem[] {
  let problems = recent.get(expr);
  if (problems) {
    // Re-inserted so the map's order is least recently used first.
    recent.delete(expr);
  } else {
    problems = lintPromql(expr);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  recent.set(expr, problems);
  return problems;
}

/** The problems of one query, in document offsets. */
export function lintQuery(q: QuerySource, values: Record<string, string>): GatesTextProblem[] {
  const sub = substituteTracked(q.template, values);
  const out: GatesTextProblem[] = sub.unknown.map((u) => {
    const [from, to] = toDocument(q, u.from, u.from + 1);
    return { from, to, code: 'unknown-variable', checkId: q.checkId, message: `unknown variable \${${u.name}} (declare it under 'variables')` };
  });
  if (out.length) return out;
  for (const p of lintCached(sub.text)) {
    const [from, to] = toDocument(q, sub.origin[p.from], sub.origin[Math.max(p.from, p.to - 1)] + 1);
    out.push({ from, to: Math.max(to, from + 1), code: p.code, checkId: q.checkId, message: `${p.message}${q.checkId ? ` (check ${q.checkId})` : ''}` });
  }
  return out;
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/**
 * Everything the editor says about a gates file: each query's PromQL problems at the characters that
 * cause them, and the first schema problem (the evaluator's own loader, so the editor and
 * `aurora-ga gates` can never disagree about what is valid).
 */
export function lintGatesText(text: string, file: string, overrides: Record<string, string> = {}): GatesTextProblem[] {
  // One parse serves the outline and the loader (a duplicate key is the loader's error; the outline still reads the rest).
  const yaml = parseGatesYaml(text);
  const outline = findQueries(text, yaml.doc);
  const values = sampleValues(outline.variables, outline.step, overrides);
  const problems = outline.queries.flatMap((q) => lintQuery(q, values));
  try {
    parseGates(text, file, yaml);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const loc = err.location;
    const from = loc?.line ? offsetOf(text, loc.line, loc.column ?? 1) : 0;
    const lineEnd = text.indexOf('\n', from);
    // The loader reports unknown template variables too; the query check above already placed them exactly.
    if (!problems.some((p) => p.code === 'unknown-variable')) problems.push({ from, to: lineEnd < 0 ? text.length : Math.max(lineEnd, from + 1), code: 'schema', message: err.message });
  }
  return problems;
}
