// Every problem of a gates file is an input error with its exact words and the line and column of
// the key it names (src/core/gates/load.ts): YAML errors, schema issues, duplicate ids, compare
// rules, undeclared ${variables}, wherever in a check they are written.
import assert from 'node:assert/strict';
import { loadGates, parseGates } from '../../../src/core/gates/load';
import { InputError } from '../../../src/core/util/errors';

/** One NO-GO gate `g` whose checks are the given lines (each `      - {…}`), with `head` before `gates:`. */
const gate = (checks: string, head = ''): string => `schema_version: 1\n${head}gates:\n  - key: g\n    id: 1\n    name: G\n    fail_action: NO-GO\n    remediation: fix\n    checks:\n${checks}`;
/** A flow gate on one line. */
const flowGate = (key: string, id: number, extra = ''): string => `  - {key: ${key}, id: ${id}, name: ${key.toUpperCase()}, fail_action: NO-GO, remediation: f, ${extra}checks: [{id: a, name: A, type: promql, query: up, comparator: '<=', threshold: 1}]}\n`;
const promql = (id: string) => `      - {id: ${id}, name: A, type: promql, query: up, comparator: '<=', threshold: 1}\n`;

function problem(text: string, message: string, location: { line?: number; column?: number }): void {
  assert.throws(() => parseGates(text, 'g.yaml'), (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.message, message);
    assert.deepEqual(e.location, { file: 'g.yaml', ...location });
    return true;
  });
}

const loads = (text: string) => parseGates(text, 'g.yaml').definitions;

