import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diffProfiles, normalizeProfile } from '../../../src/core/lock';
import { lockedText, revertEdit, yamlLiteral } from '../../../src/core/lock/revert';
import { rng } from '../../integration/lock/yamlGenerator';

const r2 = fs.readFileSync(path.resolve('configs/profiles/r2.yaml'), 'utf8');
const locked = normalizeProfile(r2, 'r2.yaml');

describe('locks: reverting changes', () => {
  it('writes values PyYAML reads back identically', () => {
    const text = 'a: [1.0, 1e-06, "yes", 1:30, .inf, null, "x\\u2028", 10000000000000000.0, {k: on}]';
    const node = normalizeProfile(text, 'p.yaml').root;
    const again = normalizeProfile(`v: ${yamlLiteral(node)}`, 'p.yaml').json;
    assert.equal(again, `{"v":${normalizeProfile(text, 'p.yaml').json}}`);
  });

  it('reverts a changed value in place', () => {
    const edited = r2.replace('coverage_target: 0.9', 'coverage_target: 0.85');
    const [change] = diffProfiles(locked.root, normalizeProfile(edited, 'r2.yaml').root);
    const edit = revertEdit(edited, change)!;
    assert.deepEqual([edited.slice(edit.offset, edit.offset + edit.length), edit.text], ['0.85', '0.9']);
  });

  it('restores the locked hash after 300 seeded random edits of values, added and removed keys', () => {
    const r = rng(99);
    const lines = r2.split('\n');
    for (let round = 0; round < 300; round++) {
      const copy = [...lines];
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
        const i = Math.floor(r() * copy.length);
        const m = /^(\s+)(\w+): (\S+)/.exec(copy[i]);
        if (!m) continue;
        const what = r();
        if (what < 0.5) copy[i] = `${m[1]}${m[2]}: ${['0.5', '1', 'true', '"s"', '1.0e-7', '[1, 2]', '~'][Math.floor(r() * 7)]}`;
        else if (what < 0.75) copy.splice(i, 1);
        else copy.splice(i + 1, 0, `${m[1]}extra_${k}: ${Math.floor(r() * 9)}`);
      }
      const edited = copy.join('\n');
      let current;
      try {
        current = normalizeProfile(edited, 'r2.yaml');
      } catch {
        continue;
      }
      const changes = diffProfiles(locked.root, current.root);
      const restored = lockedText(edited, changes);
      assert.equal(normalizeProfile(restored, 'r2.yaml').sha256, locked.sha256, `round ${round}:\n${edited}\n--- restored ---\n${restored}`);
    }
  });
});

