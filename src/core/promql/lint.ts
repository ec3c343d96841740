import type { LRParser } from '@lezer/lr';
import { closest } from '../util/closest';
import { PROMQL_AGGREGATORS, PROMQL_FUNCTIONS, PROMQL_KEYWORDS } from './functions';

/** A problem in a query; offsets are into the query text (end exclusive). */
export interface PromqlProblem {
  from: number;
  to: number;
  message: string;
  code: 'syntax' | 'unbalanced' | 'unknown-function' | 'range-on-expression';
}

// The package declares ESM-only types, but ships the CommonJS build that Node and esbuild load here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const FUNCTION_NAMES = new Set(PROMQL_FUNCTIONS.map((f) => f.name));
const CASELESS = new Set([...PROMQL_AGGREGATORS.map((f) => f.name), ...PROMQL_KEYWORDS]);
const CALLABLE = [...FUNCTION_NAMES, ...PROMQL_AGGREGATORS.map((f) => f.name)];

/** Offsets of the code outside string literals and comments, for the scanners below. */
function codeMask(query: string): boolean[] {
  const code = new Array<boolean>(query.length).fill(true);
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n') code[i++] = false;
    } else if (c === '"' || c === "'" || c === '`') {
      const start = i;
      code[i++] = false;
      while (i < query.length && query[i] !== c) {
        if (query[i] === '\\' && c !== '`') code[i++] = false;
        code[i++] = false;
      }
      if (i < query.length) code[i] = false;
      else code.fill(false, start);
    }
  }
  return code;
}

function brackets(query: string, code: boolean[]): PromqlProblem[] {
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < query.length; i++) {
    if (!code[i]) continue;
    const c = query[i];
    if (OPEN[c]) stack.push({ ch: c, at: i });
    else if (CLOSE[c]) {
      const top = stack.pop();
      if (!top) return [{ from: i, to: i + 1, code: 'unbalanced', message: `'${c}' has no matching '${CLOSE[c]}'` }];
      if (top.ch !== CLOSE[c]) return [{ from: i, to: i + 1, code: 'unbalanced', message: `'${c}' closes the '${top.ch}' at column ${top.at + 1}; expected '${OPEN[top.ch]}'` }];
    }
  }
  const open = stack.pop();
  return open ? [{ from: open.at, to: open.at + 1, code: 'unbalanced', message: `'${open.ch}' is never closed (expected '${OPEN[open.ch]}')` }] : [];
}

function unknownFunctions(query: string, code: boolean[]): PromqlProblem[] {
  const out: PromqlProblem[] = [];
  for (const m of query.matchAll(/[a-zA-Z_][a-zA-Z0-9_:]*(?=\s*\()/g)) {
    const at = m.index ?? 0;
    const name = m[0];
    const before = query[at - 1];
    if (!code[at] || (before && /[a-zA-Z0-9_:.]/.test(before))) continue;
    if (FUNCTION_NAMES.has(name) || CASELESS.has(name.toLowerCase())) continue;
    const hint = closest(name, CALLABLE);
    out.push({ from: at, to: at + name.length, code: 'unknown-function', message: `unknown function '${name}'${hint ? ` — did you mean '${hint}'?` : ''}` });
  }
  return out;
}

/** Prometheus takes `[range]` only right after a metric selector; anything else needs a subquery. */
function rangesOnExpressions(query: string): PromqlProblem[] {
  const out: PromqlProblem[] = [];
  const tree = parser.parse(query);
  const errors: number[] = [];
  tree.iterate({ enter: (n) => { if (n.type.isError) errors.push(n.from); } });
  tree.iterate({
    enter(node) {
      if (node.name !== 'MatrixSelector') return;
      const inner = node.node.firstChild;
      if (!inner || inner.name === 'VectorSelector') return;
      // Where the grammar recovered from an error (e.g. after an unknown function) the tree is a guess.
      if (errors.some((at) => at >= inner.from && at <= node.to)) return;
      const range = query.slice(inner.to, node.to).trim();
      out.push({
        from: inner.to,
        to: node.to,
        code: 'range-on-expression',
        message: `a range ${range} can follow only a metric selector; for an expression write a subquery: (…)${range.replace(/\]$/, ':]')}`,
      });
    },
  });
  return out;
}

function firstSyntaxError(query: string): PromqlProblem[] {
  let found: PromqlProblem | undefined;
  parser.parse(query).iterate({
    enter(node) {
      if (found) return false;
      if (!node.type.isError) return;
      const token = query.slice(node.from, Math.max(node.to, node.from + 1)).trim();
      found =
        node.from >= query.trimEnd().length
          ? { from: Math.max(0, query.trimEnd().length - 1), to: query.trimEnd().length, code: 'syntax', message: 'the query ends too early (an operand or a closing bracket is missing)' }
          : { from: node.from, to: Math.max(node.to, node.from + 1), code: 'syntax', message: `unexpected '${token}'` };
      return false;
    },
  });
  return found ? [found] : [];
}

/**
 * What is wrong with a PromQL expression: unbalanced brackets alone, else every unknown function and
 * range on an expression (which Prometheus' own lezer grammar accepts or reports vaguely), else the
 * grammar's first error. An empty list means the expression parses.
 */
export function lintPromql(query: string): PromqlProblem[] {
  const code = codeMask(query);
  // Unbalanced brackets make everything after them unreliable: they are the only thing said.
  const unbalanced = brackets(query, code);
  if (unbalanced.length) return unbalanced;
  const specific = [...unknownFunctions(query, code), ...rangesOnExpressions(query)].sort((a, b) => a.from - b.from);
  return specific.length ? specific : firstSyntaxError(query);
}
