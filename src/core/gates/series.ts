// The series behind a gate's checks over its evaluation window, for charts: the same request, gates
// file, data source, window, step and templates as an evaluation, and one range query per series.
import path from 'node:path';
import { InputError } from '../util/errors';
import { redactText, type Secret } from '../util/secrets';
import type { DataMode } from '../verdict/types';
import { readAnswer, type ReadSeries } from './checks/answer';
import { seriesOf, type SeriesQuery, type SeriesRule } from './checks/run';
import { DEFAULT_GATES_FILE, evaluationSecrets, evaluationTemplates, resolveSource, sourceClient } from './evaluate';
import { loadGates, parseGates } from './load';
import { prepareGates, type GatesRequest } from './request';
import type { CheckDefinition } from './schema';

export type { SeriesRule } from './checks/run';

/** Which checks: a gate by its position in the file (the editor) or its key (a report); its checks by position or id (default all). */
export interface SeriesTarget {
  gate: number | string;
  checks?: (number | string)[];
}

/** A range query's answer: the series read by the API's contract, or why there are none. */
export type SeriesAnswer = { ok: true; series: ReadSeries[] } | { ok: false; error: string };

export interface CheckSeries {
  gateKey: string;
  gateName: string;
  checkId: string;
  checkName: string;
  type: CheckDefinition['type'];
  /** Set when the check measures something that is not a series, and says what. */
  none?: string;
  rule?: SeriesRule;
  queries: (SeriesQuery & { answer: SeriesAnswer })[];
}

export interface GateSeries {
  /** The evaluation time: the window is [at − window, at]. */
  at: string;
  windowSeconds: number;
  window: string;
  stepSeconds: number;
  dataMode: DataMode;
  source: string;
  /** The server the queries went to; live data only (recorded data may come from a server this machine cannot reach). */
  prometheusUrl?: string;
  checks: CheckSeries[];
}

function redactSeries(series: ReadSeries[], secrets: Secret[]): ReadSeries[] {
  if (!secrets.length) return series;
  return series.map((s) => ({ ...s, labels: Object.fromEntries(Object.entries(s.labels).map(([k, v]) => [k, redactText(v, secrets)])) }));
}

/**
 * Range-queries the series of the target's checks over the evaluation window. `text` is the gates
 * file as edited (unsaved changes included); default: the request's file. Throws InputError for bad
 * input, as an evaluation would; a query that fails is that check's answer, never a throw.
 */
export async function checkSeries(req: GatesRequest, target: SeriesTarget, signal: AbortSignal, text?: string): Promise<GateSeries> {
  const { options } = await prepareGates(req, signal);
  const gatesFile = options.gatesFile ? path.resolve(options.cwd ?? process.cwd(), options.gatesFile) : DEFAULT_GATES_FILE();
  const { definitions } = text === undefined ? await loadGates(gatesFile) : parseGates(text, gatesFile);
  const gate = typeof target.gate === 'number' ? definitions.gates[target.gate] : definitions.gates.find((g) => g.key === target.gate);
  if (!gate) throw new InputError(`there is no gate ${typeof target.gate === 'number' ? `#${target.gate + 1}` : `'${target.gate}'`}`, { file: gatesFile });
  const checks = (target.checks ?? gate.checks.map((_, i) => i)).map((c) => {
    const check = typeof c === 'number' ? gate.checks[c] : gate.checks.find((x) => x.id === c);
    if (!check) throw new InputError(`gate '${gate.key}' has no check ${typeof c === 'number' ? `#${c + 1}` : `'${c}'`}`, { file: gatesFile });
    return check;
  });
  const r = await resolveSource(options);
  try {
    const { windowSeconds, window, stepSeconds, vars } = evaluationTemplates(definitions, r);
    const client = sourceClient(options, r);
    const secrets = evaluationSecrets(options);
    const start = new Date(r.at.getTime() - windowSeconds * 1000);
    const ask = async (query: string): Promise<SeriesAnswer> => {
      const res = await client.range(query, start, r.at, stepSeconds, signal);
      if (!res.ok) return { ok: false, error: redactText(res.message, secrets) };
      const answer = readAnswer(res, 'matrix');
      return answer.ok ? { ok: true, series: redactSeries(answer.series, secrets) } : { ok: false, error: answer.reason };
    };
    // Every template first, as an evaluation resolves them: a typo is the user's input error, before any query.
    const specs = checks.map((check) => ({ check, spec: seriesOf(gate, check, { vars, cwd: r.cwd }) }));
    const out = await Promise.all(specs.map(async ({ check, spec }): Promise<CheckSeries> => {
      const head = { gateKey: gate.key, gateName: gate.name, checkId: check.id, checkName: check.name, type: check.type };
      if ('none' in spec) return { ...head, none: spec.none, queries: [] };
      const queries = await Promise.all(spec.queries.map(async (q) => ({ ...q, answer: await ask(q.query) })));
      return { ...head, rule: spec.rule, queries };
    }));
    signal.throwIfAborted();
    return {
      at: r.at.toISOString(),
      windowSeconds,
      window,
      stepSeconds,
      dataMode: r.dataMode,
      source: r.source,
      ...(r.dataMode === 'live' ? { prometheusUrl: r.source } : {}),
      checks: out,
    };
  } finally {
    await Promise.all([r.transport.close(), r.rulesTransport?.close()]);
  }
}
