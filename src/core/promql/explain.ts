import type { LRParser } from '@lezer/lr';
import { closest } from '../util/closest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

type SyntaxNode = ReturnType<LRParser['parse']>['topNode'];

/** What a sub-expression returned when it was run on its own. */
export type ProbeResult = { ok: true; series: number } | { ok: false; message: string };

export interface ExplainStep {
  /** Offsets into the query (end exclusive) and the sub-expression's text. */
  from: number;
  to: number;
  expr: string;
  result: ProbeResult;
}

export interface Explanation {
  /** Every sub-expression run, innermost first. */
  steps: ExplainStep[];
  /** The innermost part that returns nothing (or fails), with why in words; undefined: every part returns series. */
  culprit?: { from: number; to: number; message: string };
}

export interface ExplainDeps {
  /** Runs an expression as an instant query (at the evaluation time) and counts its series. */
  probe(expr: string, signal: AbortSignal): Promise<ProbeResult>;
  /** The values a label has on the server (for the metric, when given). */
  labelValues(label: string, metric: string | undefined, signal: AbortSignal): Promise<string[]>;
}

const EXPRESSIONS = new Set(['VectorSelector', 'MatrixSelector', 'SubqueryExpr', 'FunctionCall', 'AggregateExpr', 'BinaryExpr', 'ParenExpr']);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Sub-expressions in post-order: every part before the expression that contains it. */
function postOrder(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  for (const c of children(node)) postOrder(c, out);
  if (EXPRESSIONS.has(node.name)) out.push(node);
  return out;
}

interface Matcher {
  label: string;
  op: string;
  value: string;
  from: number;
  to: number;
}

function matchers(query: string, selector: SyntaxNode): { metric?: string; list: Matcher[] } {
  const metric = selector.getChild('Identifier');
  const list: Matcher[] = [];
  const block = selector.getChild('LabelMatchers');
  for (const m of block ? children(block) : []) {
    const name = m.getChild('LabelName');
    const op = m.getChild('MatchOp');
    const value = m.getChild('StringLiteral');
    if (!name || !op || !value) continue;
    list.push({ label: query.slice(name.from, name.to), op: query.slice(op.from, op.to), value: query.slice(value.from + 1, value.to - 1), from: m.from, to: m.to });
  }
  return { ...(metric ? { metric: query.slice(metric.from, metric.to) } : {}), list };
}

function selectorText(metric: string | undefined, list: Matcher[]): string {
  const inner = list.map((m) => `${m.label}${m.op}"${m.value}"`).join(', ');
  return `${metric ?? ''}{${inner}}`;
}

/** Why a selector that returns nothing is empty: no such metric, or the one matcher that rules every series out. */
async function explainSelector(query: string, selector: SyntaxNode, deps: ExplainDeps, signal: AbortSignal, steps: ExplainStep[]): Promise<Explanation['culprit']> {
  const { metric, list } = matchers(query, selector);
  if (metric) {
    const bare = await deps.probe(metric, signal);
    steps.push({ from: selector.from, to: selector.from + metric.length, expr: metric, result: bare });
    if (bare.ok && bare.series === 0) return { from: selector.from, to: selector.from + metric.length, message: `no series named ${metric} exists at the evaluation time (nothing within the lookback of 5 minutes)` };
  }
  for (const m of list) {
    const others = list.filter((x) => x !== m);
    if (!metric && others.length === 0) continue;
    const expr = selectorText(metric, others);
    const without = await deps.probe(expr, signal);
    steps.push({ from: selector.from, to: selector.to, expr, result: without });
    if (!without.ok || without.series === 0) continue;
    // The other matchers find series; this one rules them all out.
    const values = await deps.labelValues(m.label, metric, signal);
    const near = m.op === '=' ? closest(m.value, values) : undefined;
    const shown = values.slice(0, 8).map((v) => `"${v}"`).join(', ');
    const hint = near ? ` — did you mean "${near}"?` : '';
    const message = values.length
      ? `the matcher ${m.label}${m.op}"${m.value}" matches none of the ${without.series} series${metric ? ` of ${metric}` : ''}: ${m.label} has ${shown}${values.length > 8 ? ', …' : ''}${hint}`
      : `the matcher ${m.label}${m.op}"${m.value}" matches none of the ${without.series} series${metric ? ` of ${metric}` : ''}: they have no label ${m.label}`;
    return { from: m.from, to: m.to, message };
  }
  return { from: selector.from, to: selector.to, message: `${query.slice(selector.from, selector.to)} returns no series, though each of its matchers alone does: together they rule every series out` };
}

function operatorMessage(query: string, node: SyntaxNode, childTexts: string[]): string {
  const text = query.slice(node.from, node.to);
  if (node.name === 'BinaryExpr') {
    const comparison = /(==|!=|>=|<=|>|<)(?!~)/.test(query.slice(node.firstChild?.to ?? node.from, node.lastChild?.from ?? node.to)) && !/\bbool\b/.test(text);
    if (comparison) return `every part has series, but the comparison in ${text} filters all of them out (add 'bool' to keep them as 0/1)`;
    return `${childTexts.join(' and ')} each have series, but ${text} has none: their label sets do not match (use on(…) or ignoring(…))`;
  }
  return `${text} returns no series although its inner parts do`;
}

/**
 * Runs a query's sub-expressions bottom-up and points at the first part that returns nothing:
 * a metric that does not exist, the label matcher that rules every series out (with the values the
 * label has), or the operator that drops everything. A part that fails to run is named with the
 * server's message.
 */
export async function explainQuery(query: string, deps: ExplainDeps, signal: AbortSignal): Promise<Explanation> {
  const tree = parser.parse(query);
  const steps: ExplainStep[] = [];
  for (const node of postOrder(tree.topNode)) {
    signal.throwIfAborted();
    // A range selector is empty exactly when its selector is; parentheses add nothing.
    if (node.name === 'MatrixSelector' || node.name === 'ParenExpr') continue;
    const expr = query.slice(node.from, node.to);
    const result = await deps.probe(expr, signal);
    steps.push({ from: node.from, to: node.to, expr, result });
    if (!result.ok) return { steps, culprit: { from: node.from, to: node.to, message: `${expr} cannot run: ${result.message}` } };
    if (result.series > 0) continue;
    if (node.name === 'VectorSelector') return { steps, culprit: await explainSelector(query, node, deps, signal, steps) };
    const parts = children(node).filter((c) => EXPRESSIONS.has(c.name)).map((c) => query.slice(c.from, c.to));
    return { steps, culprit: { from: node.from, to: node.to, message: operatorMessage(query, node, parts) } };
  }
  return { steps };
}
