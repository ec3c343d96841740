import assert from 'node:assert/strict';
import { normalizeProfile } from '../../../src/core/lock';
import { ProfileEditSession } from '../../../src/core/lock/editSession';
import type { JNode } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';
import { rng } from '../../integration/lock/yamlGenerator';

function ranges(node: JNode, out: string[] = []): string[] {
  out.push(`${node.kind}@${node.range?.start}-${node.range?.end}`);
  if (node.kind === 'object') for (const e of node.entries) {
    out.push(`key ${e.key}@${e.keyRange?.start}-${e.keyRange?.end}`);
    ranges(e.value, out);
  }
  else if (node.kind === 'array') for (const i of node.items) ranges(i, out);
  return out;
}

function full(text: string): { json?: string; ranges?: string[]; error?: string } {
  try {
    const p = normalizeProfile(text, 'p.yaml');
    return { json: p.json, ranges: ranges(p.root) };
  } catch (err) {
    if (err instanceof InputError) return { error: err.format() };
    throw err;
  }
}

function incremental(s: ProfileEditSession): { json?: string; ranges?: string[]; error?: string } {
  try {
    const p = s.normalized();
    return { json: p.json, ranges: ranges(p.root) };
  } catch (err) {
    if (err instanceof InputError) return { error: err.format() };
    throw err;
  }
}

const PROFILE = [
  '# profile',
  'acceptance:',
  '  coverage_target: 0.9  # strict',
  '  min_decisions: 1',
  'flow: {a: 1:30, b: [1.0, yes, 0x1F]}',
  'list:',
  '  - 017',
  '  - .inf',
  '  - "quoted"',
  'name: r2_production',
  'empty:',
  '',
].join('\n');

const TYPED = [...'0123456789.-+_:exoEnaf ', '', '"', '#', ' #', '\n', 'yes', 'no', '2025-01-01', '<<', '-'];

describe('locks: incremental editor session', () => {
  it('agrees with a full parse after every one of 3,000 seeded random edits, and mostly takes the fast path', () => {
    const r = rng(7);
    let text = PROFILE;
    const session = new ProfileEditSession('p.yaml', text);
    session.normalized();
    for (let step = 0; step < 3000; step++) {
      // Edits cluster in values (where users type), with some anywhere.
      const valueSpots = [...text.matchAll(/: ([^\s#,\]}]+)/g)].map((m) => m.index! + 2 + Math.floor(r() * (m[1].length + 1)));
      const offset = valueSpots.length && r() < 0.9 ? valueSpots[Math.floor(r() * valueSpots.length)] : Math.floor(r() * (text.length + 1));
      const length = r() < 0.5 ? 0 : Math.min(Math.floor(r() * 3), text.length - offset);
      const inserted = TYPED[Math.floor(r() * TYPED.length)];
      const next = text.slice(0, offset) + inserted + text.slice(offset + length);
      session.applyEdit({ offset, length, text: inserted }, next);
      text = next;
      assert.deepEqual(incremental(session), full(text), `after edit ${step} at ${offset}: ${JSON.stringify(text)}`);
      if (full(text).error && r() < 0.5) {
        text = PROFILE;
        session.reset(text);
      }
    }
    assert.ok(session.stats.incremental > 600, `only ${session.stats.incremental} incremental edits`);
  });

  it('types inside a comment without re-parsing, and still re-parses when a # stops being a comment', () => {
    let text = PROFILE;
    const session = new ProfileEditSession('p.yaml', text);
    session.normalized();
    const type = (offset: number, inserted: string, length = 0) => {
      const next = text.slice(0, offset) + inserted + text.slice(offset + length);
      session.applyEdit({ offset, length, text: inserted }, next);
      text = next;
      assert.deepEqual(incremental(session), full(text), JSON.stringify(text));
    };
    for (const ch of ' and tight') type(text.indexOf('# strict') + 8, ch);
    assert.equal(session.stats.full, 1);
    assert.equal(session.stats.incremental, 10);
    type(text.indexOf('  # strict'), '', 2); // `0.9# strict`: the # is now part of the value
    assert.equal(session.stats.full, 2);
  });
});
