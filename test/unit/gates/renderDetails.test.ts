// The report renderers line by line, from reports built here (no recording, no server): the exact
// JUnit attributes and counts, the exact Markdown document with its conditional parts, the metric
// families' HELP/TYPE lines and samples, and the parts of the GitHub commands that depend on the
// report. Every expected text below is written out by hand from what the format is meant to say.
import assert from 'node:assert/strict';
import { workflowCommand, renderGithub } from '../../../src/core/gates/render/github';
import { renderJunit } from '../../../src/core/gates/render/junit';
import { htmlText, mdCell, renderMarkdown } from '../../../src/core/gates/render/markdown';
import { renderGateMetrics } from '../../../src/core/gates/render/metrics';
import { judgeSamples } from '../../../src/core/judge';
import type { CheckResult, Evidence, GateReport, GateResult } from '../../../src/core/verdict/types';

const AT = '2026-11-26T12:00:00.000Z';
const STAMP = '2026-11-26T12:00:05.000Z';
const PROM = 'http://prom:9090';
const BLOCKED = '❌ GA PROMOTION BLOCKED - Critical failures detected';

function evidence(over: Partial<Evidence> = {}): Evidence {
  return { kind: 'prometheus', source: PROM, query: 'up', evaluated_at: AT, series_count: 1, raw: [{ value: '0' }], threshold: 1, comparator: '<=', duration_ms: 3, ...over };
}

function check(over: Partial<CheckResult> & Pick<CheckResult, 'check_id'>): CheckResult {
  return { name: 'N', outcome: 'PASS', counts_as: 'PASS', value: 0, threshold: 1, comparator: '<=', severity: 'fail', message: 'fine', evidence: evidence(), ...over };
}

function gate(over: Partial<GateResult> & Pick<GateResult, 'key' | 'checks'>): GateResult {
  const first = over.checks[0];
  return { gate_id: 1, gate_name: 'G', status: 'PASS', value: first?.value ?? null, threshold: first?.threshold ?? null, condition: 'x <= 1', message: 'm', fail_action: 'NO-GO', remediation: 'fix it', value_check: first?.check_id ?? null, ...over };
}

function report(gates: GateResult[], over: Partial<GateReport> = {}): GateReport {
  return {
    schema_version: 2,
    timestamp: STAMP,
    window_hours: 48,
    data_mode: 'live',
    overall_status: 'FAIL',
    ga_status: 'FAIL',
    gates,
    decision: BLOCKED,
    decision_code: 'BLOCKED',
    decision_reason: 'NO-GO gate(s) failed: Alpha',
    next_steps: ['Re-run GA gates evaluation'],
    source: PROM,
    promotable: true,
    evaluated_at: AT,
    exit_code: 1,
    ...over,
  };
}

