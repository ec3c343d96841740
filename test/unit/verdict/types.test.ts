// The gate report's one schema (src/core/verdict/types.ts): what the checklist, the Gates view and
// `promote` read back. A report the engine can write must come back unchanged; a value outside the
// model must be refused, never kept or defaulted.
import assert from 'node:assert/strict';
import {
  checkOutcomeSchema, comparatorSchema, dataModeSchema, decisionCodeSchema, failActionSchema, gateReportSchema, gateStatusSchema, severitySchema, unavailableCauseSchema,
} from '../../../src/core/verdict/types';

const SHA = 'a'.repeat(64);

/** Built inside each test (never when the file loads), so a mutation run checks the schema it mutated. */
function report() {
  const evidence = {
    kind: 'prometheus', source: 'http://127.0.0.1:9090', query: 'q', path: '$.a', evaluated_at: '2026-12-03T00:00:00Z', window: '48h', series_count: 2,
    raw: [{ labels: { job: 'api' }, value: '0.2' }, { value: '1' }], threshold: 0.15, comparator: '<=', duration_ms: 3,
    error: 'e', range: { start: '2026-12-01T00:00:00Z', end: '2026-12-03T00:00:00Z', step_seconds: 60 }, attempts: 2, warnings: ['w'], raw_truncated: 1, note: 'n', cause: 'timeout', partial: true,
    comparison: {
      baseline: { value: 'v1', queries: ['b'], series_count: 1 }, candidate: { value: 'v2', queries: ['c'], series_count: 1 },
      judgement: { verdict: 'pass', extra: 1 }, summary: 's', group: 'latency', weight: 2, critical: false,
    },
  };
  const check = { check_id: 'c1', name: 'Error rate', outcome: 'FAIL', counts_as: 'FAIL', value: 0.2, threshold: 0.15, comparator: '<=', severity: 'fail', message: 'm', evidence };
  const score = {
    score: 80, status: 'WARN', groups: [{ group: 'latency', weight: 2, judged: 1, passed: 1, score: null }], criticalFailures: ['c2'], judgedShare: 1, reason: 'r', pass: 95, marginal: 75,
  };
  const gate = {
    gate_id: 1, gate_name: 'Errors', status: 'FAIL', value: 0.2, threshold: 0.15, condition: '<= 0.15', message: 'm', fail_action: 'NO-GO', key: 'errors', remediation: 'fix', checks: [check], value_check: 'c1', score,
  };
  return {
    schema_version: 2, timestamp: '2026-12-03T00:00:00Z', window_hours: 48, data_mode: 'live', overall_status: 'FAIL', ga_status: 'NOT READY', gates: [gate], decision: 'NO-GO', decision_code: 'BLOCKED',
    decision_reason: 'why', next_steps: ['fix'], source: 'http://127.0.0.1:9090', profile: 'r2', promotable: true, evaluated_at: '2026-12-03T00:00:00Z', window: '48h', exit_code: 1, gates_file: 'gates.yaml',
    evaluation_error: { cause: 'unreachable', message: 'down', source: 'http://127.0.0.1:9090', checks: 3, preflight: false },
    recording: { file: 'rec.json', sha256: SHA },
  };
}

type Json = ReturnType<typeof report>;
const refused = (edit: (r: Json) => void, what: string) => {
  const r = report();
  edit(r);
  assert.equal(gateReportSchema.safeParse(r).success, false, `${what} was accepted`);
};

