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