describe('gates file problems: exact words and where', () => {
  it('YAML errors: the first line of the parser’s message, at its position; a repeated key is one', () => {
    problem('schema_version: 1\ngates: [\n', 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', { line: 3, column: 1 });
    problem('schema_version: 1\nschema_version: 1\ngates: []\n', 'invalid YAML: Map keys must be unique', { line: 2, column: 1 });
  });

  it('an empty file is a problem of the top level, with no line to point at', () => {
    problem('', '(top level): Invalid input: expected object, received null', {});
  });

  it('names every unknown key, and prefers an unknown key to any other issue of the file', () => {
    problem(gate("      - {id: a, name: A, type: promql, query: up, comparator: '<=', threshold: 1, foo: 1, bar: 2}\n"), "gates[0].checks[0]: unknown keys 'foo', 'bar'", { line: 9, column: 9 });
    // gates[0] has a bad threshold, gates[1] a typo: the typo is the one to fix first.
    const text = `schema_version: 1\ngates:\n${flowGate('g', 1).replace('threshold: 1', "threshold: 'x'")}${flowGate('h', 2, 'checkz: 1, ')}`;
    problem(text, "gates[1]: unknown key 'checkz'", { line: 4, column: 5 });
    // Of several unknown keys the first in the file, even with another issue between them.
    const two = `schema_version: 1\ngates:\n${flowGate('g', 1, 'aa: 1, ')}${flowGate('h', 2).replace('threshold: 1', "threshold: 'x'")}${flowGate('i', 3, 'bb: 1, ')}`;
    problem(two, "gates[0]: unknown key 'aa'", { line: 3, column: 5 });
    // Without any unknown key, the first issue in the file.
    const first = `${flowGate('g', 1).replace('threshold: 1', "threshold: 'x'")}`;
    const plain = `schema_version: 1\ngates:\n${first}${flowGate('h', 2).replace("comparator: '<='", "comparator: '=>'")}`;
    problem(plain, 'gates[0].checks[0].threshold: a number or a ${variable} template', { line: 3, column: first.indexOf("'x'") + 1 });
  });

  it('a key written without a value is marked at its mapping; a null list item at itself', () => {
    problem(gate("      - {id: a, name: A, type: promql, query: up, comparator: '<=', threshold}\n"), 'gates[0].checks[0].threshold: Invalid input', { line: 9, column: 9 });
    problem('schema_version: 1\ngates:\n  - ~\n', 'gates[0]: Invalid input: expected object, received null', { line: 3, column: 5 });
  });

  it('duplicate gate keys, gate ids and check ids, at the second one', () => {
    problem(`schema_version: 1\ngates:\n${flowGate('g', 1)}${flowGate('g', 2)}`, "gates[1].key: duplicate gate key 'g'", { line: 4, column: 11 });
    problem(`schema_version: 1\ngates:\n${flowGate('g', 1)}${flowGate('h', 1)}`, 'gates[1].id: duplicate gate id 1', { line: 4, column: 18 });
    problem(gate(promql('a') + promql('b') + promql('a')), "gates[0].checks[2].id: duplicate check id 'a' in gate 'g'", { line: 11, column: 14 });
  });

  it('a gate repeated by a YAML alias is a duplicate, marked at the alias', () => {
    const text = `schema_version: 1\ngates:\n  - &g ${flowGate('g', 1).slice(4)}  - *g\n`;
    problem(text, "gates[1].key: duplicate gate key 'g'", { line: 4, column: 5 });
  });

  it('a compare check measures samples (query) or counts (errors and requests), not both or neither or half', () => {
    const either = "gates[0].checks[0]: a compare check needs either 'query' (samples) or 'errors' and 'requests' (counts)";
    problem(gate("      - {id: c, name: C, type: compare, query: 'x{v=\"${side}\"}', errors: e, requests: r, allowed: 0.1}\n"), either, { line: 9, column: 9 });
    problem(gate('      - {id: c, name: C, type: compare, allowed: 0.1}\n'), either, { line: 9, column: 9 });
    problem(gate("      - {id: c, name: C, type: compare, errors: 'sum(e{v=\"${side}\"})', allowed: 0.1}\n"), "gates[0].checks[0]: a counts comparison needs both 'errors' and 'requests'", { line: 9, column: 9 });
    problem(gate("      - {id: c, name: C, type: compare, requests: 'sum(r{v=\"${side}\"})', allowed: 0.1}\n"), "gates[0].checks[0]: a counts comparison needs both 'errors' and 'requests'", { line: 9, column: 9 });
    // Counts take ${side} in both queries.
    const counts = loads(gate("      - {id: c, name: C, type: compare, errors: 'sum(e{v=\"${side}\"})', requests: 'sum(r{v=\"${side}\"})', allowed: 0.1}\n"));
    assert.equal(counts.gates[0].checks[0].type, 'compare');
  });

  it('a critical limit below the allowed shift is refused at critical_limit; equal, or a template on either side, is not judged at load', () => {
    const block = (allowed: string, critical: string) => gate(`      - id: c\n        name: C\n        type: compare\n        query: 'x{v="\${side}"}'\n        allowed: ${allowed}\n        critical_limit: ${critical}\n`, 'variables: {a: "0.1"}\n');
    problem(block('0.2', '0.1'), 'gates[0].checks[0].critical_limit: critical_limit 0.1 is below allowed 0.2', { line: 15, column: 25 });
    for (const [allowed, critical] of [['0.2', '0.2'], ["'${a}'", '0.01'], ['0.2', "'${a}'"]]) assert.equal(loads(block(allowed, critical)).gates[0].checks.length, 1, `${allowed} / ${critical}`);
  });

  it('${side} belongs to a compare check’s queries; ${baseline} / ${candidate} only to its sides, where undeclared they are allowed', () => {
    // The sides default to ${baseline} and ${candidate}, which only --var supplies: no declaration needed.
    const c = loads(gate("      - {id: c, name: C, type: compare, query: 'x{v=\"${side}\"}', allowed: 0.1}\n")).gates[0].checks[0];
    assert.deepEqual(c.type === 'compare' && [c.baseline, c.candidate], ['${baseline}', '${candidate}']);
    problem(gate("      - {id: c, name: C, type: compare, query: 'x', candidate: '${side}', allowed: 0.1}\n"), "gates[0].checks[0].candidate: unknown variable ${side} (declare it under 'variables')", { line: 9, column: 64 });
    problem(gate("      - {id: c, name: C, type: compare, query: 'x', baseline: '${candidate}', allowed: 0.1}\n"), "gates[0].checks[0].baseline: unknown variable ${candidate} (declare it under 'variables')", { line: 9, column: 63 });
    problem(gate("      - {id: c, name: C, type: compare, query: 'x{v=\"${candidate}\"}', allowed: 0.1}\n"), "gates[0].checks[0].query: unknown variable ${candidate} (declare it under 'variables')", { line: 9, column: 48 });
    problem(gate("      - {id: a, name: A, type: promql, query: 'x{v=\"${side}\"}', comparator: '<=', threshold: 1}\n"), "gates[0].checks[0].query: unknown variable ${side} (declare it under 'variables')", { line: 9, column: 47 });
  });

  it('finds an undeclared variable inside a mapping (where, labels) and a list (files)', () => {
    problem(gate("      - {id: r, name: R, type: promql_range, query: x, reduce: share, where: {comparator: '<=', value: '${nope}'}, comparator: '>=', threshold: 0.9}\n"), "gates[0].checks[0].where: unknown variable ${nope} (declare it under 'variables')", { line: 9, column: 78 });
    problem(gate("      - {id: l, name: L, type: alert, alertname: A, labels: {env: '${nope}'}, comparator: '==', threshold: 0}\n"), "gates[0].checks[0].labels: unknown variable ${nope} (declare it under 'variables')", { line: 9, column: 61 });
    problem(gate("      - {id: l, name: L, type: log_pattern, files: ['logs/*.log', '${nope}/x.log'], pattern: ERR, comparator: '==', threshold: 0}\n"), "gates[0].checks[0].files: unknown variable ${nope} (declare it under 'variables')", { line: 9, column: 52 });
  });

  it('a file that cannot be read is named with the system’s error code', async () => {
    for (const [file, code] of [['/nonexistent/g.yaml', 'ENOENT'], ['/', 'EISDIR']]) {
      await assert.rejects(loadGates(file), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.message, `cannot read gates file: ${code}`);
        assert.deepEqual(e.location, { file });
        return true;
      });
    }
  });
});