describe('verdict types: the gate report schema', () => {
  it('reads back every field of a report the engine writes, unchanged', () => {
    const r = report();
    assert.deepEqual(gateReportSchema.parse(r), r);
  });

  it('reads NaN and ±Inf as Prometheus writes them, and null as no value', () => {
    const r = report();
    Object.assign(r.gates[0], { value: 'NaN' });
    Object.assign(r.gates[0].checks[0], { value: '-Inf' });
    const parsed = gateReportSchema.parse(r);
    assert.ok(Number.isNaN(parsed.gates[0].value));
    assert.equal(parsed.gates[0].checks[0].value, Number.NEGATIVE_INFINITY);
    Object.assign(r.gates[0].checks[0], { value: '+Inf' });
    assert.equal(gateReportSchema.parse(r).gates[0].checks[0].value, Number.POSITIVE_INFINITY);
    Object.assign(r.gates[0].checks[0], { value: null });
    assert.equal(gateReportSchema.parse(r).gates[0].checks[0].value, null);
    Object.assign(r.gates[0].checks[0], { value: 'Infinity' });
    assert.equal(gateReportSchema.safeParse(r).success, false);
  });

  it('accepts every value of each closed set and refuses one outside it', () => {
    const sets: [{ safeParse: (v: unknown) => { success: boolean } }, string[]][] = [
      [comparatorSchema, ['<=', '<', '>=', '>', '==']],
      [severitySchema, ['fail', 'warn']],
      [checkOutcomeSchema, ['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE', 'NO_DATA', 'ERROR']],
      [gateStatusSchema, ['PASS', 'WARN', 'INCONCLUSIVE', 'FAIL']],
      [failActionSchema, ['NO-GO', 'CONDITIONAL', 'OBSERVE']],
      [decisionCodeSchema, ['APPROVED', 'CONDITIONAL', 'INCONCLUSIVE', 'BLOCKED', 'ERROR']],
      [dataModeSchema, ['live', 'replay', 'demo']],
      [unavailableCauseSchema, ['unreachable', 'dns', 'tls', 'timeout', 'auth', 'not-prometheus', 'server-error', 'throttled', 'deadline']],
    ];
    for (const [schema, values] of sets) {
      for (const v of values) assert.ok(schema.safeParse(v).success, `${v} refused`);
      assert.equal(schema.safeParse('').success, false);
      assert.equal(schema.safeParse(`${values[0]} `).success, false);
    }
    const scoreStatus = (status: string) => {
      const r = report();
      r.gates[0].score.status = status;
      return gateReportSchema.safeParse(r).success;
    };
    for (const s of ['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE']) assert.ok(scoreStatus(s), `score status ${s} refused`);
    assert.equal(scoreStatus('ERROR'), false);
  });

  it('reads file evidence as well as Prometheus evidence', () => {
    const r = report();
    r.gates[0].checks[0].evidence.kind = 'file';
    assert.equal(gateReportSchema.parse(r).gates[0].checks[0].evidence.kind, 'file');
  });

  it('refuses a judgement that is not a judge result, and says so', () => {
    for (const judgement of [undefined, null, 'pass', ['pass'], {}, { verdict: 1 }]) {
      refused((r) => { r.gates[0].checks[0].evidence.comparison.judgement = judgement as never; }, `judgement ${JSON.stringify(judgement)}`);
    }
    const r = report();
    r.gates[0].checks[0].evidence.comparison.judgement = {} as never;
    const result = gateReportSchema.safeParse(r);
    assert.equal(result.success ? undefined : result.error.issues[0].message, 'not a judgement');
  });

  it('refuses a recording without a file or with anything but a SHA-256 in hex', () => {
    const recording = (file: string, sha256: string) => {
      const r = report();
      r.recording = { file, sha256 };
      return gateReportSchema.safeParse(r).success;
    };
    assert.ok(recording('r', SHA));
    assert.equal(recording('', SHA), false);
    for (const sha of [SHA.slice(1), `${SHA}a`, `x${SHA.slice(1)}`, `${SHA.slice(1)}x`, 'G'.repeat(64), 'z'.repeat(64)]) assert.equal(recording('r', sha), false, sha);
  });

  it('refuses a missing or mistyped field at every level', () => {
    refused((r) => { delete (r as Partial<Json>).decision_code; }, 'no decision_code');
    refused((r) => { (r as Record<string, unknown>).window_hours = '48'; }, 'window_hours as text');
    refused((r) => { (r.gates[0] as Record<string, unknown>).gate_id = 1.5; }, 'a fractional gate_id');
    refused((r) => { delete (r.gates[0].checks[0] as Partial<Json['gates'][0]['checks'][0]>).severity; }, 'a check without severity');
    refused((r) => { (r.gates[0].checks[0].evidence as Record<string, unknown>).kind = 'http'; }, 'evidence kind http');
    refused((r) => { (r.gates[0].score.groups[0] as Record<string, unknown>).judged = 'one'; }, 'a group judged as text');
    refused((r) => { (r.evaluation_error as Record<string, unknown>).preflight = 'no'; }, 'preflight as text');
    refused((r) => { (r.gates[0].checks[0].evidence.comparison.baseline as Record<string, unknown>).series_count = '1'; }, 'series_count as text');
  });
});
