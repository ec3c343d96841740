import { stripControls } from '../../util/controlChars';
import type { GateReport } from '../../verdict/types';
import { dataModeLine } from './text';

// XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF or unpaired surrogates, even escaped:
// drop them (ESC sequences whole), so the document stays well-formed whatever the data held.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const xml = (s: string) => stripControls(s).replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML for CI test tabs: one suite per gate, one case per check. A check counting as FAIL is a
 * <failure> (an <error> when the outcome was ERROR); INCONCLUSIVE is an <error> too — missing data
 * must never show green; WARN passes with the warning in system-out.
 */
export function renderJunit(report: GateReport): string {
  const cases = report.gates.flatMap((g) => g.checks.map((c) => ({ g, c })));
  const failures = cases.filter(({ c }) => c.counts_as === 'FAIL' && c.outcome !== 'ERROR').length;
  const errors = cases.filter(({ c }) => c.counts_as === 'INCONCLUSIVE' || (c.counts_as === 'FAIL' && c.outcome === 'ERROR')).length;
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="aurora-ga gates" tests="${cases.length}" failures="${failures}" errors="${errors}" timestamp="${xml(report.timestamp)}">`);
  for (const g of report.gates) {
    const f = g.checks.filter((c) => c.counts_as === 'FAIL' && c.outcome !== 'ERROR').length;
    const e = g.checks.filter((c) => c.counts_as === 'INCONCLUSIVE' || (c.counts_as === 'FAIL' && c.outcome === 'ERROR')).length;
    const t = g.checks.reduce((s, c) => s + c.evidence.duration_ms, 0);
    out.push(`  <testsuite name="${xml(`Gate ${g.gate_id}: ${g.gate_name}`)}" tests="${g.checks.length}" failures="${f}" errors="${e}" time="${time(t)}">`);
    out.push('    <properties>');
    for (const [k, v] of [['data_mode', dataModeLine(report)], ['decision', report.decision], ['gate_status', g.status], ['fail_action', g.fail_action], ['evaluated_at', report.evaluated_at ?? '']]) {
      out.push(`      <property name="${k}" value="${xml(v)}"/>`);
    }
    out.push('    </properties>');
    for (const c of g.checks) {
      const evidence = JSON.stringify(c.evidence, null, 1);
      out.push(`    <testcase classname="aurora-ga.${xml(g.key)}" name="${xml(`${c.check_id}: ${c.name}`)}" time="${time(c.evidence.duration_ms)}">`);
      if (c.counts_as === 'FAIL' && c.outcome !== 'ERROR') out.push(`      <failure type="${c.outcome}" message="${xml(c.message)}">${xml(evidence)}</failure>`);
      else if (c.counts_as === 'INCONCLUSIVE' || c.counts_as === 'FAIL') out.push(`      <error type="${c.outcome}" message="${xml(c.message)}">${xml(evidence)}</error>`);
      out.push(`      <system-out>${xml(`${c.outcome} (counts as ${c.counts_as}): ${c.message}`)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
