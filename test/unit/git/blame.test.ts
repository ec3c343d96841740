import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blameLine, parseBlamePorcelain } from '../../../src/core/git';

function repo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-blame-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z' } });
  git('init', '-q');
  fs.writeFileSync(path.join(dir, 'p.yaml'), 'a: 1\nb: 2\n');
  git('add', '.');
  git('-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-qm', 'first');
  fs.writeFileSync(path.join(dir, 'p.yaml'), 'a: 1\nb: 3\n');
  git('-c', 'user.name=Bob', '-c', 'user.email=bob@example.com', 'commit', '-qam', 'loosen b');
  return dir;
}

describe('git: blame of one line', () => {
  it('names the author, commit, date and summary of the line', async () => {
    const dir = repo();
    try {
      const b = await blameLine(path.join(dir, 'p.yaml'), 2, AbortSignal.timeout(10000));
      assert.equal(b?.author, 'Bob');
      assert.equal(b?.summary, 'loosen b');
      assert.equal(b?.date, '2026-01-02T03:04:05.000Z');
      assert.match(b?.commit ?? '', /^[0-9a-f]{40}$/);
      assert.equal(b?.uncommitted, false);
      assert.equal((await blameLine(path.join(dir, 'p.yaml'), 1, AbortSignal.timeout(10000)))?.author, 'Alice');
      // An unsaved buffer is blamed as it is: its edited line is not committed.
      assert.equal((await blameLine(path.join(dir, 'p.yaml'), 2, AbortSignal.timeout(10000), { contents: 'a: 1\nb: 4\n' }))?.uncommitted, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers undefined outside git, and stops at the signal', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-noblame-'));
    try {
      fs.writeFileSync(path.join(dir, 'p.yaml'), 'a: 1\n');
      assert.equal(await blameLine(path.join(dir, 'p.yaml'), 1, AbortSignal.timeout(10000), { timeoutMs: 5000 }), undefined);
      await assert.rejects(blameLine(path.join(dir, 'p.yaml'), 1, AbortSignal.abort()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses the porcelain header and refuses anything else', () => {
    assert.equal(parseBlamePorcelain('fatal: no such path'), undefined);
    const b = parseBlamePorcelain(`${'0'.repeat(40)} 2 2 1\nauthor Not Committed Yet\nauthor-time 1767323045\nsummary Version of p.yaml from p.yaml\n`);
    assert.deepEqual(b && [b.uncommitted, b.author], [true, 'Not Committed Yet']);
  });
});