describe('locks: the text of a revert', () => {
  const root = (text: string) => normalizeProfile(text, 'p.yaml').root;
  const restore = (lockedYaml: string, current: string) => lockedText(current, diffProfiles(root(lockedYaml), root(current)));

  it('writes plain strings plain, and quotes any that PyYAML would read as something else or refuse', () => {
    const s = (value: string) => yamlLiteral({ kind: 'scalar', value });
    for (const plain of ['abc', 'name_v2.x/y-z', '_x', 'Z']) assert.equal(s(plain), plain);
    for (const quoted of ['yes', 'null', '1abc', '12', '*ab', '&ab', '!ab', '@ab', '%ab', '|ab', '-ab', 'a b', 'a:b', '']) assert.equal(s(quoted), JSON.stringify(quoted), quoted);
    // escapes with four hex digits, as YAML's \u needs
    assert.equal(s('a\u0085b\u007f'), '"a\\u0085b\\u007f"');
    const readBack = (yaml: string) => {
      const r = root(`v: ${yaml}\n`);
      return r.kind === 'object' && r.entries[0].value.kind === 'scalar' ? r.entries[0].value.value : undefined;
    };
    for (const value of ['*ab', '!ab', 'a\u0085b\u007f', 'x\ufeffy', 'yes', '12']) assert.equal(readBack(s(value)), value, value);
  });

  it('writes numbers, infinities, NaN and collections that PyYAML reads back as the same value', () => {
    const n = (value: number) => yamlLiteral({ kind: 'scalar', value });
    assert.deepEqual([n(NaN), n(Infinity), n(-Infinity)], ['.nan', '.inf', '-.inf']);
    const text = 'a: [1.5e-07, 2.0e-05, -1.0e+20, .nan, -.inf, {k: 1, "odd key": [], z: {}}, [], 7]';
    const node = root(text);
    assert.equal(normalizeProfile(`v: ${yamlLiteral(node)}`, 'p.yaml').json, `{"v":${normalizeProfile(text, 'p.yaml').json}}`);
    assert.equal(yamlLiteral(root('{a: 1, b: [2, 3]}')), '{a: 1, b: [2, 3]}');
    assert.equal(yamlLiteral({ kind: 'invalid', message: 'x' }), 'null');
  });

  it('removes an added block entry or list item with its whole line, comment included', () => {
    assert.equal(restore('a: 1\n', 'a: 1\nextra: 2  # new\n'), 'a: 1\n');
    assert.equal(restore('items:\n- 1\n- 2\n', 'items:\n- 1\n- 2\n- 5\n'), 'items:\n- 1\n- 2\n');
    assert.equal(restore('items:\n-   1\n', 'items:\n-   1\n-   5\n'), 'items:\n-   1\n');
    // two added lines in a row: both go
    assert.equal(restore('a: 1\n', 'x: 1\ny: 2\na: 1\n'), 'a: 1\n');
    assert.equal(restore('a: 1\n', 'a: 1\nx: 3'), 'a: 1\n');
    assert.equal(restore('items:\n  - 1\n', 'items:\n  - 1\n  - 5\n'), 'items:\n  - 1\n');
  });

  it('puts a removed entry back: into a flow mapping before its brace, into a block mapping as its first line', () => {
    assert.equal(restore('a: {x: 1, y: 2}\n', 'a: {x: 1}\n'), 'a: {x: 1, y: 2}\n');
    assert.equal(restore('a: {x: 1}\n', 'a: {}\n'), 'a: {x: 1}\n');
    assert.equal(restore('m:\n  a: 1\n  b: 2\n  c: 3\n', 'm:\n  b: 2\n  c: 3\n'), 'm:\n  a: 1\n  b: 2\n  c: 3\n');
    // a key replaced by another on the same line: the old one back, the new one gone
    assert.equal(restore('m:\n  a: 1\n  b: 2\n', 'm:\n  c: 3\n  b: 2\n'), 'm:\n  a: 1\n  b: 2\n');
  });

  it('leaves alone what it cannot revert safely: flow entries added, list items removed, entries removed from a mapping inside a list item', () => {
    const current = 'a: {x: 1, y: 2}\nf: [1, 5]\nl: [1]\n';
    const changes = diffProfiles(root('a: {x: 1}\nf: [1]\nl: [1, 2]\n'), root(current));
    assert.deepEqual(changes.map((c) => [c.pathText, c.kind]), [['a.y', 'added'], ['f[1]', 'added'], ['l[1]', 'removed']]);
    assert.deepEqual(changes.map((c) => revertEdit(current, c)), [undefined, undefined, undefined]);
    const removedInItem = diffProfiles(root('m:\n- a: 1\n  b: 2\n'), root('m:\n- b: 2\n'));
    assert.equal(revertEdit('m:\n- b: 2\n', removedInItem[0]), undefined);
    // the first key of a mapping in a list item shares its line with the item's `- `: removing the line would end the list
    const inItem = 'm:\n- a: 1\n  b: 2\n';
    const [addedInItem] = diffProfiles(root('m:\n- b: 2\n'), root(inItem));
    assert.deepEqual([addedInItem.pathText, addedInItem.kind, revertEdit(inItem, addedInItem)], ['m[0].a', 'added', undefined]);
    assert.equal(restore('m:\n- b: 2\n', inItem), inItem);
    // a later key of that mapping is on its own line and goes
    assert.equal(restore('m:\n- a: 1\n', inItem), 'm:\n- a: 1\n');
    assert.equal(lockedText(current, changes), current);
  });

  it('gives no edit for a change without the places it needs', () => {
    const node = { kind: 'scalar' as const, value: 1n };
    assert.equal(revertEdit('a: 1\n', { path: ['a'], pathText: 'a', kind: 'changed', lockedNode: node }), undefined);
    assert.equal(revertEdit('a: 1\n', { path: ['a'], pathText: 'a', kind: 'changed', range: { start: 3, end: 4 } }), undefined);
    assert.equal(revertEdit('a: 1\n', { path: ['a'], pathText: 'a', kind: 'added' }), undefined);
    assert.deepEqual(revertEdit('- 5\n', { path: [0], pathText: '[0]', kind: 'added', range: { start: 2, end: 3 } }), { offset: 0, length: 4, text: '' });
    assert.deepEqual(revertEdit('a: 1\n', { path: ['a'], pathText: 'a', kind: 'added', keyRange: { start: 0, end: 1 } }), { offset: 0, length: 5, text: '' });
    assert.equal(revertEdit('a: 1\n', { path: ['b'], pathText: 'b', kind: 'removed', lockedNode: node }), undefined);
    assert.equal(revertEdit('a: 1\n', { path: ['b'], pathText: 'b', kind: 'removed', parent: root('a: 1\n') }), undefined);
  });
});