/** XML text back to what it says (the five escapes the JUnit writer uses; &amp; last). */
const unXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('gates: report renderers in detail (built reports)', () => {
  describe('JUnit', () => {
    // Gate 1: one check of each kind a NO-GO gate can hold; gate 2: an ERROR that only warns (on_error: warn),
    // an ERROR that is INCONCLUSIVE and a plain failure.
    const alpha = gate({
      key: 'a',
      gate_id: 1,
      gate_name: 'Alpha & Co',
      status: 'FAIL',
      checks: [
        check({ check_id: 'f', name: 'Fails', outcome: 'FAIL', counts_as: 'FAIL', value: 5, message: 'too "high": 5 > 1\ufffe', evidence: evidence({ query: 'a > b && "c"', duration_ms: 1200 }) }),
        check({ check_id: 'e', name: 'Errs', outcome: 'ERROR', counts_as: 'FAIL', value: null, message: 'connection refused', evidence: evidence({ raw: [], error: 'refused <here>', duration_ms: 34 }) }),
        check({ check_id: 'n', name: 'Nothing', outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE', value: null, message: 'no series', evidence: evidence({ raw: [], duration_ms: 5 }) }),
        check({ check_id: 'w', name: 'Warns', outcome: 'WARN', counts_as: 'WARN', value: 1, message: 'close', evidence: evidence({ duration_ms: 0 }) }),
        check({ check_id: 'p', name: 'Passes', evidence: evidence({ duration_ms: 61 }) }),
      ],
    });
    const beta = gate({
      key: 'b',
      gate_id: 2,
      gate_name: 'Beta',
      status: 'FAIL',
      fail_action: 'CONDITIONAL',
      checks: [
        check({ check_id: 'x', name: 'Soft error', outcome: 'ERROR', counts_as: 'WARN', value: null, message: 'bad query', evidence: evidence({ raw: [], duration_ms: 2 }) }),
        check({ check_id: 'y', name: 'Hard error', outcome: 'ERROR', counts_as: 'INCONCLUSIVE', value: null, message: 'timeout', evidence: evidence({ raw: [], duration_ms: 3 }) }),
        check({ check_id: 'z', name: 'Over', outcome: 'FAIL', counts_as: 'FAIL', value: 2, message: 'over', evidence: evidence({ duration_ms: 10 }) }),
      ],
    });
    const r = report([alpha, beta]);

    it('writes the whole document: declaration, totals, one suite per gate with its properties, one case per check', () => {
      const xml = renderJunit(r);
      // The evidence bodies are checked in the next test; here each is replaced by a marker.
      const skeleton = xml.replace(/">[^<]*<\/(failure|error)>/g, (_m, tag: string) => `">…</${tag}>`);
      const props = (status: string, action: string) => [
        '    <properties>',
        `      <property name="data_mode" value="live — ${PROM}"/>`,
        `      <property name="decision" value="${BLOCKED}"/>`,
        `      <property name="gate_status" value="${status}"/>`,
        `      <property name="fail_action" value="${action}"/>`,
        `      <property name="evaluated_at" value="${AT}"/>`,
        '    </properties>',
      ];
      const expected = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="aurora-ga gates" tests="8" failures="2" errors="3" timestamp="${STAMP}">`,
        // 1200 + 34 + 5 + 0 + 61 ms
        '  <testsuite name="Gate 1: Alpha &amp; Co" tests="5" failures="1" errors="2" time="1.300">',
        ...props('FAIL', 'NO-GO'),
        '    <testcase classname="aurora-ga.a" name="f: Fails" time="1.200">',
        '      <failure type="FAIL" message="too &quot;high&quot;: 5 &gt; 1">…</failure>',
        '      <system-out>FAIL (counts as FAIL): too &quot;high&quot;: 5 &gt; 1</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.a" name="e: Errs" time="0.034">',
        '      <error type="ERROR" message="connection refused">…</error>',
        '      <system-out>ERROR (counts as FAIL): connection refused</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.a" name="n: Nothing" time="0.005">',
        '      <error type="NO_DATA" message="no series">…</error>',
        '      <system-out>NO_DATA (counts as INCONCLUSIVE): no series</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.a" name="w: Warns" time="0.000">',
        '      <system-out>WARN (counts as WARN): close</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.a" name="p: Passes" time="0.061">',
        '      <system-out>PASS (counts as PASS): fine</system-out>',
        '    </testcase>',
        '  </testsuite>',
        // 2 + 3 + 10 ms
        '  <testsuite name="Gate 2: Beta" tests="3" failures="1" errors="1" time="0.015">',
        ...props('FAIL', 'CONDITIONAL'),
        '    <testcase classname="aurora-ga.b" name="x: Soft error" time="0.002">',
        '      <system-out>ERROR (counts as WARN): bad query</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.b" name="y: Hard error" time="0.003">',
        '      <error type="ERROR" message="timeout">…</error>',
        '      <system-out>ERROR (counts as INCONCLUSIVE): timeout</system-out>',
        '    </testcase>',
        '    <testcase classname="aurora-ga.b" name="z: Over" time="0.010">',
        '      <failure type="FAIL" message="over">…</failure>',
        '      <system-out>FAIL (counts as FAIL): over</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n');
      assert.equal(skeleton, expected);
    });

    it('a failure or error element carries the check\'s evidence as escaped JSON that reads back as the evidence', () => {
      const xml = renderJunit(r);
      const bodies = [...xml.matchAll(/<(failure|error) type="[^"]*" message="[^"]*">([^<]*)<\/\1>/g)].map((m) => m[2]);
      const shown = [alpha.checks[0], alpha.checks[1], alpha.checks[2], beta.checks[1], beta.checks[2]];
      assert.equal(bodies.length, shown.length);
      bodies.forEach((body, i) => assert.deepEqual(JSON.parse(unXml(body)), shown[i].evidence, shown[i].check_id));
      // The query's `>`, `&&` and quotes are escaped in the body, not written raw.
      assert.ok(bodies[0].includes('a &gt; b &amp;&amp; \\&quot;c\\&quot;'), bodies[0]);
      assert.ok(bodies[1].includes('refused &lt;here&gt;'), bodies[1]);
    });

    it('counts per suite and in total follow the checks: FAIL a failure, ERROR counted as FAIL and INCONCLUSIVE errors, ERROR counted as WARN neither', () => {
      const only = (...checks: CheckResult[]) => renderJunit(report([gate({ key: 'g', checks })]));
      const attrs = (xml: string, tag: string) => xml.match(new RegExp(`<${tag} [^>]*tests="(\\d+)" failures="(\\d+)" errors="(\\d+)"`))!.slice(1).map(Number);
      const cases: [CheckResult, number, number][] = [
        [check({ check_id: 'c', outcome: 'FAIL', counts_as: 'FAIL' }), 1, 0],
        [check({ check_id: 'c', outcome: 'ERROR', counts_as: 'FAIL' }), 0, 1],
        [check({ check_id: 'c', outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE' }), 0, 1],
        [check({ check_id: 'c', outcome: 'ERROR', counts_as: 'INCONCLUSIVE' }), 0, 1],
        [check({ check_id: 'c', outcome: 'ERROR', counts_as: 'WARN' }), 0, 0],
        [check({ check_id: 'c', outcome: 'NO_DATA', counts_as: 'WARN' }), 0, 0],
        [check({ check_id: 'c', outcome: 'WARN', counts_as: 'WARN' }), 0, 0],
        [check({ check_id: 'c' }), 0, 0],
      ];
      for (const [c, failures, errors] of cases) {
        const xml = only(c);
        const what = `${c.outcome} counting as ${c.counts_as}`;
        assert.deepEqual(attrs(xml, 'testsuites'), [1, failures, errors], what);
        assert.deepEqual(attrs(xml, 'testsuite'), [1, failures, errors], what);
        assert.equal((xml.match(/<failure /g) ?? []).length, failures, what);
        assert.equal((xml.match(/<error /g) ?? []).length, errors, what);
      }
    });

    it('escapes &, <, >, " and drops what XML cannot carry, in names, messages and properties', () => {
      const xml = renderJunit(report([gate({ key: 'k&<1>', gate_name: '"Q" <&>', checks: [check({ check_id: 'i"d', name: 'a\ufffeb\uffffc', message: 'm & <n>', outcome: 'FAIL', counts_as: 'FAIL' })] })], { decision: 'x "y" & z' }));
      assert.match(xml, /^ {2}<testsuite name="Gate 1: &quot;Q&quot; &lt;&amp;&gt;" /m);
      assert.match(xml, /^ {4}<testcase classname="aurora-ga\.k&amp;&lt;1&gt;" name="i&quot;d: abc" time="0\.003">$/m);
      assert.match(xml, /^ {6}<failure type="FAIL" message="m &amp; &lt;n&gt;">/m);
      assert.match(xml, /^ {6}<property name="decision" value="x &quot;y&quot; &amp; z"\/>$/m);
      assert.ok(!/[\ufffe\uffff]/.test(xml));
      assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot);/g, ''), /&/);
    });

    it('a report without an evaluation time has an empty evaluated_at property', () => {
      const xml = renderJunit(report([gate({ key: 'g', checks: [check({ check_id: 'c' })] })], { evaluated_at: undefined }));
      assert.match(xml, /^ {6}<property name="evaluated_at" value=""\/>$/m);
    });
  });

  describe('Markdown', () => {
    const lat = check({
      check_id: 'lat',
      name: 'Latency p95',
      outcome: 'FAIL',
      counts_as: 'FAIL',
      value: 0.25,
      threshold: 0.15,
      message: 'p95 too high',
      evidence: evidence({
        query: 'sum(up{job="api"})\n  / 2',
        window: '48h',
        series_count: 2,
        raw: [{ labels: { __name__: 'up', job: 'api', instance: 'i-1' }, value: '0.25' }, { value: '0.1' }],
        duration_ms: 12,
        attempts: 3,
        note: 'worst series',
        warnings: ['partial answer'],
      }),
    });
    const flow = check({
      check_id: 'flow',
      name: 'Flow',
      outcome: 'NO_DATA',
      counts_as: 'INCONCLUSIVE',
      value: null,
      threshold: 10,
      comparator: '>=',
      severity: 'warn',
      message: 'no series',
      evidence: { kind: 'file', source: 'artifacts/flow.json', path: '$.flow', evaluated_at: AT, raw: [], threshold: 10, comparator: '>=', duration_ms: 1, attempts: 1, error: 'file missing' },
    });
    const ok = check({
      check_id: 'ok',
      name: 'OK rate',
      value: 0.95,
      threshold: 0.9,
      comparator: '>=',
      evidence: evidence({ query: 'rate_ok', window: '1h', range: { start: '2026-11-26T11:00:00.000Z', end: AT, step_seconds: 60 }, raw: [{ value: '0.95' }], duration_ms: 7 }),
    });
    const rich = report(
      [
        gate({ key: 'a', gate_id: 1, gate_name: 'Alpha', status: 'FAIL', condition: 'p95 <= 0.15', remediation: 'Roll back', checks: [lat, flow] }),
        gate({ key: 'b', gate_id: 2, gate_name: 'Beta', status: 'PASS', fail_action: 'CONDITIONAL', condition: 'rate >= 0.9', value_check: null, checks: [ok] }),
        gate({ key: 'c', gate_id: 3, gate_name: 'Gamma', status: 'INCONCLUSIVE', fail_action: 'OBSERVE', condition: 'none', checks: [] }),
      ],
      { next_steps: ['Fix gate 1', '- Gate 1: Alpha failed', '  Remediation: Roll back', 'Re-run GA gates evaluation'] },
    );

    it('writes the whole document: header lines, the gate table, each gate\'s evidence folded, numbered next steps', () => {
      const expected = [
        '# GA Gates Evaluation Report',
        '',
        `**Decision:** ${BLOCKED}  `,
        '**Why:** NO-GO gate(s) failed: Alpha  ',
        `**Data:** live — ${PROM}  `,
        `**Evaluated at:** ${AT}, window 48 hours · **Overall Status:** **FAIL**`,
        '',
        '| Status | Gate | Fail action | Deciding check | Value vs requirement |',
        '| --- | --- | --- | --- | --- |',
        '| ❌ FAIL | 1 · Alpha | NO-GO | lat | 0.25 — above the limit 0.15 |',
        '| ✅ PASS | 2 · Beta | CONDITIONAL | ok | 0.95 — meets the minimum 0.9 |',
        '| ❔ INCONCLUSIVE | 3 · Gamma | OBSERVE | — | no checks |',
        '',
        '## Evidence',
        '',
        '<details><summary>Gate 1 · Alpha: ❌ FAIL (NO-GO) — evidence of 2 checks</summary>',
        '',
        'Condition: p95 &lt;= 0.15',
        '',
        'Remediation: Roll back',
        '',
        '**lat** — Latency p95: FAIL',
        '',
        '- value: 0.25; requirement: <= 0.15',
        '- message: p95 too high',
        `- source: ${PROM}`,
        `- evaluated at ${AT}, window 48h; 2 series; 12 ms; 3 attempts`,
        '- note: worst series',
        '- server warning: partial answer',
        '- raw (worst first):',
        '  - job=api, instance=i-1: 0.25',
        '  - 0.1',
        '',
        'query:',
        '',
        '<pre>sum(up{job=&quot;api&quot;})\n  / 2</pre>',
        '',
        '**flow** — Flow: NO_DATA (counts as INCONCLUSIVE)',
        '',
        '- value: —; requirement: >= 10 (warning only)',
        '- message: no series',
        '- source: artifacts/flow.json',
        `- evaluated at ${AT}; — series; 1 ms`,
        '- error: file missing',
        '',
        'path:',
        '',
        '<pre>$.flow</pre>',
        '',
        '</details>',
        '',
        '<details><summary>Gate 2 · Beta: ✅ PASS (CONDITIONAL) — evidence of 1 check</summary>',
        '',
        'Condition: rate &gt;= 0.9',
        '',
        '**ok** — OK rate: PASS',
        '',
        '- value: 0.95; requirement: >= 0.9',
        '- message: fine',
        `- source: ${PROM}`,
        `- evaluated at ${AT}, window 1h, range 2026-11-26T11:00:00.000Z to ${AT} step 60 s; 1 series; 7 ms`,
        '- raw (worst first):',
        '  - 0.95',
        '',
        'query:',
        '',
        '<pre>rate_ok</pre>',
        '',
        '</details>',
        '',
        '<details><summary>Gate 3 · Gamma: ❔ INCONCLUSIVE (OBSERVE) — evidence of 0 checks</summary>',
        '',
        'Condition: none',
        '',
        '</details>',
        '',
        '## Next Steps',
        '',
        '1. Fix gate 1',
        '   - Gate 1: Alpha failed',
        '     Remediation: Roll back',
        '2. Re-run GA gates evaluation',
        '',
      ].join('\n');
      assert.equal(renderMarkdown(rich), expected);
    });

    it('recorded data is labelled first; no reason, no Why line; no evaluation time, the report\'s time; a profile is named', () => {
      const g = [gate({ key: 'g', checks: [check({ check_id: 'c' })] })];
      const demo = renderMarkdown(report(g, { data_mode: 'demo', source: 'recording.json', decision_reason: undefined, evaluated_at: undefined, profile: 'r_2' })).split('\n');
      assert.deepEqual(demo.slice(0, 7), [
        '# GA Gates Evaluation Report',
        '',
        '> **DEMO DATA.** This report was produced from recorded data and can never be used to promote.',
        '',
        `**Decision:** ${BLOCKED}  `,
        '**Data:** DEMO (bundled recording — cannot be used to promote) — recording.json  ',
        `**Evaluated at:** ${STAMP}, window 48 hours · **Profile:** r\\_2 · **Overall Status:** **FAIL**`,
      ]);
      const replay = renderMarkdown(report(g, { data_mode: 'replay', source: 'rec.json' })).split('\n');
      assert.equal(replay[2], '> **REPLAY DATA.** This report was produced from recorded data and can never be used to promote.');
      assert.equal(replay[3], '');
      assert.equal(replay[4], `**Decision:** ${BLOCKED}  `);
      const live = renderMarkdown(report(g)).split('\n');
      assert.equal(live[2], `**Decision:** ${BLOCKED}  `, 'live data has no label');
      assert.ok(!live.some((l) => l.includes('DATA.**')));
    });

    it('the evaluated line: attempts only when more than one; series "—" when unknown; window and range only when there', () => {
      const line = (over: Partial<Evidence>) => renderMarkdown(report([gate({ key: 'g', checks: [check({ check_id: 'c', evidence: evidence(over) })] })])).split('\n').find((l) => l.startsWith('- evaluated '));
      assert.equal(line({}), `- evaluated at ${AT}; 1 series; 3 ms`);
      assert.equal(line({ attempts: 1 }), `- evaluated at ${AT}; 1 series; 3 ms`);
      assert.equal(line({ attempts: 2 }), `- evaluated at ${AT}; 1 series; 3 ms; 2 attempts`);
      assert.equal(line({ series_count: undefined, duration_ms: 0 }), `- evaluated at ${AT}; — series; 0 ms`);
      assert.equal(line({ series_count: 0 }), `- evaluated at ${AT}; 0 series; 3 ms`);
      assert.equal(line({ window: '2h' }), `- evaluated at ${AT}, window 2h; 1 series; 3 ms`);
      assert.equal(line({ range: { start: 'S', end: 'E', step_seconds: 15 } }), `- evaluated at ${AT}, range S to E step 15 s; 1 series; 3 ms`);
    });

    it('raw values: at most 10 shown, and how many more (left out here or already by the check) are not', () => {
      const evidenceLines = (over: Partial<Evidence>) => {
        const md = renderMarkdown(report([gate({ key: 'g', checks: [check({ check_id: 'c', evidence: evidence(over) })] })])).split('\n');
        return md.slice(md.findIndex((l) => l.startsWith('- raw')), md.indexOf('query:'));
      };
      const twelve = Array.from({ length: 12 }, (_, i) => ({ value: `v${i}` }));
      // 12 entries, 10 shown: 2 more, plus the 5 the check itself left out.
      assert.deepEqual(evidenceLines({ raw: twelve, raw_truncated: 5 }), ['- raw (worst first), 7 more not shown:', ...twelve.slice(0, 10).map((r) => `  - ${r.value}`), '']);
      assert.equal(evidenceLines({ raw: twelve })[0], '- raw (worst first), 2 more not shown:');
      assert.equal(evidenceLines({ raw: twelve.slice(0, 3), raw_truncated: 4 })[0], '- raw (worst first), 4 more not shown:');
      assert.deepEqual(evidenceLines({ raw: twelve.slice(0, 10) }), ['- raw (worst first):', ...twelve.slice(0, 10).map((r) => `  - ${r.value}`), '']);
      // Labels without __name__, comma-separated, escaped like any cell.
      assert.deepEqual(evidenceLines({ raw: [{ labels: { __name__: 'm', a: 'x|y', b_c: '2' }, value: '1*2' }] }), ['- raw (worst first):', '  - a=x\\|y, b\\_c=2: 1\\*2', '']);
      // A series without labels (an aggregate such as sum(…)), or with only its name: the value alone.
      assert.deepEqual(evidenceLines({ raw: [{ labels: {}, value: '0.25' }, { labels: { __name__: 'm' }, value: '3' }] }), ['- raw (worst first):', '  - 0.25', '  - 3', '']);
      // No raw values: no raw heading at all.
      const none = renderMarkdown(report([gate({ key: 'g', checks: [check({ check_id: 'c', evidence: evidence({ raw: [] }) })] })]));
      assert.doesNotMatch(none, /- raw/);
    });

    it('a check with neither query nor path has no query block: its evidence ends with one blank line', () => {
      const bare = check({ check_id: 'c', evidence: evidence({ query: undefined }) });
      const md = renderMarkdown(report([gate({ key: 'g', checks: [bare] })]));
      const details = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
      assert.ok(details.endsWith(`- raw (worst first):\n  - 0\n\n`), details);
      assert.doesNotMatch(details, /<pre>|query:|path:/);
    });

    it('a scored gate: "score" decides its row, its reason is the value; the score line names each group (— when unscored)', () => {
      const judgement = judgeSamples(Array.from({ length: 30 }, (_, i) => 1.3 + i / 100), Array.from({ length: 30 }, (_, i) => 1 + i / 100), { direction: 'increase', effect: 'relative', allowed: 0.1, confidence: 0.98, minSamples: 10, nan: 'no_data', spreadAllowed: null });
      const cmp = check({
        check_id: 'lat',
        name: 'Latency',
        outcome: 'FAIL',
        counts_as: 'FAIL',
        value: 0.3,
        evidence: evidence({
          raw: [],
          comparison: { baseline: { value: 'v1', queries: ['lat{v="v1"}'], series_count: 2 }, candidate: { value: 'v2', queries: ['lat{v="v2"}', 'n{v="v2"}'], series_count: 3 }, judgement, summary: 'candidate is 30% higher_', group: 'perf', weight: 1, critical: false },
        }),
      });
      const score = { score: 72.4, status: 'WARN' as const, groups: [{ group: 'perf', weight: 2, judged: 1, passed: 0, score: 80.6 }, { group: 'err_s', weight: 1, judged: 0, passed: 0, score: null }], criticalFailures: [], judgedShare: 0.5, reason: 'score 72.4 below 80 | pass', pass: 80, marginal: 60 };
      const scored = gate({ key: 's', gate_id: 5, gate_name: 'Scored', status: 'WARN', fail_action: 'CONDITIONAL', checks: [cmp], score });
      const unscored = gate({ key: 'u', gate_id: 6, gate_name: 'Unscored', status: 'INCONCLUSIVE', checks: [check({ check_id: 'q', outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE', value: null, evidence: evidence({ cause: 'timeout', raw: [], query: undefined }) })], score: { ...score, score: null, status: 'INCONCLUSIVE', groups: [], reason: 'nothing judged' } });
      const lines = renderMarkdown(report([scored, unscored])).split('\n');
      assert.ok(lines.includes('| ⚠️ WARN | 5 · Scored | CONDITIONAL | score | score 72.4 below 80 \\| pass |'));
      assert.ok(lines.includes('| ❔ INCONCLUSIVE | 6 · Unscored | NO-GO | score | nothing judged |'));
      // 80.6 rounds to 81; the unscored group shows a dash; the group name is escaped.
      const at = lines.indexOf('Score: 72.4 → WARN (score 72.4 below 80 \\| pass; groups: perf 81, err\\_s —)');
      assert.ok(at > 0, lines.join('\n'));
      assert.equal(lines[at + 1], '');
      assert.equal(lines[at + 2], '**lat** — Latency: FAIL');
      assert.ok(lines.includes('Score: — → INCONCLUSIVE (nothing judged; groups: )'));
      // A failing scored gate shows its remediation; an INCONCLUSIVE one whose only check lacks an answer for a server cause does not.
      assert.equal(lines.filter((l) => l.startsWith('Remediation: ')).length, 1);
      assert.equal(lines[lines.indexOf('Condition: x &lt;= 1') + 2], 'Remediation: fix it');
      // The comparison: summary, both sides, the judge's facts, then both sides' queries (the evidence's own query is not shown).
      const c = lines.indexOf('- comparison: candidate is 30% higher\\_');
      assert.ok(c > 0);
      assert.equal(lines[c + 1], '  - baseline v1 (2 series), candidate v2 (3 series)');
      const q = lines.indexOf('baseline:');
      assert.ok(q > c + 2, 'facts come between the sides and the queries');
      assert.ok(lines.slice(c + 2, q - 1).every((l) => l.startsWith('  - ')), lines.slice(c + 2, q - 1).join('\n'));
      assert.ok(lines.slice(c + 2, q - 1).some((l) => l.startsWith('  - Mann–Whitney: ')));
      assert.deepEqual(lines.slice(q - 1, q + 13), ['', 'baseline:', '', '<pre>lat{v=&quot;v1&quot;}</pre>', '', 'candidate:', '', '<pre>lat{v=&quot;v2&quot;}</pre>', '', 'candidate:', '', '<pre>n{v=&quot;v2&quot;}</pre>', '', '</details>']);
      assert.ok(!lines.includes('query:'), 'the compare check\'s own query is not shown');
    });

    it('mdCell and htmlText: a run of tabs and newlines becomes one space, & is escaped first; htmlText keeps lines only when asked', () => {
      assert.equal(mdCell('a\n\t\nb & c'), 'a b &amp; c');
      assert.equal(mdCell('&lt;'), '&amp;lt;');
      assert.equal(htmlText('x\n\n\ty & "z" <b>'), 'x y &amp; &quot;z&quot; &lt;b&gt;');
      assert.equal(htmlText('a\n\nb *c*', true), 'a\n\nb *c*');
      // In the <summary> of a gate the name is HTML-escaped, not Markdown-escaped.
      const md = renderMarkdown(report([gate({ key: 'g', gate_name: 'A & B\n\n_c_', checks: [check({ check_id: 'c' })] })]));
      assert.match(md, /<summary>Gate 1 · A &amp; B _c_: ✅ PASS \(NO-GO\) — evidence of 1 check<\/summary>/);
      assert.match(md, /^\| ✅ PASS \| 1 · A &amp; B \\_c\\_ \| NO-GO \| c \| 0 — within the limit 1 \|$/m);
    });

    it('next steps: a "- " line is a sub-item, an indented line its continuation (trimmed), others are numbered', () => {
      const lines = renderMarkdown(report([], { next_steps: ['One', '- sub *a*', '  cont  ', 'Two ', '  more'] })).split('\n');
      assert.deepEqual(lines.slice(lines.indexOf('## Next Steps')), ['## Next Steps', '', '1. One', '   - sub \\*a\\*', '     cont', '2. Two ', '     more', '']);
    });
  });

  describe('metrics', () => {
    const r = report(
      [
        gate({ key: 'a', status: 'FAIL', checks: [check({ check_id: 'v1', value: 0.5 }), check({ check_id: 'v2', value: null, outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE' }), check({ check_id: 'v3', value: Number.NaN, outcome: 'NO_DATA', counts_as: 'FAIL' })] }),
        gate({ key: 'b', status: 'WARN', checks: [] }),
      ],
      { data_mode: 'replay', exit_code: undefined, timestamp: '2026-11-26T12:00:05.500Z' },
    );

    it('every family is a gauge with a HELP line saying what its values mean', () => {
      const lines = renderGateMetrics(r).split('\n');
      const help = (name: string) => lines.find((l) => l.startsWith(`# HELP ${name} `))?.slice(`# HELP ${name} `.length) ?? '';
      for (const name of ['aurora_ga_gate_status', 'aurora_ga_gate_value', 'aurora_ga_decision', 'aurora_ga_evaluation_timestamp_seconds']) {
        assert.ok(lines.includes(`# TYPE ${name} gauge`), name);
        assert.ok(lines.indexOf(`# TYPE ${name} gauge`) === lines.findIndex((l) => l.startsWith(`# HELP ${name} `)) + 1, `${name}: TYPE follows HELP`);
      }
      // The value mappings README and the dashboard document.
      assert.match(help('aurora_ga_gate_status'), /0 PASS, 1 WARN, 2 INCONCLUSIVE, 3 FAIL/);
      assert.match(help('aurora_ga_decision'), /exit code: 0 APPROVED, 1 BLOCKED, 3 CONDITIONAL, 4 INCONCLUSIVE/);
      assert.match(help('aurora_ga_gate_value'), /absent when the check had no data/);
      assert.match(help('aurora_ga_evaluation_timestamp_seconds'), /Unix time/);
    });

    it('samples: a status per gate, a value per check with one (NaN included, null left out), the decision 4 without an exit code', () => {
      const samples = renderGateMetrics(r).split('\n').filter((l) => l && !l.startsWith('#'));
      assert.deepEqual(samples, [
        'aurora_ga_gate_status{gate="a"} 3',
        'aurora_ga_gate_status{gate="b"} 1',
        'aurora_ga_gate_value{gate="a",check="v1"} 0.5',
        'aurora_ga_gate_value{gate="a",check="v3"} NaN',
        'aurora_ga_decision{data_mode="replay"} 4',
        'aurora_ga_evaluation_timestamp_seconds 1795694405.5',
      ]);
    });
  });

  describe('GitHub workflow commands', () => {
    it('a command without properties has none: "::level::message"; undefined properties are left out', () => {
      assert.equal(workflowCommand('notice', {}, 'hello'), '::notice::hello');
      assert.equal(workflowCommand('error', { file: undefined, line: 3, title: 'a:b' }, 'm'), '::error line=3,title=a%3Ab::m');
    });

    it('what a check counts as when it differs from its outcome; remediation for errors and warnings, never for notices', () => {
      const nodata = check({ check_id: 'n', outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE', value: null, message: 'N: no series', evidence: evidence({ raw: [] }) });
      const observed = check({ check_id: 'o', outcome: 'FAIL', counts_as: 'FAIL', value: 2, message: 'O: 2 over 1' });
      const failed = check({ check_id: 'f', outcome: 'FAIL', counts_as: 'FAIL', value: 2, message: 'F: 2 over 1' });
      const out = renderGithub(report([gate({ key: 'g', gate_name: 'G', status: 'FAIL', checks: [nodata, failed] }), gate({ key: 'o', gate_id: 2, gate_name: 'O', status: 'FAIL', fail_action: 'OBSERVE', remediation: 'look', checks: [observed] })], { decision_reason: undefined }));
      assert.deepEqual(out.split('\n'), [
        '::warning title=Gate 1 G (NO-GO)%3A n INCONCLUSIVE::no data — required at most 1 — counts as INCONCLUSIVE — N: no series [NO_DATA counts as INCONCLUSIVE]%0ARemediation: fix it',
        '::error title=Gate 1 G (NO-GO)%3A f FAIL::2 — above the limit 1 — F: 2 over 1%0ARemediation: fix it',
        '::notice title=Gate 2 O (OBSERVE)%3A o FAIL::2 — above the limit 1 — O: 2 over 1',
        `::notice title=GA gates%3A BLOCKED (exit 1)::${BLOCKED} — data: live — ${PROM}`,
        '',
      ]);
    });

    it('the decision notice: its reason when there is one, "not promotable" only when not; an evaluation error line only for decision ERROR', () => {
      const pass = [gate({ key: 'g', checks: [check({ check_id: 'c' })] })];
      const outage = { cause: 'timeout' as const, message: 'Prometheus at http://prom:9090 timed out', source: PROM, checks: 1, preflight: false };
      const approved = renderGithub(report(pass, { decision: 'OK', decision_code: 'APPROVED', decision_reason: 'all gates pass', exit_code: 0, evaluation_error: outage }));
      assert.equal(approved, `::notice title=GA gates%3A APPROVED (exit 0)::OK — all gates pass — data: live — ${PROM}\n`);
      const recorded = renderGithub(report(pass, { decision: 'OK', decision_code: 'APPROVED', decision_reason: undefined, exit_code: undefined, data_mode: 'replay', source: 'rec.json', promotable: false }));
      assert.equal(recorded, '::notice title=[REPLAY data] GA gates%3A APPROVED (exit 4)::OK — data: REPLAY (recorded data — cannot be used to promote) — rec.json — not promotable\n');
      const error = renderGithub(report(pass, { decision: 'ERR', decision_code: 'ERROR', decision_reason: undefined, exit_code: 5, evaluation_error: outage }));
      assert.equal(error, `::error title=GA gates%3A evaluation not carried out::Prometheus at http://prom:9090 timed out\n::notice title=GA gates%3A ERROR (exit 5)::ERR — data: live — ${PROM}\n`);
    });
  });
});
