// The outline of a gates file read leniently (its checks, queries and where they stand): the editor
// checks queries while the rest is typed; CI annotations point at the lines of checks.
import { type Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { scalarOffsets } from './scalarOffsets';

/** One PromQL template in a gates file, with where each of its characters stands in the document. */
export interface QuerySource {
  gate: number;
  check: number;
  checkId?: string;
  /** The check's `type`, e.g. promql or promql_range. */
  type?: string;
  field: string;
  template: string;
  /** Document offset of each template character, plus the end; undefined: only `range` is known. */
  offsets?: number[];
  /** Document offsets of the whole scalar. */
  range: [number, number];
}

/** One check of a gates file and where it starts (its `- ` item). */
export interface CheckSource {
  gate: number;
  check: number;
  gateKey?: string;
  checkId?: string;
  type?: string;
  /** Document offset of the check's mapping. */
  start: number;
}

export interface GatesOutline {
  queries: QuerySource[];
  checks: CheckSource[];
  /** The file's own variable defaults and step, for sample values. */
  variables: Record<string, string>;
  step?: string;
}

/** Fields that hold PromQL in a check. */
const QUERY_FIELD = /^(query|.+_query)$/;

/**
 * The queries of a gates file, read leniently: a document with YAML or schema errors still gives
 * every query that can be found, so the editor can check them while the rest is being typed.
 */
export function findQueries(text: string, doc: Document.Parsed = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false })): GatesOutline {
  const out: GatesOutline = { queries: [], checks: [], variables: {} };
  const root = doc.contents;
  if (!isMap(root)) return out;
  const vars = root.get('variables', true);
  if (isMap(vars)) {
    for (const pair of vars.items) {
      if (isScalar(pair.key) && isScalar(pair.value)) out.variables[String(pair.key.value)] = String(pair.value.value);
    }
  }
  const step = root.get('step');
  if (typeof step === 'string') out.step = step;
  const gates = root.get('gates', true);
  if (!isSeq(gates)) return out;
  gates.items.forEach((gate, g) => {
    if (!isMap(gate)) return;
    const checks = gate.get('checks', true);
    if (!isSeq(checks)) return;
    const key = gate.get('key');
    checks.items.forEach((check, c) => {
      if (!isMap(check)) return;
      const id = check.get('id');
      const type = check.get('type');
      out.checks.push({
        gate: g,
        check: c,
        ...(typeof key === 'string' ? { gateKey: key } : {}),
        ...(typeof id === 'string' ? { checkId: id } : {}),
        ...(typeof type === 'string' ? { type } : {}),
        start: check.range?.[0] ?? 0,
      });
      for (const pair of check.items) {
        if (!isScalar(pair.key) || !QUERY_FIELD.test(String(pair.key.value)) || !isScalar(pair.value)) continue;
        const node = pair.value as Scalar;
        if (typeof node.value !== 'string' || !node.range) continue;
        out.queries.push({
          gate: g,
          check: c,
          checkId: typeof id === 'string' ? id : undefined,
          type: typeof type === 'string' ? type : undefined,
          field: String(pair.key.value),
          template: node.value,
          offsets: scalarOffsets(text, node),
          range: [node.range[0], node.range[1]],
        });
      }
    });
  });
  return out;
}
