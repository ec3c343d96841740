import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { expandGlob, hasMagic, segmentRegExp } from '../../../src/core/audit/expandSummaries';
import { summariesDir } from './fixtures';

describe('audit: summary globs (Python glob semantics)', () => {
  let dir: string;
  before(() => {
    dir = summariesDir({
      'r/a1.json': '{}', 'r/a2.json': '{}', 'r/b1.json': '{}', 'r/.hidden.json': '{}', 'r/notes.txt': '',
      'r/sub/deep.json': '{}', 'x/c1.json': '{}', 'y/c2.json': '{}', 'r/[lit].json': '{}',
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('knows which arguments are globs', () => {
    assert.deepEqual(['a/*.json', 'a?.json', 'a[12].json', 'plain.json'].map(hasMagic), [true, true, true, false]);
  });

  it('matches *, ? and [...] within one segment, sorted, relative paths kept relative', () => {
    assert.deepEqual(expandGlob('r/*.json', dir), ['r/[lit].json', 'r/a1.json', 'r/a2.json', 'r/b1.json']);
    assert.deepEqual(expandGlob('r/a?.json', dir), ['r/a1.json', 'r/a2.json']);
    assert.deepEqual(expandGlob('r/[ab]1.json', dir), ['r/a1.json', 'r/b1.json']);
    assert.deepEqual(expandGlob('r/[!a]1.json', dir), ['r/b1.json']);
  });

  it('does not match hidden files unless asked, and ** is not recursive', () => {
    assert.deepEqual(expandGlob('r/.*.json', dir), ['r/.hidden.json']);
    assert.deepEqual(expandGlob('r/**/*.json', dir), ['r/sub/deep.json']);
  });

  it('expands magic in directory segments and absolute patterns', () => {
    assert.deepEqual(expandGlob('[xy]/*.json', dir), ['x/c1.json', 'y/c2.json']);
    assert.deepEqual(expandGlob(`${dir}/x/*.json`, '/'), [`${dir}/x/c1.json`]);
  });

  it('returns nothing for no match or a missing folder', () => {
    assert.deepEqual(expandGlob('r/*.yaml', dir), []);
    assert.deepEqual(expandGlob('missing/*.json', dir), []);
  });

  it('treats an unclosed [ as a literal, like fnmatch', () => {
    assert.ok(segmentRegExp('a[1.json').test('a[1.json'));
    assert.ok(!segmentRegExp('a[1.json').test('a1.json'));
    assert.ok(segmentRegExp('*.json').test('x.json'));
    assert.ok(!segmentRegExp('*.json').test('x.jsonl'));
  });
});
