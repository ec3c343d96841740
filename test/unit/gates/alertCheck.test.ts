// measureAlert / ruleProof / alertQuery (src/core/gates/checks/alert.ts): an alert check counts the
// firing series of ALERTS in the window, and "none firing" counts as 0 only when the rules API proves
// the rule loaded, healthy and evaluated in the window. Measured on a REAL Prometheus evaluating the
// rule file below (one rule always firing, quiet ones, a broken one, one name in two groups), with
// the whole Measured result pinned. Expected reasons quote the server's own words (rule health,
// lastEvaluation, lastError, error messages) from the very answer measureAlert read, captured by
// wrapping the rules reader. A fake server appears only for a matrix answer (no real Prometheus gives
// one to max_over_time), and ruleProof is called on hand-built rule lists only for rule states a real
// server does not hold on demand (never evaluated while healthy, an evaluation exactly at the window
// start, an unhealthy rule without lastError).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alertQuery, measureAlert, ruleProof } from '../../../src/core/gates/checks/alert';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { PrometheusClient, type RulesOutcome } from '../../../src/core/prometheus/client';
import type { AlertingRule } from '../../../src/core/prometheus/rules';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { alertCheck } from '../../../src/core/gates/schema';
import { matrixAnswer, startFakePrometheus } from '../../support/fakePrometheus';
import { startPrometheus, type RunningServer } from '../../support/prometheus';
import { waitFor } from '../../support/waitFor';

const QUIET = 'vector(1) == 0';
// Six distinct alert names (AuroraTwin twice, in two groups): the "not loaded" reason lists five and "…".
const RULES = {
  groups: [
    {
      name: 'aurora_alert_a',
      rules: [
        { alert: 'AuroraQuiet', expr: QUIET, labels: { severity: 'warning' } },
        { alert: 'AuroraLoud', expr: 'vector(1)', for: '0m', labels: { severity: 'page' } },
        { alert: 'AuroraTwin', expr: QUIET, labels: { severity: 'warning' } },
        // Fails at every evaluation: many-to-many matching (loaded but not healthy).
        { alert: 'AuroraBroken', expr: 'vector(1) * on() group_left() (label_replace(vector(1), "a", "1", "", "") or label_replace(vector(1), "a", "2", "", ""))' },
        { alert: 'AuroraUnlabelled', expr: QUIET },
        { alert: 'AuroraSpare', expr: QUIET },
      ],
    },
    { name: 'aurora_alert_b', rules: [{ alert: 'AuroraTwin', expr: QUIET, labels: { team: 'ml' } }] },
  ],
};

const check = (alertname: string, labels?: Record<string, string>) => alertCheck.parse({ id: 'a', name: `${alertname} firing`, type: 'alert', alertname, comparator: '==', threshold: 0, ...(labels ? { labels } : {}) });

