// Gates files in the editor: keystroke → diagnostics on a 200-check gates file (issue #17: median
// under 20 ms). What the diagnostics provider runs per change (after its debounce) is lintGatesText:
// every query parsed and checked, plus the evaluator's own schema load. The reference, measured in
// the same run, is the floor of any YAML-aware check: parsing the same text once with `yaml`.
import { parseDocument } from 'yaml';
import { lintGatesText } from '../../src/core/gatesEditor';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** 40 gates × 5 checks, the default gates' query shapes with ${window}/${step}/${profile_re} templates. */
function gatesFile(gates: number, checksPerGate: number): string {
  const lines = ['schema_version: 1', 'step: 1m', 'variables:', '  tolerance: "0.05"', 'gates:'];
  for (let g = 0; g < gates; g++) {
    lines.push(`  - key: gate_${g}`, `    id: ${g + 1}`, `    name: Gate ${g}`, '    fail_action: NO-GO', '    remediation: fix it', '    checks:');
    for (let c = 0; c < checksPerGate; c++) {
      const metric = `aurora_metric_${g}_${c}`;
      const query = [
        `sum by (profile) (increase(${metric}_total{profile=~"\${profile_re}"}[\${window}]))`,
        `avg by (profile) (avg_over_time((${metric}{profile=~"\${profile_re}"} == bool 1)[\${window}:\${step}]))`,
        `quantile_over_time(0.05, ${metric}{profile=~"\${profile_re}"}[\${window}])`,
        `max by (profile) (abs(deriv(${metric}[30m])))`,
        `histogram_quantile(0.95, sum by (le) (rate(${metric}_bucket[5m])))`,
      ][c % 5];
      lines.push(`      - id: check_${c}`, `        name: Check ${g}.${c}`, '        type: promql', `        query: '${query}'`, '        comparator: "<="', `        threshold: ${(c + 1) / 100}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const text = gatesFile(40, 5);
const checks = (text.match(/^ {6}- id: /gm) ?? []).length;
// A keystroke: one character typed into a threshold, then into a query, alternately (each a new text).
const edits = Array.from({ length: 60 }, (_, i) => {
  const at = i % 2 ? text.indexOf('[5m]', (i * 997) % text.length) : text.indexOf('threshold: ', (i * 1499) % text.length);
  const pos = at < 0 ? text.indexOf('threshold: ') : at;
  return `${text.slice(0, pos + 2)}${i % 10}${text.slice(pos + 2)}`;
});
for (let i = 0; i < 5; i++) lintGatesText(edits[i], 'bench.yaml');
const lint = edits.map((t) => time(() => lintGatesText(t, 'bench.yaml')));
const floor = edits.map((t) => time(() => parseDocument(t)));
const [m, p95, f] = [quantile(lint, 0.5), quantile(lint, 0.95), quantile(floor, 0.5)];
console.log(`  ${checks}-check gates file (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB), ${edits.length} keystrokes:`);
console.log(`  keystroke → diagnostics (lintGatesText): median ${m.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal: median < 20 ms; ${m < 20 ? 'met' : 'NOT met'})`);
console.log(`  reference, one yaml parse of the same text: median ${f.toFixed(1)} ms; ratio ${(m / f).toFixed(2)}`);
