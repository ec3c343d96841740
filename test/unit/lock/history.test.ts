import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffProfiles, findLockedRevision, normalizeProfile, parseLock, upgradeLock } from '../../../src/core/lock';

const base = fs.readFileSync(path.resolve('test/fixtures/workspace/locks/r2.yaml'), 'utf8');

/** A repository with three revisions of p.yaml; returns the commits, oldest first. */
function history(dir: string, texts: string[]): string[] {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  return texts.map((text, i) => {
    fs.writeFileSync(path.join(dir, 'p.yaml'), text);
    git('add', '.');
    git('commit', '-qm', `rev ${i}`);
    return git('rev-parse', 'HEAD').trim();
  });
}

const schema1 = (sha256: string) => `{\n  "schema_v": 1,\n  "profile_name": "p",\n  "profile_path": "configs\\\\profiles\\\\p.yaml",\n  "sha256_normalized_yaml": "${sha256}",\n  "generated_at": "2025-08-21T03:01:43.272972",\n  "generator_ver": "1.0"\n}`;

describe('lock: schema 1 values from git history', () => {
  // Distinct texts per test and per process run: results are cached per lock hash for the life of the
  // process (a mutation run repeats the tests in one process).
  const run = `# ${randomUUID()}\n`;
  const texts = (tag: string) => [base.replace('tau_d: 0.3', `tau_d: 0.3${tag}`), base.replace('tau_d: 0.3', `tau_d: 0.4${tag}`), base.replace('tau_d: 0.3', `tau_d: 0.5${tag}`)].map((t) => run + t);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-history-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the revision whose normalized hash is the lock\'s, and upgrades the lock to schema 2 with that hash', async () => {
    const t = texts('1');
    const commits = history(dir, t);
    const file = path.join(dir, 'p.yaml');
    const locked = normalizeProfile(t[0], file).sha256;
    const found = await findLockedRevision(file, locked, AbortSignal.timeout(10000));
    assert.equal(found?.commit, commits[0]);
    assert.equal(found?.profile.sha256, locked);
    const changes = diffProfiles(found!.profile.root, normalizeProfile(t[2], file).root);
    assert.deepEqual(changes.map((c) => `${c.pathText} ${c.old} → ${c.new}`), ['kappa_thresholds.tau_d 0.31 → 0.51']);

    const lockPath = path.join(dir, 'p.lock.json');
    fs.writeFileSync(lockPath, schema1(locked));
    assert.equal(await upgradeLock(file, lockPath, parseLock(fs.readFileSync(lockPath, 'utf8'), lockPath), AbortSignal.timeout(10000)), commits[0]);
    const upgraded = parseLock(fs.readFileSync(lockPath, 'utf8'), lockPath);
    assert.deepEqual([upgraded.schema, upgraded.sha256, upgraded.generatedAt.slice(0, 10)], [2, locked, '2025-08-21']);
  });

  it('walks at most the given number of revisions, and answers undefined outside git or without a match', async () => {
    const t = texts('2');
    history(dir, t);
    const file = path.join(dir, 'p.yaml');
    assert.equal(await findLockedRevision(file, normalizeProfile(t[0], file).sha256, AbortSignal.timeout(10000), 2), undefined);
    assert.equal(await findLockedRevision(file, 'f'.repeat(64), AbortSignal.timeout(10000)), undefined);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-nogit-'));
    try {
      fs.writeFileSync(path.join(outside, 'p.yaml'), t[1]);
      assert.equal(await findLockedRevision(path.join(outside, 'p.yaml'), normalizeProfile(t[1], 'p.yaml').sha256, AbortSignal.timeout(10000)), undefined);
      const lockPath = path.join(outside, 'p.lock.json');
      fs.writeFileSync(lockPath, schema1('e'.repeat(64)));
      assert.equal(await upgradeLock(path.join(outside, 'p.yaml'), lockPath, parseLock(fs.readFileSync(lockPath, 'utf8'), lockPath), AbortSignal.timeout(10000)), undefined);
      assert.match(fs.readFileSync(lockPath, 'utf8'), /"schema_v": 1/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('skips revisions that cannot be hashed, and answers again from the cache without walking', async () => {
    const t = texts('3');
    const commits = history(dir, [t[0], 'when: 2025-08-21\n', t[1]]);
    const file = path.join(dir, 'p.yaml');
    const locked = normalizeProfile(t[0], file).sha256;
    const found = await findLockedRevision(file, locked, AbortSignal.timeout(10000));
    assert.equal(found?.commit, commits[0]);
    // the history is gone; the same hash is answered as before
    fs.rmSync(path.join(dir, '.git'), { recursive: true, force: true });
    assert.equal(await findLockedRevision(file, locked, AbortSignal.timeout(10000)), found);
  });

  it('an aborted walk is not cached: the next ask walks again', async () => {
    const t = texts('4');
    const commits = history(dir, t);
    const file = path.join(dir, 'p.yaml');
    const locked = normalizeProfile(t[1], file).sha256;
    await assert.rejects(findLockedRevision(file, locked, AbortSignal.abort()));
    assert.equal((await findLockedRevision(file, locked, AbortSignal.timeout(10000)))?.commit, commits[1]);
  });
});
