import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, Scalar, stringify, isMap, isScalar } from 'yaml';
import { findQueries, lintGatesText } from '../../../src/core/gatesEditor';
import { scalarOffsets } from '../../../src/core/gates/scalarOffsets';

const repo = path.resolve(__dirname, '../../../..');

function gates(queryYaml: string, extra = ''): string {
  return `schema_version: 1\nstep: 1m\nvariables:\n  tolerance: "0.05"\n${extra}gates:\n  - key: g\n    id: 1\n    name: G\n    fail_action: NO-GO\n    remediation: fix it\n    checks:\n      - id: c1\n        name: C1\n        type: promql\n${queryYaml}        comparator: "<="\n        threshold: 1\n`;
}

describe('gates files in the editor: problems at the characters that cause them', () => {
  it('finds no problem in the bundled gates file', () => {
    const file = path.join(repo, 'configs/gates/aurora-ga.yaml');
    assert.deepEqual(lintGatesText(fs.readFileSync(file, 'utf8'), file), []);
  });

  for (const [style, yamlOf] of [
    ['plain', (q: string) => `        query: ${q}\n`],
    ['double-quoted', (q: string) => `        query: "${q.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`],
    ['folded block', (q: string) => `        query: >-\n          ${q.replace(' or ', '\n          or ')}\n`],
    ['literal block', (q: string) => `        query: |\n          ${q.replace(' or ', '\n          or ')}\n`],
  ] as const) {
    it(`marks an unclosed parenthesis inside a ${style} scalar`, () => {
      const text = gates(yamlOf('sum(rate(x{a="b"}[5m]) or vector(0)'));
      const problems = lintGatesText(text, 'g.yaml');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].from, text.indexOf('sum(') + 3);
      assert.equal(text.slice(problems[0].from, problems[0].to), '(');
      assert.match(problems[0].message, /never closed.*\(check c1\)/);
    });
  }

  it('marks a problem after a substituted variable at the right place, and an unknown variable whole', () => {
    const text = gates('        query: avg_over_time(x[${window}]) > ${tolerance} +* 1\n');
    const [p] = lintGatesText(text, 'g.yaml');
    assert.equal(text.slice(p.from, p.to), '*');
    const unknown = gates('        query: avg_over_time(x[${windw}])\n');
    const [u] = lintGatesText(unknown, 'g.yaml');
    assert.equal(u.code, 'unknown-variable');
    assert.equal(unknown.slice(u.from, u.to), '${windw}');
  });

  it('still checks queries while the rest of the file is invalid, and reports the schema problem on its line', () => {
    const text = gates('        query: abs(x)[48h]\n').replace('threshold: 1', 'threshold: 1\n        frobnicate: 2');
    const problems = lintGatesText(text, 'g.yaml');
    const range = problems.find((p) => p.code === 'range-on-expression');
    assert.ok(range);
    assert.equal(text.slice(range.from, range.to), '[48h]');
    const schema = problems.find((p) => p.code === 'schema');
    assert.ok(schema);
    assert.match(schema.message, /unknown key 'frobnicate'/);
    assert.ok(text.slice(schema.from, schema.to).includes('frobnicate') || text.slice(schema.from).startsWith('- id') || schema.from <= text.indexOf('frobnicate'));
  });

  it('outlines every query with its check id and type', () => {
    const file = path.join(repo, 'configs/gates/aurora-ga.yaml');
    const outline = findQueries(fs.readFileSync(file, 'utf8'));
    assert.ok(outline.queries.length >= 6);
    assert.ok(outline.queries.every((q) => q.checkId && q.offsets));
    assert.equal(outline.variables.tolerance, '0.05');
  });

  it('maps every character of any scalar style back to the same character in the document (property)', () => {
    const types = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
    const word = fc.stringMatching(/^[a-z(){}[\]=~"'_:.,*+ ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom(...types), (words, type) => {
        const value = words.join(' ').trim() || 'x';
        const s = new Scalar(value);
        s.type = type;
        const text = stringify({ checks: [{ query: s }] }, { lineWidth: 20, minContentWidth: 5 });
        const doc = parseDocument(text);
        const seq = (doc.contents as unknown as { get(k: string, keep: true): { items: unknown[] } }).get('checks', true);
        const map = seq.items[0];
        if (!isMap(map)) return;
        const node = map.get('query', true);
        if (!isScalar(node) || node.value !== value) return;
        const offsets = scalarOffsets(text, node);
        if (!offsets) return; // a form it does not rebuild: callers then mark the whole scalar
        assert.equal(offsets.length, value.length + 1);
        for (let i = 0; i < value.length; i++) {
          if (/[a-z(){}=~_:.,*+[\]]/.test(value[i])) assert.equal(text[offsets[i]], value[i], `${type} ${JSON.stringify(text)} @${i}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
