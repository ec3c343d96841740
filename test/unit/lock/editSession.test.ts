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

describe('locks: which edits the editor session applies without a re-parse', () => {
  /** A session on `start`; `type` applies one edit, checks the result against a full parse and says which path it took. */
  function session(start: string) {
    let text = start;
    const s = new ProfileEditSession('p.yaml', text);
    s.normalized();
    const type = (offset: number, inserted: string, length = 0, newText = text.slice(0, offset) + inserted + text.slice(offset + length)): 'incremental' | 'full' => {
      const before = { ...s.stats };
      s.applyEdit({ offset, length, text: inserted }, newText);
      text = newText;
      assert.deepEqual(incremental(s), full(text), JSON.stringify(text));
      assert.equal(s.currentText(), text);
      assert.equal(s.stats.incremental + s.stats.full, before.incremental + before.full + 1, 'one path per edit');
      return s.stats.incremental > before.incremental ? 'incremental' : 'full';
    };
    return { s, type, text: () => text };
  }
  const at = (text: string, needle: string, plus = 0) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    return i + plus;
  };

  it('applies typing anywhere inside a plain value of a mapping or a list, block or flow, and moves what follows', () => {
    const { type, text } = session(PROFILE);
    assert.equal(type(at(text(), '0.9'), '1'), 'incremental'); // at the value's start: 10.9
    assert.equal(type(at(text(), '10.9', 4), '5'), 'incremental'); // at its end: 10.95
    assert.equal(type(at(text(), '10.95', 1), '', 2), 'incremental'); // inside, shorter: 195
    assert.equal(type(at(text(), '195'), '2', 3), 'incremental'); // the whole value replaced: 2
    assert.equal(type(at(text(), '017', 3), '7'), 'incremental'); // a block list item (octal)
    assert.equal(type(at(text(), '1.0', 3), '5'), 'incremental'); // a flow list item
    assert.equal(type(at(text(), 'yes', 3), 'sir'), 'incremental'); // a boolean becomes a string
    assert.equal(type(at(text(), '1:30', 4), '0'), 'incremental'); // a flow mapping's value, sexagesimal
    assert.equal(type(at(text(), 'r2_production', 13), '_2'), 'incremental');
  });

  it('moves the ranges of the whole document when the last value of a file without a final newline grows', () => {
    const { type, text } = session('a: 1\nb: [x, 2]\nc: 3');
    assert.equal(type(text().length, '45'), 'incremental');
    assert.equal(type(at(text(), '2'), '22'), 'incremental');
    assert.equal(type(at(text(), '1'), '', 1, text().slice(0, at(text(), '1')) + '7' + text().slice(at(text(), '1') + 1)), 'full'); // the new text disagrees with the edit: it wins
  });

  it('re-parses for the document root, anchors, keys, values that stop being plain data, and values it cannot construct', () => {
    assert.equal(session('42\n').type(1, '1'), 'full');
    const anchored = session('a: &x 1\nb: *x\n');
    assert.equal(anchored.type(at(anchored.text(), '1'), '2'), 'full');
    const keys = session('abc: 1\n');
    assert.equal(keys.type(1, 'x'), 'full');
    const dated = session('d: 2025-01-0\n');
    assert.equal(dated.type(at(dated.text(), '-01-0', 5), '1'), 'full'); // now a date: an error, as in a full parse
    const binary = session('n: 0b1\n');
    assert.equal(binary.type(at(binary.text(), '1'), '_', 1), 'full'); // 0b_: PyYAML's int() refuses it
    const spaced = session('s: ab\n');
    assert.equal(spaced.type(at(spaced.text(), 'b'), ' '), 'full');
  });

  it('applies typing inside a comment, at a line start, after a value or on the last line, but not across a line end', () => {
    const { type, text } = session('# head\na: 1 # tail\nb: 2 # last');
    assert.equal(type(at(text(), 'head'), 'X'), 'incremental');
    assert.equal(type(at(text(), 'tail'), 'Y', 1), 'incremental'); // replacing one character
    assert.equal(type(at(text(), 'ail'), 'Z'), 'incremental');
    assert.equal(type(text().length, '!'), 'incremental'); // last line, no final newline
    assert.equal(type(at(text(), 'Xhead'), 'ab', 2), 'incremental'); // same length
    assert.equal(type(at(text(), 'Zail', 4), '', 2), 'full'); // deletes the line end: `b: 2` joins the comment
  });

  it('a comment edit may reach back to the #, and a comment right after a block scalar is still a comment', () => {
    const { type, text } = session('a: 1 #abcdefgh\nb: |\n  x\n# c\n');
    assert.equal(type(at(text(), 'cdef'), 'Z', 4), 'incremental'); // `#abZgh`: the value before it keeps its place
    assert.equal(type(at(text(), '# c', 3), 'd'), 'incremental');
  });

  it('a new text that disagrees with the edit is the one applied', () => {
    const comment = session('a: 1 # c\n');
    assert.equal(comment.type(at(comment.text(), 'c'), 'x', 0, 'a: 1 # xc!\n'), 'full');
    const value = session('a: 1\nb: 2\n');
    assert.equal(value.type(at(value.text(), '1'), '8', 1, 'a: 7\nb: 2\n'), 'full');
    assert.equal(value.type(at(value.text(), '7', 1), '8', 0, 'a: 78\nb: 2 \n'), 'full');
  });

  it('re-parses when the # is inside a quoted value or key, even after other entries and items', () => {
    const values = session('a: 1\nb: "x #y"\nc: [1, "p #q"]\n');
    assert.equal(values.type(at(values.text(), '#y', 1), 'z'), 'full');
    assert.equal(values.type(at(values.text(), '#q', 1), 'z'), 'full');
    const keys = session('a: 1\n"k #ey": 2\n');
    assert.equal(keys.type(at(keys.text(), '#ey', 1), 'z'), 'full');
  });

  it('re-parses after a reset, and keeps one answer (JSON and hash) until the next edit', () => {
    const { s } = session(PROFILE);
    const first = s.normalized();
    assert.equal(s.normalized(), first);
    assert.equal(first.sha256, normalizeProfile(PROFILE, 'p.yaml').sha256);
    s.reset('x: 2\n');
    assert.equal(s.currentText(), 'x: 2\n');
    assert.deepEqual(incremental(s), full('x: 2\n'));
    assert.equal(s.normalized().sha256, normalizeProfile('x: 2\n', 'p.yaml').sha256);
    s.reset('x: [\n');
    assert.throws(() => s.normalized(), InputError);
  });
});
