// The outline of a gates file (findQueries): what the editor checks and CI annotations point at.
// Every expected offset is found in the text itself (indexOf), never copied from a run.
import assert from 'node:assert/strict';
import { findQueries } from '../../../src/core/gatesEditor';

const at = (text: string, needle: string, from = 0): number => {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${needle} is in the text`);
  return i;
};

describe('gates: the outline of a gates file (findQueries)', () => {
  const text = [
    'step: 2m',
    'variables:',
    '  tolerance: "0.05"',
    '  window: 5',
    '  [a, b]: skipped',
    '  nested: {x: 1}',
    'gates:',
    '  - key: first',
    '    checks:',
    '      - id: c1',
    '        type: promql',
    '        query: up == 1',
    '        baseline_query: "rate(x[5m])"',
    '        queryx: not a query',
    '        _query: not one either',
    '        name: no',
    '      - id: 7',
    '        type: 3',
    '        query: 42',
    '        candidate_query: sum(y)',
    '      - just a string',
    '      - type: file',
    '  - not a gate',
    '  - key: 9',
    '    checks: {not: a list}',
    '  - key: 10',
    '    checks:',
    '      - id: numbered',
    '  - checks:',
    '      - id: last',
    '        query: [not, a, string]',
    '',
  ].join('\n');
  // Read inside each test, not when the file loads: what a test checks must be what it ran.
  const outline = () => findQueries(text);

  it('takes the variables that are scalar pairs, as strings, and a string step', () => {
    assert.deepEqual(outline().variables, { tolerance: '0.05', window: '5' });
    assert.equal(outline().step, '2m');
  });

  it('lists every check that is a mapping with its place, and its key, id and type only when they are strings', () => {
    const check = (needle: string, from = 0) => at(text, needle, from);
    assert.deepEqual(outline().checks, [
      { gate: 0, check: 0, gateKey: 'first', checkId: 'c1', type: 'promql', start: check('id: c1') },
      { gate: 0, check: 1, gateKey: 'first', start: check('id: 7') },
      // The plain string item is no check, but it keeps its index.
      { gate: 0, check: 3, gateKey: 'first', type: 'file', start: check('type: file') },
      { gate: 3, check: 0, checkId: 'numbered', start: check('id: numbered') },
      { gate: 4, check: 0, checkId: 'last', start: check('id: last') },
    ]);
  });

  it('lists the string values of query fields (query, *_query) with the check they belong to, and where every character is', () => {
    const scalar = (needle: string) => {
      const start = at(text, needle);
      return [start, start + needle.length] as [number, number];
    };
    // A plain scalar's characters stand where they are, one after another (and one more for the end).
    const plain = (needle: string) => Array.from({ length: needle.length + 1 }, (_, i) => at(text, needle) + i);
    const quotedRange = scalar('"rate(x[5m])"');
    assert.deepEqual(outline().queries, [
      { gate: 0, check: 0, checkId: 'c1', type: 'promql', field: 'query', template: 'up == 1', offsets: plain('up == 1'), range: scalar('up == 1') },
      {
        gate: 0,
        check: 0,
        checkId: 'c1',
        type: 'promql',
        field: 'baseline_query',
        template: 'rate(x[5m])',
        // Inside the quotes: each character one past the opening quote.
        offsets: Array.from({ length: 'rate(x[5m])'.length + 1 }, (_, i) => quotedRange[0] + 1 + i),
        range: quotedRange,
      },
      { gate: 0, check: 1, checkId: undefined, type: undefined, field: 'candidate_query', template: 'sum(y)', offsets: plain('sum(y)'), range: scalar('sum(y)') },
    ]);
  });

  it('gives an empty outline for a document that is not a mapping, and no checks without a gates list', () => {
    assert.deepEqual(findQueries('- a\n- b\n'), { queries: [], checks: [], variables: {} });
    assert.deepEqual(findQueries(''), { queries: [], checks: [], variables: {} });
    assert.deepEqual(findQueries('step: 5\nvariables: [a]\ngates: {a: 1}\n'), { queries: [], checks: [], variables: {} });
    assert.deepEqual(findQueries('variables: {v: x}\ngates: nothing\n'), { queries: [], checks: [], variables: { v: 'x' } });
  });

  it('still outlines a file with duplicate keys and YAML errors after the gates', () => {
    const broken = 'gates:\n  - key: g\n    key: again\n    checks:\n      - id: a\n        query: up\n  - key: [\n';
    const o = findQueries(broken);
    assert.deepEqual(o.queries.map((q) => [q.gate, q.check, q.checkId, q.template]), [[0, 0, 'a', 'up']]);
    assert.equal(o.checks[0].start, at(broken, 'id: a'));
  });
});