describe('gates: alert checks count firing series and prove "none firing" from the rules API', function () {
  this.timeout(60_000);
  let dir: string;
  let loaded: RunningServer;
  let empty: RunningServer;
  const transports: HttpTransport[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-alert-check-'));
    const rulesFile = path.join(dir, 'rules.yml');
    fs.writeFileSync(rulesFile, JSON.stringify(RULES));
    [loaded, empty] = await Promise.all([startPrometheus({ ruleFiles: [rulesFile] }), startPrometheus()]);
    // Server setup: AuroraLoud fires at its first evaluation; wait until ALERTS holds it.
    await waitFor('AuroraLoud to fire', async () => {
      const res = await fetch(`${loaded.url}/api/v1/query?query=${encodeURIComponent('ALERTS{alertname="AuroraLoud",alertstate="firing"}')}`);
      return ((await res.json()) as { data: { result: unknown[] } }).data.result.length > 0;
    }, 30_000);
  });
  after(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await Promise.all([loaded?.stop(), empty?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = (url: string) => {
    const t = new HttpTransport({ url });
    transports.push(t);
    return new PrometheusClient({ retries: 0 }, t);
  };

  /** A context on `url` (rules read from `rulesUrl`), evaluated at `at` over `windowSeconds`; `seen()` is the rules answer measureAlert read. */
  function context(url: string, o: { at?: Date; windowSeconds?: number; rulesUrl?: string } = {}) {
    const signal = AbortSignal.timeout(20_000);
    const c = client(url);
    const rulesClient = o.rulesUrl ? client(o.rulesUrl) : c;
    let seen: RulesOutcome | undefined;
    const windowSeconds = o.windowSeconds ?? 3600;
    const ctx: CheckContext = {
      client: c,
      rules: { source: o.rulesUrl ?? url, read: async () => (seen = await rulesClient.rules(signal)) },
      promSource: url,
      at: o.at ?? new Date(),
      windowSeconds,
      window: `${windowSeconds}s`,
      stepSeconds: 60,
      vars: {},
      cwd: dir,
      files: { roots: [dir], allowOutside: false },
      secrets: [],
      signal,
    };
    return {
      ctx,
      seenRules(): AlertingRule[] {
        assert.ok(seen?.ok, `rules read: ${JSON.stringify(seen)}`);
        return seen.rules;
      },
      seen: () => seen,
    };
  }

  const promEv = (url: string, query: string, window = '3600s') => ({ kind: 'prometheus', source: url, query, window });
  const note = (alertname: string) => `count of ${alertname} series firing at any time in the window`;
  const rule = (rules: AlertingRule[], name: string, group: string) => {
    const r = rules.find((x) => x.name === name && x.group === group);
    assert.ok(r, `${name} in ${group}`);
    return r;
  };

  describe('alertQuery', () => {
    it('matches the alert name, the firing state and every extra label, in order, over the window', () => {
      assert.equal(alertQuery(check('AuroraTwin', { team: 'ml', severity: 'page' }), '48h'), 'max_over_time(ALERTS{alertname="AuroraTwin",alertstate="firing",team="ml",severity="page"}[48h])');
      assert.equal(alertQuery(check('AuroraQuiet'), '1h'), 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing"}[1h])');
    });
  });

  describe('measureAlert on a real Prometheus', () => {
    it('a firing alert: its series counted (1), the series in raw, no rules proof needed', async () => {
      const { ctx } = context(loaded.url);
      const query = 'max_over_time(ALERTS{alertname="AuroraLoud",alertstate="firing",severity="page"}[3600s])';
      assert.deepEqual(await measureAlert(check('AuroraLoud', { severity: 'page' }), ctx), {
        kind: 'values',
        items: [{ value: 1, raw: '1' }],
        raw: [{ labels: { alertname: 'AuroraLoud', alertstate: 'firing', severity: 'page' }, value: '1' }],
        seriesCount: 1,
        evidence: { ...promEv(loaded.url, query), attempts: 1, note: note('AuroraLoud') },
      });
    });

    it('a firing alert counts even when the rules API cannot be read (real 404)', async () => {
      const { ctx } = context(loaded.url, { rulesUrl: `${loaded.url}/nowhere` });
      const m = await measureAlert(check('AuroraLoud'), ctx);
      assert.deepEqual(m.kind === 'values' && m.items, [{ value: 1, raw: '1' }]);
    });

    it('the rule loaded, healthy and evaluated in the window, not firing: 0, with the rule named in the note', async () => {
      const { ctx, seenRules } = context(loaded.url);
      const m = await measureAlert(check('AuroraQuiet'), ctx);
      const r = rule(seenRules(), 'AuroraQuiet', 'aurora_alert_a');
      assert.ok(Date.parse(r.lastEvaluation!) > ctx.at.getTime() - 3600_000, `evaluated in the window: ${r.lastEvaluation}`);
      assert.deepEqual(m, {
        kind: 'values',
        items: [{ value: 0, raw: '0' }],
        raw: [],
        seriesCount: 0,
        evidence: {
          ...promEv(loaded.url, 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing"}[3600s])'),
          attempts: 1,
          note: `${note('AuroraQuiet')}; none firing counts as 0: rule AuroraQuiet loaded and healthy (group aurora_alert_a), last evaluated ${r.lastEvaluation}`,
        },
      });
    });

    it('one name in two groups, both able to fire: 0, "and 1 more" (the first group named)', async () => {
      const { ctx, seenRules } = context(loaded.url);
      const m = await measureAlert(check('AuroraTwin'), ctx);
      const r = rule(seenRules(), 'AuroraTwin', 'aurora_alert_a');
      assert.equal(m.kind === 'values' && m.evidence.note, `${note('AuroraTwin')}; none firing counts as 0: rule AuroraTwin loaded and healthy (group aurora_alert_a and 1 more), last evaluated ${r.lastEvaluation}`);
    });

    // Rule a has severity=warning (contradicts page); rule b has team=ml and no severity (may fire
    // with severity=page added by its expression): only b can fire such an alert.
    it('extra labels keep only the rules that can carry them: a label the rule lacks matches, a different value does not', async () => {
      const { ctx, seenRules } = context(loaded.url);
      const m = await measureAlert(check('AuroraTwin', { team: 'ml', severity: 'page' }), ctx);
      const r = rule(seenRules(), 'AuroraTwin', 'aurora_alert_b');
      assert.equal(m.kind === 'values' && m.evidence.note, `${note('AuroraTwin')}; none firing counts as 0: rule AuroraTwin loaded and healthy (group aurora_alert_b), last evaluated ${r.lastEvaluation}`);
    });

    it('a rule without labels can fire with any extra label', async () => {
      const { ctx, seenRules } = context(loaded.url);
      const m = await measureAlert(check('AuroraUnlabelled', { severity: 'page' }), ctx);
      const r = rule(seenRules(), 'AuroraUnlabelled', 'aurora_alert_a');
      assert.equal(m.kind === 'values' && m.evidence.note, `${note('AuroraUnlabelled')}; none firing counts as 0: rule AuroraUnlabelled loaded and healthy (group aurora_alert_a), last evaluated ${r.lastEvaluation}`);
    });

    it('labels no loaded rule of that name can carry: NO_DATA listing the rules\' own labels', async () => {
      const { ctx } = context(loaded.url);
      const query = 'max_over_time(ALERTS{alertname="AuroraTwin",alertstate="firing",severity="page",team="infra"}[3600s])';
      assert.deepEqual(await measureAlert(check('AuroraTwin', { severity: 'page', team: 'infra' }), ctx), {
        kind: 'no_data',
        reason: 'no loaded rule AuroraTwin can fire with labels {"severity":"page","team":"infra"} (its own labels: {"severity":"warning"}, {"team":"ml"})',
        evidence: { ...promEv(loaded.url, query), attempts: 1, note: note('AuroraTwin') },
        raw: [],
        seriesCount: 0,
      });
    });

    it('a rule not loaded: NO_DATA listing five of the six loaded names and "…"', async () => {
      const { ctx } = context(loaded.url);
      const m = await measureAlert(check('AuroraAbsent'), ctx);
      assert.deepEqual(m, {
        kind: 'no_data',
        reason: `alerting rule AuroraAbsent is not loaded (rules API of ${loaded.url}: it lists 6: AuroraQuiet, AuroraLoud, AuroraTwin, AuroraBroken, AuroraUnlabelled, …), so no firing series proves nothing`,
        evidence: { ...promEv(loaded.url, 'max_over_time(ALERTS{alertname="AuroraAbsent",alertstate="firing"}[3600s])'), attempts: 1, note: note('AuroraAbsent') },
        raw: [],
        seriesCount: 0,
      });
    });

    it('a server without rules: NO_DATA "it lists none"', async () => {
      const { ctx } = context(empty.url);
      const m = await measureAlert(check('AuroraQuiet'), ctx);
      assert.equal(m.kind === 'no_data' && m.reason, `alerting rule AuroraQuiet is not loaded (rules API of ${empty.url}: it lists none), so no firing series proves nothing`);
    });

    it('a rule failing at every evaluation: NO_DATA "not healthy" with the server\'s health and error', async () => {
      const { ctx, seenRules } = context(loaded.url);
      const m = await measureAlert(check('AuroraBroken'), ctx);
      const r = rule(seenRules(), 'AuroraBroken', 'aurora_alert_a');
      assert.equal(r.health, 'err');
      assert.match(r.lastError ?? '', /many-to-many/);
      assert.equal(m.kind === 'no_data' && m.reason, `rule AuroraBroken (group aurora_alert_a) is not healthy (err: ${r.lastError})`);
    });

    // Evaluated two hours from now over one hour: the window starts an hour after the rule's last
    // evaluation, so that evaluation proves nothing about the window.
    it('a rule last evaluated before the window began: NO_DATA naming the evaluation and the window start', async () => {
      const at = new Date(Date.now() + 2 * 3600_000);
      const { ctx, seenRules } = context(loaded.url, { at });
      const m = await measureAlert(check('AuroraQuiet'), ctx);
      const r = rule(seenRules(), 'AuroraQuiet', 'aurora_alert_a');
      const from = new Date(at.getTime() - 3600_000).toISOString();
      assert.equal(m.kind === 'no_data' && m.reason, `rule AuroraQuiet (group aurora_alert_a) was last evaluated ${r.lastEvaluation}, not inside the window (from ${from})`);
    });

    // Evaluated half an hour from now over one hour: the window began half an hour ago, the rule was
    // evaluated since (a window of 3.6 s would have begun after it).
    it('the window start is `at` minus windowSeconds seconds: a rule evaluated half an hour before `at` is inside a one-hour window', async () => {
      const { ctx } = context(loaded.url, { at: new Date(Date.now() + 1800_000) });
      const m = await measureAlert(check('AuroraQuiet'), ctx);
      assert.equal(m.kind, 'values', m.kind !== 'values' ? m.reason : '');
    });

    it('the rules API not readable (real 404) and nothing firing: ERROR quoting the rules read failure', async () => {
      const rulesUrl = `${loaded.url}/nowhere`;
      const { ctx, seen } = context(loaded.url, { rulesUrl });
      const m = await measureAlert(check('AuroraQuiet'), ctx);
      const s = seen();
      assert.ok(s && !s.ok && s.status === 404, JSON.stringify(s));
      const reason = `cannot read the alerting rules from ${rulesUrl}/api/v1/rules, so no firing series proves nothing: ${s.message}`;
      assert.deepEqual(m, {
        kind: 'error',
        reason,
        evidence: { ...promEv(loaded.url, 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing"}[3600s])'), attempts: 1, note: note('AuroraQuiet'), error: reason },
      });
    });

    it('a query the server rejects (a label name PromQL cannot parse): ERROR with the server\'s message', async () => {
      const { ctx } = context(loaded.url);
      const c = check('AuroraQuiet', { 'bad-label': 'x' });
      const m = await measureAlert(c, ctx);
      // The client sends each distinct query once: this is the very answer measureAlert read.
      const res = await ctx.client!.instant(alertQuery(c, ctx.window), ctx.at, ctx.signal);
      assert.ok(!res.ok && res.kind === 'rejected' && res.status === 400 && /parse error/.test(res.message), JSON.stringify(res));
      assert.equal(res.cause, undefined);
      assert.deepEqual(m, {
        kind: 'error',
        reason: res.message,
        evidence: { ...promEv(loaded.url, 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing",bad-label="x"}[3600s])'), attempts: 1, note: note('AuroraQuiet'), error: res.message },
      });
    });

    it('no client and no rules reader (no Prometheus URL): ERROR, nothing sent', async () => {
      const { ctx } = context(loaded.url);
      const query = 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing"}[3600s])';
      const expected = { kind: 'error', reason: 'no Prometheus URL configured', evidence: promEv(loaded.url, query) };
      assert.deepEqual(await measureAlert(check('AuroraQuiet'), { ...ctx, client: undefined, rules: undefined }), expected);
      assert.deepEqual(await measureAlert(check('AuroraQuiet'), { ...ctx, rules: undefined }), expected);
      assert.deepEqual(await measureAlert(check('AuroraQuiet'), { ...ctx, client: undefined }), expected);
    });
  });

  it('(fake server: matrix answer shape) an answer that is not an instant vector is ERROR saying so', async () => {
    const fake = await startFakePrometheus(() => matrixAnswer([{ labels: { alertname: 'AuroraQuiet' }, values: [[1, '1']] }]));
    try {
      const { ctx } = context(fake.url);
      const reason = 'expected an instant vector, the server answered a range vector (matrix) — a range selector such as [5m] at the end of an instant query?';
      assert.deepEqual(await measureAlert(check('AuroraQuiet'), ctx), {
        kind: 'error',
        reason,
        evidence: { ...promEv(fake.url, 'max_over_time(ALERTS{alertname="AuroraQuiet",alertstate="firing"}[3600s])'), attempts: 1, note: note('AuroraQuiet'), error: reason },
      });
    } finally {
      await fake.stop();
    }
  });

  // Rule states no real server holds on demand, on the parsed list ruleProof receives.
  describe('ruleProof on rule states a real server does not hold on demand', () => {
    const START = new Date('2026-11-26T10:00:00Z');
    const ok = (name: string, extra: Partial<AlertingRule> = {}): AlertingRule => ({ group: 'g', name, health: 'ok', labels: {}, lastEvaluation: '2026-11-26T11:59:00Z', ...extra });

    it('exactly five other names are all listed, without "…"', () => {
      const rules = ['A1', 'A2', 'A3', 'A4', 'A5'].map((n) => ok(n));
      assert.deepEqual(ruleProof(check('AuroraAbsent'), rules, START, 'http://prom'), { ok: false, reason: 'alerting rule AuroraAbsent is not loaded (rules API of http://prom: it lists 5: A1, A2, A3, A4, A5), so no firing series proves nothing' });
    });

    it('a rule never evaluated (health unknown) has "not been evaluated yet"', () => {
      assert.deepEqual(ruleProof(check('R'), [ok('R', { health: 'unknown', lastEvaluation: '0001-01-01T00:00:00Z' })], START, 's'), { ok: false, reason: 'rule R (group g) has not been evaluated yet' });
    });

    it('an unhealthy rule without lastError shows its health alone', () => {
      assert.deepEqual(ruleProof(check('R'), [ok('R', { health: 'err' })], START, 's'), { ok: false, reason: 'rule R (group g) is not healthy (err)' });
    });

    it('a healthy rule without a lastEvaluation, or at the zero time or the epoch, was "never evaluated"', () => {
      for (const lastEvaluation of [undefined, '0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
        assert.deepEqual(ruleProof(check('R'), [ok('R', { lastEvaluation })], START, 's'), { ok: false, reason: 'rule R (group g) was never evaluated, not inside the window (from 2026-11-26T10:00:00.000Z)' }, String(lastEvaluation));
      }
    });

    it('an evaluation exactly at the window start is not inside it; one a millisecond later is', () => {
      assert.deepEqual(ruleProof(check('R'), [ok('R', { lastEvaluation: '2026-11-26T10:00:00.000Z' })], START, 's'), { ok: false, reason: 'rule R (group g) was last evaluated 2026-11-26T10:00:00.000Z, not inside the window (from 2026-11-26T10:00:00.000Z)' });
      assert.deepEqual(ruleProof(check('R'), [ok('R', { lastEvaluation: '2026-11-26T10:00:00.001Z' })], START, 's'), { ok: true, note: 'rule R loaded and healthy (group g), last evaluated 2026-11-26T10:00:00.001Z' });
    });

    it('every matching rule must be proven: a stale second rule of the name fails the proof', () => {
      const rules = [ok('R'), ok('R', { group: 'h', lastEvaluation: '2026-11-26T09:00:00Z' })];
      assert.deepEqual(ruleProof(check('R'), rules, START, 's'), { ok: false, reason: 'rule R (group h) was last evaluated 2026-11-26T09:00:00Z, not inside the window (from 2026-11-26T10:00:00.000Z)' });
    });
  });
});
