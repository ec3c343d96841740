import type { QueryOutcome } from '../../prometheus/client';
import { parseSample } from '../../prometheus/response';

type Answered = Extract<QueryOutcome, { ok: true }>;
export type ResultType = 'vector' | 'matrix' | 'scalar';

/** One series with every sample read: its time (Unix seconds), the string as received and its value. */
export interface ReadSeries {
  labels: Record<string, string>;
  samples: { t: number; raw: string; value: number }[];
}

const NAMES: Record<string, string> = { vector: 'an instant vector', matrix: 'a range vector (matrix)', scalar: 'a scalar', string: 'a string' };
const nameOf = (t: string) => NAMES[t] ?? `result type ${JSON.stringify(t.slice(0, 40))}`;

function hint(expected: ResultType, got: string): string {
  if (expected === 'vector' && got === 'matrix') return ' — a range selector such as [5m] at the end of an instant query?';
  if (expected === 'vector' && got === 'scalar') return ' — declare result_type: scalar for a scalar expression';
  return '';
}

function labelText(labels: Record<string, string>): string {
  const e = Object.entries(labels);
  return e.length ? `{${e.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}` : '{}';
}

/**
 * Reads an answer by the API's contract: it must be of the type the check asked for (an answer of
 * another type is never reinterpreted: a matrix's last sample is not an instant value), and every
 * sample value must be a number as Prometheus writes it. Gives the reason when it is not.
 */
export function readAnswer(res: Answered, expected: ResultType): { ok: true; series: ReadSeries[] } | { ok: false; reason: string } {
  if (res.resultType !== expected) {
    return { ok: false, reason: `expected ${nameOf(expected)}, the server answered ${nameOf(res.resultType)}${hint(expected, res.resultType)}` };
  }
  const series: ReadSeries[] = [];
  for (const s of res.series) {
    const samples: ReadSeries['samples'] = [];
    for (const [t, raw] of s.values) {
      const value = parseSample(raw);
      if (value === undefined) {
        const shown = raw.length > 40 ? `${JSON.stringify(raw.slice(0, 40))}…` : JSON.stringify(raw);
        return { ok: false, reason: `series ${labelText(s.labels)}: sample value ${shown} is not a number as Prometheus writes it (decimal, exponent, NaN, +Inf, -Inf)` };
      }
      samples.push({ t, raw, value });
    }
    series.push({ labels: s.labels, samples });
  }
  return { ok: true, series };
}
