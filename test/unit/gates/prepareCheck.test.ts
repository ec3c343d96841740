// prepareCheck: everything about a check that is known before any I/O, resolved from its templates
// (so a typo in a gates file is an input error naming gate, check and field, before a query runs):
// thresholds as strict decimals, file paths against the base folder, compare sides and limits.
// The compare critical limit is checked on a REAL (empty) Prometheus: the judge's limits are the
// only place the resolved limit shows, and a constant counts query needs no data.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { prepareCheck, runCheck, type PreparedCheck } from '../../../src/core/gates/checks/run';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { checkDefinition, gateDefinition, type CheckDefinition, type GateDefinition } from '../../../src/core/gates/schema';
import { PrometheusClient } from '../../../src/core/prometheus/client';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { InputError } from '../../../src/core/util/errors';
import { startPrometheus, type RunningServer } from '../../support/prometheus';

const CWD = path.join(os.tmpdir(), 'aurora-prepare-ws');
const AT = new Date('2026-11-26T12:00:00Z');

function ctx(vars: Record<string, string> = {}, client?: PrometheusClient): CheckContext {
  return {
    ...(client ? { client } : {}),
    promSource: 'http://prom.test', at: AT, windowSeconds: 3600, window: '1h', stepSeconds: 60,
    vars: { window: '1h', ...vars }, cwd: CWD, files: { roots: [CWD], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(10_000),
  };
}
const check = (c: Record<string, unknown>): CheckDefinition => checkDefinition.parse({ id: 'c', name: 'N', ...(c.type === 'compare' ? {} : { comparator: '<=', threshold: 1 }), ...c });
const GATE: GateDefinition = gateDefinition.parse({ key: 'g', id: 1, name: 'G', fail_action: 'NO-GO', remediation: 'fix', checks: [check({ type: 'promql', query: 'up' })] });
const prepare = (c: Record<string, unknown>, vars: Record<string, string> = {}) => prepareCheck(GATE, check(c), ctx(vars));

/** Asserts an InputError with exactly this message. */
function refuses(fn: () => unknown, message: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}
const unknownVar = (field: string, name = 'nope') => `gate 'g', check 'c', ${field}: no value for \${${name}} (pass --var ${name}=…)`;

const SAMPLES = { type: 'compare', query: 'lat{version="${side}"}[${window}]', baseline: 'v1', candidate: 'v2', allowed: 0.1 };
const COUNTS = { type: 'compare', errors: 'sum(increase(e{v="${side}"}[${window}]))', requests: 'sum(increase(r{v="${side}"}[${window}]))', baseline: 'v1', candidate: 'v2', allowed: 0.5 };

describe('gates: prepareCheck resolves a check before any I/O', () => {
  describe('thresholds', () => {
    it('a template threshold resolves to its number', () => {
      const p = prepare({ type: 'promql', query: 'up', threshold: '${t}' }, { t: '0.25' });
      assert.equal('threshold' in p && p.threshold, 0.25);
    });

    it('an unknown variable is an input error naming gate, check, field and variable', () => {
      refuses(() => prepare({ type: 'promql', query: 'up', threshold: '${nope}' }), unknownVar('threshold'));
    });

    for (const [value, why] of [['abc', 'not a number'], ['+Inf', 'infinite'], ['NaN', 'not a number at all']]) {
      it(`a threshold resolving to ${value} (${why}) is refused`, () => {
        refuses(() => prepare({ type: 'promql', query: 'up', threshold: '${t}' }, { t: value }), `gate 'g', check 'c', threshold: '\${t}' resolves to "${value}", not a finite decimal number`);
      });
    }
  });

  describe('queries and conditions', () => {
    it('promql: an unknown variable in the query names the query', () => {
      refuses(() => prepare({ type: 'promql', query: 'up{job="${nope}"}' }), unknownVar('query'));
    });

    it('promql_range: the query, then where.value', () => {
      refuses(() => prepare({ type: 'promql_range', query: 'up[${nope}]', reduce: 'max' }), unknownVar('query'));
      refuses(() => prepare({ type: 'promql_range', query: 'up', reduce: 'share', where: { comparator: '>=', value: '${w}' } }), unknownVar('where.value', 'w'));
      refuses(() => prepare({ type: 'promql_range', query: 'up', reduce: 'share', where: { comparator: '>=', value: '${w}' } }, { w: '1e' }), `gate 'g', check 'c', where.value: '\${w}' resolves to "1e", not a finite decimal number`);
    });

    it('a pattern RE2 does not accept is an input error naming the pattern', () => {
      assert.throws(() => prepare({ type: 'log_pattern', files: ['a.log'], pattern: '(a)\\1', regex: true }), (e: unknown) => e instanceof InputError && e.message.startsWith("gate 'g', check 'c', pattern: not a regular expression RE2 accepts (") && e.message.endsWith('); backreferences and lookaround are not supported'));
    });
  });

  describe('file paths', () => {
    it('log_pattern: every path resolved against the base folder, templates too', () => {
      const p = prepare({ type: 'log_pattern', files: ['logs/a.log', '${artifacts}/*.log'], pattern: 'x' }, { artifacts: '/art' });
      assert.deepEqual(p.files, [path.join(CWD, 'logs/a.log'), '/art/*.log']);
    });

    it('log_pattern: an unknown variable names the path by its index', () => {
      refuses(() => prepare({ type: 'log_pattern', files: ['a.log', '${nope}/b.log'], pattern: 'x' }), unknownVar('files[1]'));
    });

    for (const type of ['json_value', 'checkpoint_report'] as const) {
      const extra = type === 'json_value' ? { path: 'v' } : { measure: 'anomalies' };
      it(`${type}: its one file is what gets confined`, () => {
        assert.deepEqual(prepare({ type, file: 'out/r.json', ...extra }).files, [path.join(CWD, 'out/r.json')]);
      });

      it(`${type}: an unknown variable names the file`, () => {
        refuses(() => prepare({ type, file: '${nope}/r.json', ...extra }), unknownVar('file'));
      });
    }
  });

  describe('compare checks', () => {
    it('are run as a whole (no threshold to measure against)', async () => {
      const p: PreparedCheck = prepare(SAMPLES);
      assert.ok('run' in p && !('measure' in p));
      // Without a Prometheus the comparison is an ERROR of this very check, never a default.
      const r = await runCheck(p, ctx());
      assert.equal(r.check_id, 'c');
      assert.equal(r.outcome, 'ERROR');
      assert.equal(r.message, 'N: no Prometheus URL configured');
      assert.equal(r.threshold, 0.1);
      assert.equal(r.evidence.query, 'lat{version="v2"}[1h]');
    });

    it('an unknown variable in a side names the side', () => {
      refuses(() => prepare({ ...SAMPLES, baseline: '${nope}' }), unknownVar('baseline'));
      refuses(() => prepare({ ...SAMPLES, candidate: '${nope}' }), unknownVar('candidate'));
    });

    it('the default sides are ${baseline} and ${candidate}', () => {
      const { baseline: _b, candidate: _c, ...defaults } = SAMPLES;
      refuses(() => prepare(defaults, { candidate: 'v2' }), unknownVar('baseline', 'baseline'));
    });

    it('samples: an unknown variable names the query', () => {
      refuses(() => prepare({ ...SAMPLES, query: 'lat{v="${side}", x="${nope}"}' }), unknownVar('query'));
    });

    it('counts: an unknown variable names the errors or the requests query', () => {
      refuses(() => prepare({ ...COUNTS, errors: 'e{x="${nope}"}' }), unknownVar('errors'));
      refuses(() => prepare({ ...COUNTS, requests: 'r{x="${nope}"}' }), unknownVar('requests'));
    });

    it('allowed and critical_limit resolve as strictly as thresholds', () => {
      refuses(() => prepare({ ...SAMPLES, allowed: '${a}' }, { a: 'x' }), `gate 'g', check 'c', allowed: '\${a}' resolves to "x", not a finite decimal number`);
      refuses(() => prepare({ ...SAMPLES, critical_limit: '${nope}' }), unknownVar('critical_limit'));
      refuses(() => prepare({ ...SAMPLES, critical_limit: '${k}' }, { k: '-Inf' }), `gate 'g', check 'c', critical_limit: '\${k}' resolves to "-Inf", not a finite decimal number`);
    });
  });

  describe('compare checks on a real (empty) Prometheus: the resolved limits reach the judge', () => {
    let prom: RunningServer;
    let transport: HttpTransport;
    let client: PrometheusClient;
    before(async () => {
      prom = await startPrometheus();
      transport = new HttpTransport({ url: prom.url });
      client = new PrometheusClient({ retries: 0 }, transport);
    });
    after(async () => {
      await transport?.close();
      await prom?.stop();
    });

    // Constant counts (no data needed): 0 errors of 2000 requests on each side.
    const constant = { ...COUNTS, errors: 'vector(0)', requests: 'vector(2000)', allowed: '${a}' };
    const limits = async (extra: Record<string, unknown>) => {
      const vars = { a: '0.5', k: '2' };
      const r = await runCheck(prepareCheck(GATE, check({ ...constant, ...extra }), ctx(vars, client)), ctx(vars, client));
      assert.equal(r.outcome, 'INCONCLUSIVE', r.message);
      return (r.evidence.comparison!.judgement as unknown as { limits: Record<string, number> }).limits;
    };

    it('critical_limit from a template is the judge\'s critical limit', async () => {
      assert.deepEqual(await limits({ critical_limit: '${k}' }), { allowed: 0.5, critical: 2 });
    });

    it('no critical_limit: the judge has none', async () => {
      assert.deepEqual(await limits({}), { allowed: 0.5 });
    });
  });
});
