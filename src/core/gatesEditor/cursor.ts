import type { QuerySource } from '../gates/outline';

/** What is being typed at a position inside a query, for completion. */
export type QueryContext =
  | { kind: 'label-name'; metric?: string; prefix: string }
  | { kind: 'label-value'; metric?: string; label: string; prefix: string }
  | { kind: 'variable'; prefix: string }
  | { kind: 'expression'; prefix: string };

/** The query whose scalar holds a document offset, and the template offset there. */
export function queryAt(queries: readonly QuerySource[], offset: number): { query: QuerySource; at: number } | undefined {
  for (const q of queries) {
    if (offset < q.range[0] || offset > q.range[1] || !q.offsets) continue;
    let at = q.offsets.findIndex((o) => o >= offset);
    if (at < 0) at = q.template.length;
    return { query: q, at };
  }
  return undefined;
}

/** Reads the template backwards from the cursor: inside `{…}`, after `label="`, after `${`, or in an expression. */
export function contextAt(template: string, at: number): QueryContext {
  const before = template.slice(0, at);
  const variable = /\$\{([a-zA-Z0-9_]*)$/.exec(before);
  if (variable) return { kind: 'variable', prefix: variable[1] };
  const brace = before.lastIndexOf('{');
  if (brace >= 0 && before.indexOf('}', brace) < 0 && !/\$$/.test(before.slice(0, brace))) {
    const metric = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*$/.exec(before.slice(0, brace))?.[1];
    const inside = before.slice(brace + 1);
    const value = /([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([^"]*)$/.exec(inside);
    if (value) return { kind: 'label-value', ...(metric ? { metric } : {}), label: value[1], prefix: value[3] };
    const quotes = (inside.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) return { kind: 'label-name', ...(metric ? { metric } : {}), prefix: /([a-zA-Z0-9_]*)$/.exec(inside)?.[1] ?? '' };
  }
  return { kind: 'expression', prefix: /([a-zA-Z0-9_:]*)$/.exec(before)?.[1] ?? '' };
}

/** The identifier (metric or function name) around a template offset. */
export function wordAt(template: string, at: number): { word: string; from: number; to: number } | undefined {
  let from = at;
  let to = at;
  while (from > 0 && /[a-zA-Z0-9_:]/.test(template[from - 1])) from--;
  while (to < template.length && /[a-zA-Z0-9_:]/.test(template[to])) to++;
  const word = template.slice(from, to);
  return /^[a-zA-Z_:]/.test(word) ? { word, from, to } : undefined;
}
