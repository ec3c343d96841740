// Issue #12 item 1: Prometheus answers are read by the API's contract. Every case the issue found
// approving (matrix for an instant query, "0x1", "", a scalar, ±Inf, a real server's vector(1)/0)
// now ends non-approving with a message naming what came back. Shapes no real server produces come
// from a small FAKE server (named so in the titles); the rest from a real Prometheus.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseSample } from '../../../src/core/prometheus/response';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { matrixAnswer, scalarAnswer, startFakePrometheus, vectorAnswer, type FakeAnswer, type FakePrometheus } from '../../support/fakePrometheus';
import { END, findCheck, fixture, gatesCli, gatesYaml, writeFile, type Fixture } from './fixture';

/** The JSON report as written (NaN/±Inf are strings there), and the check `id` in it. */
function parsed(out: string, id: string): { report: GateReport; check: CheckResult; value: unknown } {
  const report = JSON.parse(out) as GateReport;
  const check = findCheck(report, 'g', id);
  return { report, check, value: (check as { value: unknown }).value };
}

describe('gates #12 item 1: Prometheus answers read by the API contract', function () {
  this.timeout(60_000);

  it('sample strings: decimal and exponent forms, NaN, +Inf, -Inf, and nothing else', () => {
    const ok: [string, number][] = [['0', 0], ['-1.5', -1.5], ['1e-07', 1e-7], ['1.5e+21', 1.5e21], ['0.0000001', 1e-7], ['10000000000000000000000', 1e22], ['+Inf', Infinity], ['-Inf', -Infinity]];
    for (const [text, value] of ok) assert.equal(parseSample(text), value, text);
    assert.ok(Number.isNaN(parseSample('NaN')));
    for (const bad of ['', ' ', '0x0', '0x1', 'Infinity', '-Infinity', 'Inf', 'inf', 'nan', ' 1', '1 ', '1_000', '1e', '0b1', '1,5', 'true']) {
      assert.equal(parseSample(bad), undefined, JSON.stringify(bad));
    }
  });

  describe('fake server: answer shapes no real Prometheus produces', () => {
    let f: Fixture;
    let fake: FakePrometheus;
    const answers: Record<string, FakeAnswer> = {
      matrix: matrixAnswer([{ labels: { profile: 'r2' }, values: [[END - 120, '999'], [END - 60, '999'], [END, '0']] }]),
      hex0: vectorAnswer(END, [{ labels: { profile: 'r2' }, value: '0x0' }]),
      hex1: vectorAnswer(END, [{ labels: { profile: 'r2' }, value: '0x1' }]),
      empty: vectorAnswer(END, [{ value: '' }]),
      infinity: vectorAnswer(END, [{ value: 'Infinity' }]),
      spaced: vectorAnswer(END, [{ value: ' 0' }]),
      scalar: scalarAnswer(END, '0'),
      string: { body: JSON.stringify({ status: 'success', data: { resultType: 'string', result: [END, '0'] } }) },
      plus_inf: vectorAnswer(END, [{ labels: { profile: 'r2' }, value: '+Inf' }]),
      minus_inf: vectorAnswer(END, [{ labels: { profile: 'r2' }, value: '-Inf' }]),
      zero: vectorAnswer(END, [{ labels: { profile: 'r2' }, value: '0' }]),
      tiny: vectorAnswer(END, [{ value: '1e-07' }]),
    };
    before(async () => {
      f = await fixture({ prometheus: false });
      fake = await startFakePrometheus((_path, params) => answers[params.get('query') ?? ''] ?? { status: 404, body: '404 page not found' });
    });
    after(async () => {
      await fake.stop();
      await f.close();
    });

    const run = async (name: string, ...checks: string[]) => {
      const file = writeFile(f.dir, `${name}.yaml`, gatesYaml(...checks));
      return gatesCli(f, ['--prometheus-url', fake.url, '--at', String(END), '--gates', file, '--quiet']);
    };

    const cases: [title: string, query: string, condition: string, outcome: string, message: RegExp][] = [
      ['a matrix answering an instant query (last sample passing, earlier ones 999)', 'matrix', 'comparator: "<=", threshold: 0.5', 'ERROR', /expected an instant vector, the server answered a range vector \(matrix\) — a range selector/],
      ['sample value "0x0"', 'hex0', 'comparator: "==", threshold: 0', 'ERROR', /series \{profile="r2"\}: sample value "0x0" is not a number as Prometheus writes it/],
      ['sample value "0x1"', 'hex1', 'comparator: "==", threshold: 1', 'ERROR', /sample value "0x1" is not a number/],
      ['sample value ""', 'empty', 'comparator: "==", threshold: 0', 'ERROR', /sample value "" is not a number/],
      ['sample value "Infinity"', 'infinity', 'comparator: ">=", threshold: 0', 'ERROR', /sample value "Infinity" is not a number/],
      ['sample value " 0" (whitespace)', 'spaced', 'comparator: "==", threshold: 0', 'ERROR', /sample value " 0" is not a number/],
      ['a scalar answer where the check expects a vector', 'scalar', 'comparator: "==", threshold: 0', 'ERROR', /expected an instant vector, the server answered a scalar — declare result_type: scalar/],
      ['a string answer', 'string', 'comparator: "==", threshold: 0', 'ERROR', /the server answered a string/],
      ['+Inf for a >= check', 'plus_inf', 'comparator: ">=", threshold: 0.5', 'NO_DATA', /no finite value \(\+Inf in \{profile="r2"\}\); ±Inf never passes/],
      ['-Inf for a <= check', 'minus_inf', 'comparator: "<=", threshold: 0.5', 'NO_DATA', /no finite value \(-Inf in \{profile="r2"\}\)/],
    ];
    for (const [title, query, condition, outcome, message] of cases) {
      it(`fake server: ${title} → ${outcome}, not approved, saying what came back`, async () => {
        const { code, out } = await run(query, `{id: c, name: C, type: promql, query: ${query}, ${condition}}`);
        const { report, check } = parsed(out, 'c');
        assert.equal(check.outcome, outcome);
        assert.match(check.message, message);
        assert.notEqual(report.decision_code, 'APPROVED');
        assert.notEqual(code, 0);
        assert.match(report.decision_reason!, /no deciding data/);
      });
    }

    it('fake server: ±Inf stays "+Inf"/"-Inf" in the JSON report, never null', async () => {
      const { out } = await run('inf_json', '{id: p, name: P, type: promql, query: plus_inf, comparator: ">=", threshold: 0.5}', '{id: m, name: M, type: promql, query: minus_inf, comparator: "<=", threshold: 0.5}');
      assert.equal(parsed(out, 'p').value, '+Inf');
      assert.equal(parsed(out, 'm').value, '-Inf');
      assert.doesNotMatch(out, /"value": null/);
    });

    it('fake server: a scalar declared with result_type: scalar is read, and a well-formed vector can approve (the control)', async () => {
      const scalar = await run('scalar_ok', '{id: c, name: C, type: promql, query: scalar, result_type: scalar, comparator: "==", threshold: 0}');
      assert.equal(parsed(scalar.out, 'c').check.outcome, 'PASS');
      assert.equal(scalar.code, 0);
      const ok = await run('control', '{id: c, name: C, type: promql, query: zero, comparator: "==", threshold: 0}', '{id: t, name: T, type: promql, query: tiny, comparator: "<", threshold: 1e-6}');
      assert.equal(parsed(ok.out, 't').value, 1e-7);
      assert.equal(JSON.parse(ok.out).decision_code, 'APPROVED');
      assert.equal(ok.code, 0);
    });

    it('a threshold variable is read as strictly as a sample: "0x10" or "Infinity" is refused (exit 2)', async () => {
      for (const bad of ['0x10', 'Infinity', ' ']) {
        const file = writeFile(f.dir, 'var.yaml', gatesYaml('{id: c, name: C, type: promql, query: zero, comparator: "==", threshold: "${t}"}').replace('gates:', 'variables: {t: "0"}\ngates:'));
        const { code, err } = await gatesCli(f, ['--prometheus-url', fake.url, '--at', String(END), '--gates', file, '--var', `t=${bad}`, '--quiet']);
        assert.equal(code, 2, bad);
        assert.match(err, new RegExp(`threshold: '\\$\\{t\\}' resolves to ${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, not a finite decimal number`));
      }
    });

    it('fake server: on_infinite says what ±Inf counts as (here warn: CONDITIONAL beside a passing check)', async () => {
      const { code, out } = await run('on_inf', '{id: c, name: C, type: promql, query: zero, comparator: "==", threshold: 0}', '{id: i, name: I, type: promql, query: plus_inf, comparator: ">=", threshold: 0.5, on_infinite: warn}');
      const { report, check } = parsed(out, 'i');
      assert.equal(check.outcome, 'NO_DATA');
      assert.equal(check.counts_as, 'WARN');
      assert.equal(report.decision_code, 'CONDITIONAL');
      assert.equal(code, 3);
    });
  });

  describe('real Prometheus', () => {
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());
    const run = async (name: string, args: string[], ...checks: string[]) => {
      const file = writeFile(f.dir, `${name}.yaml`, gatesYaml(...checks));
      return gatesCli(f, ['--gates', file, '--quiet', ...args]);
    };
    const counted = '{id: n, name: N, type: promql, query: "count(aurora_risk_dro_factor)", comparator: ">=", threshold: 1}';

    it('vector(1)/0 is +Inf: NO_DATA counted as on_missing (FAIL), BLOCKED; "+Inf" in JSON, Markdown, JUnit and metrics, never null', async () => {
      const inf = '{id: inf, name: Inf, type: promql, query: "vector(1)/0", comparator: ">=", threshold: 0.5}';
      const { code, out } = await run('div0', ['--metrics-out', 'div0.prom'], counted, inf);
      const { report, check, value } = parsed(out, 'inf');
      assert.equal(value, '+Inf');
      assert.equal(check.outcome, 'NO_DATA');
      assert.equal(check.counts_as, 'FAIL');
      assert.equal(report.decision_code, 'BLOCKED');
      assert.equal(code, 1);
      assert.equal(report.gates[0].value as unknown, '+Inf', 'the gate shows the deciding value');
      assert.match(fs.readFileSync(path.join(f.dir, 'div0.prom'), 'utf8'), /^aurora_ga_gate_value\{gate="g",check="inf"\} \+Inf$/m);
      const md = (await run('div0', ['--format', 'md'], counted, inf)).out;
      assert.match(md, /\| inf \| \+Inf — not a measurement, required at least 0\.5 — counts as FAIL \|/);
      assert.match(md, /\n- value: \+Inf; requirement: >= 0\.5\n/);
      const junit = (await run('div0', ['--format', 'junit'], counted, inf)).out;
      assert.match(junit, /no finite value \(\+Inf in the value\)/);
      assert.doesNotMatch(junit, /"value": null|Infinity/);
    });

    it('-vector(1)/0 is -Inf for a <= check and vector(0)/0 is NaN: both NO_DATA, written "-Inf" and "NaN"', async () => {
      const { code, out } = await run('neg', [], counted, '{id: neg, name: Neg, type: promql, query: "-vector(1)/0", comparator: "<=", threshold: 0.5}', '{id: nan, name: NaN, type: promql, query: "vector(0)/0", comparator: "<=", threshold: 0.5}');
      assert.equal(parsed(out, 'neg').value, '-Inf');
      assert.equal(parsed(out, 'neg').check.outcome, 'NO_DATA');
      assert.equal(parsed(out, 'nan').value, 'NaN');
      assert.match(parsed(out, 'nan').check.message, /no data \(NaN in the value\)/);
      assert.equal(code, 1);
    });

    it('a range selector in an instant query gives a matrix: ERROR naming it, never its last sample', async () => {
      const { code, out } = await run('matrix', [], counted, '{id: m, name: M, type: promql, query: "aurora_risk_dro_factor[5m]", comparator: ">=", threshold: 0.5}');
      const { check, report } = parsed(out, 'm');
      assert.equal(check.outcome, 'ERROR');
      assert.match(check.message, /expected an instant vector, the server answered a range vector \(matrix\)/);
      assert.equal(report.decision_code, 'BLOCKED');
      assert.equal(code, 1);
    });

    it('a scalar expression is ERROR unless the check declares result_type: scalar', async () => {
      const q = 'query: "scalar(count(aurora_risk_dro_factor))", comparator: ">=", threshold: 1';
      const undeclared = await run('scalar', [], `{id: s, name: S, type: promql, ${q}}`);
      assert.equal(parsed(undeclared.out, 's').check.outcome, 'ERROR');
      assert.match(parsed(undeclared.out, 's').check.message, /answered a scalar — declare result_type: scalar/);
      assert.equal(undeclared.code, 4);
      const declared = await run('scalar_ok', [], `{id: s, name: S, type: promql, result_type: scalar, ${q}}`);
      assert.equal(parsed(declared.out, 's').value, 2);
      assert.equal(declared.code, 0);
    });

    it('promql_range: ±Inf samples never satisfy `where` and make max non-finite', async () => {
      const { code, out } = await run('range', [], counted,
        '{id: share, name: Share, type: promql_range, query: "vector(1)/0", reduce: share, where: {comparator: ">=", value: 0}, comparator: ">=", threshold: 0.95}',
        '{id: max, name: Max, type: promql_range, query: "vector(1)/0", reduce: max, comparator: ">=", threshold: 0}');
      assert.equal(parsed(out, 'share').value, 0);
      assert.equal(parsed(out, 'share').check.outcome, 'FAIL');
      assert.match(parsed(out, 'share').check.evidence.raw[0].value, /non-finite \(never satisfy anything\)/);
      assert.equal(parsed(out, 'max').value, '+Inf');
      assert.equal(parsed(out, 'max').check.outcome, 'NO_DATA');
      assert.equal(code, 1);
    });
  });
});
