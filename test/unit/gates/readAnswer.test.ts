// readAnswer (src/core/gates/checks/answer.ts): an answer is read by the API's contract, of the type
// the check asked for and with sample values as Prometheus writes them; otherwise the exact reason.
// Type mismatches come from a REAL Prometheus (an empty one: the expressions need no data). Sample
// values that are not numbers come from a small FAKE server (no real server writes "0x1" or a
// 41-character value), named so in the titles. A result type outside the API cannot come from any
// server (the client's parser lets only the four API types through), so that one answer is built by
// hand, as the title says.
import assert from 'node:assert/strict';
import { readAnswer, type ResultType } from '../../../src/core/gates/checks/answer';
import { PrometheusClient, type QueryOutcome } from '../../../src/core/prometheus/client';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { startFakePrometheus, vectorAnswer, type FakePrometheus } from '../../support/fakePrometheus';
import { startPrometheus, type RunningServer } from '../../support/prometheus';

const AT = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const T = AT.getTime() / 1000;
const NOT_A_NUMBER = 'is not a number as Prometheus writes it (decimal, exponent, NaN, +Inf, -Inf)';

describe('gates: readAnswer reads answers by the API contract', function () {
  this.timeout(60_000);
  let prom: RunningServer;
  let fake: FakePrometheus;
  const transports: HttpTransport[] = [];
  const forty = 'x'.repeat(40);
  const long = `${'y'.repeat(40)}TAIL`;
  // The fake server's sample values, by query.
  const FAKE: Record<string, { labels?: Record<string, string>; value: string }[]> = {
    two_labels: [{ labels: { profile: 'r2', job: 'train' }, value: '0x1' }],
    no_labels: [{ value: '' }],
    forty: [{ value: forty }],
    long: [{ value: long }],
    ok_then_bad: [{ labels: { profile: 'r1' }, value: '1' }, { labels: { profile: 'r2' }, value: 'Infinity' }],
  };

  before(async () => {
    prom = await startPrometheus();
    fake = await startFakePrometheus((_p, params) => vectorAnswer(T, FAKE[params.get('query') ?? ''] ?? []));
  });
  after(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await Promise.all([prom?.stop(), fake?.stop()]);
  });

  /** The answer `url` gives to the instant query `q` (it must be an answer, not a failure). */
  async function answer(url: string, q: string) {
    const t = new HttpTransport({ url });
    transports.push(t);
    const res = await new PrometheusClient({ retries: 0 }, t).instant(q, AT, AbortSignal.timeout(20_000));
    assert.ok(res.ok, `answer to ${q}: ${JSON.stringify(res)}`);
    return res;
  }

  describe('the type of the answer (real Prometheus)', () => {
    const cases: [title: string, query: string, expected: ResultType, reason: string][] = [
      ['a range selector for an instant vector: the hint names [5m]', 'up[5m]', 'vector', 'expected an instant vector, the server answered a range vector (matrix) — a range selector such as [5m] at the end of an instant query?'],
      ['a scalar for an instant vector: the hint names result_type: scalar', '0.5', 'vector', 'expected an instant vector, the server answered a scalar — declare result_type: scalar for a scalar expression'],
      // No hint fits the cases below: the reason ends with the type that came back.
      ['a string for an instant vector: no hint (the scalar hint is for scalars only)', '"text"', 'vector', 'expected an instant vector, the server answered a string'],
      ['a scalar for a matrix: no hint (both hints are for vector checks)', '0.5', 'matrix', 'expected a range vector (matrix), the server answered a scalar'],
      ['an instant vector for a matrix: no hint', 'vector(1)', 'matrix', 'expected a range vector (matrix), the server answered an instant vector'],
      ['an instant vector for a scalar: no hint', 'vector(1)', 'scalar', 'expected a scalar, the server answered an instant vector'],
    ];
    for (const [title, query, expected, reason] of cases) {
      it(title, async () => {
        assert.deepEqual(readAnswer(await answer(prom.url, query), expected), { ok: false, reason });
      });
    }

    it('an answer of the asked type: every series with its labels and samples (time, string, value)', async () => {
      const q = 'sort(label_replace(vector(0.25), "profile", "r1", "", "") or label_replace(vector(-1e-7), "profile", "r2", "", ""))';
      assert.deepEqual(readAnswer(await answer(prom.url, q), 'vector'), {
        ok: true,
        series: [
          { labels: { profile: 'r2' }, samples: [{ t: T, raw: '-1e-07', value: -1e-7 }] },
          { labels: { profile: 'r1' }, samples: [{ t: T, raw: '0.25', value: 0.25 }] },
        ],
      });
    });
  });

  describe('sample values that are not numbers (fake server)', () => {
    it('fake server: "0x1" in a series with two labels: the reason shows {k="v", k="v"} in order', async () => {
      assert.deepEqual(readAnswer(await answer(fake.url, 'two_labels'), 'vector'), { ok: false, reason: `series {profile="r2", job="train"}: sample value "0x1" ${NOT_A_NUMBER}` });
    });

    it('fake server: "" in a series without labels: shown as {}', async () => {
      assert.deepEqual(readAnswer(await answer(fake.url, 'no_labels'), 'vector'), { ok: false, reason: `series {}: sample value "" ${NOT_A_NUMBER}` });
    });

    it('fake server: a 40-character value is quoted whole, without an ellipsis', async () => {
      assert.deepEqual(readAnswer(await answer(fake.url, 'forty'), 'vector'), { ok: false, reason: `series {}: sample value "${forty}" ${NOT_A_NUMBER}` });
    });

    it('fake server: a longer value is cut to its first 40 characters, then "…"', async () => {
      assert.deepEqual(readAnswer(await answer(fake.url, 'long'), 'vector'), { ok: false, reason: `series {}: sample value "${'y'.repeat(40)}"… ${NOT_A_NUMBER}` });
    });

    it('fake server: one bad series fails the whole answer, naming that series', async () => {
      assert.deepEqual(readAnswer(await answer(fake.url, 'ok_then_bad'), 'vector'), { ok: false, reason: `series {profile="r2"}: sample value "Infinity" ${NOT_A_NUMBER}` });
    });
  });

  it('a result type outside the API (hand-built answer: no server can send one through the client) is named, cut to 40 characters', () => {
    const type = `histogram_${'z'.repeat(40)}`;
    const res: Extract<QueryOutcome, { ok: true }> = { ok: true, resultType: type, series: [], warnings: [], durationMs: 0, attempts: 1 };
    assert.deepEqual(readAnswer(res, 'vector'), { ok: false, reason: `expected an instant vector, the server answered result type ${JSON.stringify(type.slice(0, 40))}` });
  });
});
