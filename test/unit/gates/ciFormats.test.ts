// Issue #18 item 6: the CI formats of a gate report — compact Markdown for a pull-request comment and
// GitHub Actions workflow commands — from the bundled demo and from reports made to be hostile.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLines, locateChecks } from '../../../src/core/gates/checkLines';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import { annotationLevel, escapeData, escapeProperty, renderGithub } from '../../../src/core/gates/render/github';
import { mdCell, renderMarkdown } from '../../../src/core/gates/render/markdown';
import { valueVsRequirement } from '../../../src/core/gates/render/requirement';
import { describeJudgement, judgeSamples } from '../../../src/core/judge';
import type { CheckResult, GateReport, GateResult } from '../../../src/core/verdict/types';

function check(over: Partial<CheckResult> & Pick<CheckResult, 'check_id'>): CheckResult {
  return {
    name: 'N',
    outcome: 'PASS',
    counts_as: 'PASS',
    value: 0,
    threshold: 1,
    comparator: '<=',
    severity: 'fail',
    message: 'N: 0 meets <= 1',
    evidence: { kind: 'prometheus', source: 'http://prom:9090', query: 'up', evaluated_at: '2026-11-26T12:00:00.000Z', window: '48h', series_count: 1, raw: [{ value: '0' }], threshold: 1, comparator: '<=', duration_ms: 3 },
    ...over,
  };
}

function gate(over: Partial<GateResult> & Pick<GateResult, 'key' | 'checks'>): GateResult {
  const first = over.checks[0];
  return { gate_id: 1, gate_name: 'G', status: 'PASS', value: first?.value ?? null, threshold: first?.threshold ?? null, condition: 'x <= 1', message: 'm', fail_action: 'NO-GO', remediation: 'fix it', value_check: first?.check_id ?? null, ...over };
}

function report(gates: GateResult[], over: Partial<GateReport> = {}): GateReport {
  return {
    schema_version: 2,
    timestamp: '2026-11-26T12:00:01.000Z',
    window_hours: 48,
    data_mode: 'live',
    overall_status: 'FAIL',
    ga_status: 'FAIL',
    gates,
    decision: '❌ GA PROMOTION BLOCKED - Critical failures detected',
    decision_code: 'BLOCKED',
    decision_reason: 'NO-GO gate(s) failed: G',
    next_steps: ['Re-run GA gates evaluation'],
    source: 'http://prom:9090',
    promotable: true,
    evaluated_at: '2026-11-26T12:00:00.000Z',
    exit_code: 1,
    ...over,
  };
}

/** The Markdown above the folded evidence: what a pull-request comment shows before anything is opened. */
const topOf = (md: string) => md.slice(0, md.indexOf('## Evidence'));

describe('gates: CI formats (Markdown for pull requests, GitHub Actions workflow commands)', () => {
  // Evaluated in each test, not in a hook: mutation testing attributes what runs to the test that ran it.
  const demoReport = (): Promise<GateReport> => evaluateGates({ data: { mode: 'demo' } }, AbortSignal.timeout(10_000));

  describe('Markdown', () => {
    it('opens with the DEMO label, the decision, the data mode and one row per gate with its deciding value in words', async () => {
      const demo = await demoReport();
      const md = renderMarkdown(demo);
      const top = topOf(md);
      assert.ok(top.indexOf('> **DEMO DATA.**') < top.indexOf('**Decision:**'), 'the label comes before everything else');
      assert.match(top, /\*\*Decision:\*\* ❌ GA PROMOTION BLOCKED/);
      assert.match(top, /\*\*Data:\*\* DEMO \(bundled recording — cannot be used to promote\)/);
      assert.match(top, /^\| ❌ FAIL \| 2 · DCTS Robustness \| NO-GO \| rel\\_diff\\_p95 \| 0\.2498 — above the limit 0\.15 \|$/m);
      assert.match(top, /^\| ⚠️ WARN \| 4 · Risk \/ DRO Health \| CONDITIONAL \| lambda\\_step\\_p95 \| 0\.2 — above the limit 0\.15 \|$/m);
      assert.match(top, /^\| ✅ PASS \| 3 · Coverage Control \| NO-GO \| in\\_tolerance\\_share \| 0\.9688 — meets the minimum 0\.95 \|$/m);
      assert.equal(top.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Status')).length, demo.gates.length);
    });

    it('keeps queries, raw values and series out of the top part: each gate\'s evidence is folded in <details>', async () => {
      const demo = await demoReport();
      const md = renderMarkdown(demo);
      const top = topOf(md);
      for (const c of demo.gates.flatMap((g) => g.checks)) if (c.evidence.query) assert.ok(!top.includes(c.evidence.query.slice(0, 20)), `${c.check_id}'s query is not in the summary`);
      assert.doesNotMatch(top, /<pre>|<details>/);
      const blocks = [...md.matchAll(/<details><summary>([^\n]*)<\/summary>\n([\s\S]*?)\n<\/details>/g)];
      assert.equal(blocks.length, demo.gates.length);
      assert.equal((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
      const rel = blocks.find((b) => b[1].startsWith('Gate 2 · DCTS Robustness: ❌ FAIL (NO-GO)'))![2];
      assert.match(rel, /<pre>quantile_over_time\(0\.95, \(abs\(aurora_tvf2_dcts_robust_value\{profile=~&quot;\.\*&quot;\}/);
      assert.match(rel, /\n {2}- profile=r2: 0\.24977912406916566\n/);
      assert.match(rel, /; 1 series; /);
      // Blank lines around the blocks, or GitHub would not read the Markdown inside them.
      assert.match(md, /<\/summary>\n\n/);
      assert.match(md, /\n\n<\/details>\n/);
    });

    it('a compare check keeps its facts inside the details; its row carries the judge\'s sentence', () => {
      const candidate = Array.from({ length: 30 }, (_, i) => 1.3 + i / 100);
      const baseline = Array.from({ length: 30 }, (_, i) => 1 + i / 100);
      const judgement = judgeSamples(candidate, baseline, { direction: 'increase', effect: 'relative', allowed: 0.1, confidence: 0.98, minSamples: 10, nan: 'no_data', spreadAllowed: null });
      const summary = describeJudgement(judgement, 'latency');
      const cmp = check({
        check_id: 'lat',
        outcome: 'FAIL',
        counts_as: 'FAIL',
        value: judgement.value,
        evidence: { ...check({ check_id: 'x' }).evidence, comparison: { baseline: { value: 'v1', queries: ['lat{v="v1"}'], series_count: 1 }, candidate: { value: 'v2', queries: ['lat{v="v2"}'], series_count: 1 }, judgement, summary, group: 'perf', weight: 1, critical: false } },
      });
      const md = renderMarkdown(report([gate({ key: 'ab', status: 'FAIL', checks: [cmp] })]));
      const top = topOf(md);
      assert.ok(top.includes(`| lat | ${mdCell(summary)} |`), top);
      assert.match(summary, /above the allowed 10%/);
      assert.doesNotMatch(top, /Mann–Whitney|Hodges–Lehmann|lat\{/);
      const details = md.slice(md.indexOf('<details>'));
      assert.match(details, /\n {2}- Mann–Whitney: W = \d+/);
      assert.match(details, /\n {2}- Hodges–Lehmann shift: /);
      assert.match(details, /baseline:\n\n<pre>lat\{v=&quot;v1&quot;\}<\/pre>/);
    });

    it('hostile text is text: Markdown-escaped in cells, HTML-escaped (no visible backslashes) in <summary> and <pre>', () => {
      const name = '<img src=x onerror=alert(1)> *bold* |pipe|\x1b[31m\nnext';
      const hostile = check({ check_id: 'h|x', outcome: 'FAIL', counts_as: 'FAIL', value: 5, message: 'bad</pre><script>alert(2)</script>', evidence: { ...check({ check_id: 'x' }).evidence, query: 'up</pre>\n<script>alert(3)</script>' } });
      const md = renderMarkdown(report([gate({ key: 'g', gate_name: name, status: 'FAIL', checks: [hostile] })]));
      assert.doesNotMatch(md, /<script|<img/);
      assert.ok(!md.includes('\x1b'));
      assert.match(md, /^\| ❌ FAIL \| 1 · &lt;img src=x onerror=alert\(1\)&gt; \\\*bold\\\* \\\|pipe\\\| next \| NO-GO \| h\\\|x \| 5 — above the limit 1 \|$/m);
      assert.match(md, /<summary>Gate 1 · &lt;img src=x onerror=alert\(1\)&gt; \*bold\* \|pipe\| next: ❌ FAIL/);
      assert.match(md, /<pre>up&lt;\/pre&gt;\n&lt;script&gt;alert\(3\)&lt;\/script&gt;<\/pre>/);
    });

    it('says a check\'s value against its requirement in words for every comparator, and what missing data counts as', () => {
      const words = (over: Partial<CheckResult>) => valueVsRequirement(check({ check_id: 'c', ...over }));
      assert.equal(words({ value: 0.24977, comparator: '<=', threshold: 0.15, outcome: 'FAIL' }), '0.2498 — above the limit 0.15');
      assert.equal(words({ value: 0.1, comparator: '<=', threshold: 0.15 }), '0.1 — within the limit 0.15');
      assert.equal(words({ value: 0.15, comparator: '<', threshold: 0.15, outcome: 'FAIL' }), '0.15 — at the limit 0.15 (must be below)');
      assert.equal(words({ value: 0.9, comparator: '>=', threshold: 0.95, outcome: 'FAIL' }), '0.9 — below the minimum 0.95');
      assert.equal(words({ value: 0.6, comparator: '>', threshold: 0.6, outcome: 'WARN' }), '0.6 — at the minimum 0.6 (must be above)');
      assert.equal(words({ value: 3, comparator: '==', threshold: 0, outcome: 'FAIL' }), '3 — not equal to 0');
      assert.equal(words({ value: 0, comparator: '==', threshold: 0 }), '0 — equal to 0');
      assert.equal(words({ value: null, outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE', comparator: '<=', threshold: 0.85 }), 'no data — required at most 0.85 — counts as INCONCLUSIVE');
      assert.equal(words({ value: Infinity, outcome: 'NO_DATA', counts_as: 'FAIL', comparator: '<=', threshold: 1 }), '+Inf — not a measurement, required at most 1 — counts as FAIL');
      assert.equal(words({ value: null, outcome: 'ERROR', counts_as: 'FAIL', comparator: '>=', threshold: 0.95, evidence: { ...check({ check_id: 'x' }).evidence, cause: 'timeout' } }), 'not measured (error) — required at least 0.95 (timeout) — counts as FAIL');
    });
  });

  describe('GitHub workflow commands', () => {
    it('escape as @actions/core does: %, CR and LF in data; also : and , in properties; control characters removed', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('Gate 1: a, b%\n'), 'Gate 1%3A a%2C b%25%0A');
      assert.equal(escapeData('red\x1b[31m\x07bell\u202e'), 'redbell');
    });

    it('a hostile name or message cannot end its command and start one of its own', () => {
      const evil = check({ check_id: 'c,1:x', outcome: 'FAIL', counts_as: 'FAIL', value: 2, message: 'boom\n::add-mask::secret\r\n::error::forged\x1b]0;owned\x07' });
      const out = renderGithub(report([gate({ key: 'g', gate_name: 'Evil, Inc.: x\n::warning::y', status: 'FAIL', checks: [evil] })]));
      const lines = out.trimEnd().split('\n');
      assert.equal(lines.length, 2, out);
      assert.ok(lines.every((l) => /^::(error|notice) /.test(l)));
      assert.match(lines[0], /^::error title=Gate 1 Evil%2C Inc.%3A x%0A%3A%3Awarning%3A%3Ay \(NO-GO\)%3A c%2C1%3Ax FAIL::/);
      assert.match(lines[0], /boom%0A::add-mask::secret%0D%0A::error::forged%0ARemediation: fix it$/);
      assert.doesNotMatch(out, /owned|\r/);
      assert.ok(!out.includes('\x1b'));
    });

    it('levels: a failing NO-GO check is an error; warnings, missing data and CONDITIONAL failures warnings; OBSERVE notices; the decision a notice', async () => {
      const demo = await demoReport();
      assert.equal(annotationLevel({ fail_action: 'NO-GO' }, { counts_as: 'FAIL' }), 'error');
      assert.equal(annotationLevel({ fail_action: 'NO-GO' }, { counts_as: 'WARN' }), 'warning');
      assert.equal(annotationLevel({ fail_action: 'NO-GO' }, { counts_as: 'INCONCLUSIVE' }), 'warning');
      assert.equal(annotationLevel({ fail_action: 'CONDITIONAL' }, { counts_as: 'FAIL' }), 'warning');
      assert.equal(annotationLevel({ fail_action: 'OBSERVE' }, { counts_as: 'FAIL' }), 'notice');
      assert.equal(annotationLevel({ fail_action: 'NO-GO' }, { counts_as: 'PASS' }), undefined);
      const out = renderGithub(demo);
      const lines = out.trimEnd().split('\n');
      assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(' '))), ['::error', '::error', '::warning', '::notice']);
      assert.match(lines.at(-1)!, /^::notice title=\[DEMO data\] GA gates%3A BLOCKED \(exit 1\)::❌ GA PROMOTION BLOCKED .* — data: DEMO \(bundled recording — cannot be used to promote\) .* — not promotable$/);
      for (const l of lines) assert.match(l, /title=\[DEMO data\] /, 'recorded data is labelled in every title');
    });

    it('an evaluation that could not be carried out is an error of its own', () => {
      const down = check({ check_id: 'c', outcome: 'ERROR', counts_as: 'FAIL', value: null, message: 'N: connection refused', evidence: { ...check({ check_id: 'x' }).evidence, cause: 'unreachable' } });
      const out = renderGithub(report([gate({ key: 'g', status: 'FAIL', checks: [down] })], { decision_code: 'ERROR', exit_code: 5, evaluation_error: { cause: 'unreachable', message: 'Prometheus at http://prom:9090 is unreachable', source: 'http://prom:9090', checks: 1, preflight: true } }));
      assert.match(out, /^::error title=GA gates%3A evaluation not carried out::Prometheus at http:\/\/prom:9090 is unreachable$/m);
      assert.doesNotMatch(out, /Remediation/, 'no gate remediation for a server that did not answer');
      assert.match(out, /^::notice title=GA gates%3A ERROR \(exit 5\)::/m);
    });

    it('annotations sit on the line of the check\'s definition, block or flow style, with the file relative to the root', async () => {
      const text = 'schema_version: 1\ngates:\n  - key: a\n    id: 1\n    checks:\n      - id: first\n        type: promql\n      - {id: second, type: promql}\n  - {key: b, id: 2, checks: [{id: third}]}\n';
      assert.deepEqual([...checkLines(text)], [['a/first', 6], ['a/second', 8], ['b/third', 9]]);
      // A check without an id, or in a gate without a key, has no place to point at.
      assert.deepEqual([...checkLines('gates:\n  - key: a\n    checks:\n      - type: promql\n      - id: ok\n  - checks:\n      - id: orphan\n')], [['a/ok', 5]]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-ci-formats-'));
      try {
        fs.mkdirSync(path.join(dir, 'repo', 'gates'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'repo', 'gates', 'g.yaml'), text);
        const where = await locateChecks(path.join(dir, 'repo', 'gates', 'g.yaml'), path.join(dir, 'repo'));
        assert.equal(where.file, 'gates/g.yaml');
        const failing = report([gate({ key: 'a', status: 'FAIL', checks: [check({ check_id: 'second', outcome: 'FAIL', counts_as: 'FAIL', value: 2 })] })]);
        assert.match(renderGithub(failing, where), /^::error file=gates\/g\.yaml,line=8,title=/m);
        // Outside the root an annotation could attach to no file: it names none.
        const outside = await locateChecks(path.join(dir, 'repo', 'gates', 'g.yaml'), path.join(dir, 'other'));
        assert.equal(outside.file, undefined);
        assert.match(renderGithub(failing, outside), /^::error title=/m);
        assert.deepEqual(await locateChecks(path.join(dir, 'missing.yaml'), dir), { file: 'missing.yaml', lines: new Map() });
        // The root itself and its parent are not files inside it; a report that names no gates file has no lines.
        assert.deepEqual(await locateChecks(path.join(dir, 'repo'), path.join(dir, 'repo')), { lines: new Map() });
        assert.deepEqual(await locateChecks(dir, path.join(dir, 'repo')), { lines: new Map() });
        assert.deepEqual(await locateChecks(undefined, dir), { lines: new Map() });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
