// What `lock --check` reports per locked profile (problems.ts): one problem per thing to fix, each in
// the file to fix and, where there is one, at the place to mark.
import assert from 'node:assert/strict';
import path from 'node:path';
import { changeText, evaluateLock, legacyChecksum, lockProblems, mismatchReason, normalizeProfile, renderLock, type LockChange } from '../../../src/core/lock';
import { LineIndex } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';

const dir = path.join(path.sep, 'w', 'profiles');
const profilePath = path.join(dir, 'r2.yaml');
const lockPath = path.join(dir, 'r2.lock.json');
const legacyPath = `${profilePath}.lock`;
const LOCKED = 'acceptance:\n  coverage_target: 0.9\n  min_decisions: 1\nitems:\n- 1\n- 2\n';
const lockText = renderLock(profilePath, lockPath, normalizeProfile(LOCKED, profilePath), new Date('2026-11-01T00:00:00Z'));
const legacyText = (checksum: string) => JSON.stringify({ checksum });

const check = (profileText: string, extra: { lockText?: string; legacyText?: string } = { lockText }) => evaluateLock({ profilePath, profileText, lockPath, ...extra });
const problems = (profileText: string, extra?: { lockText?: string; legacyText?: string }, shown?: (f: string) => string) => lockProblems({ profilePath, lockPath }, check(profileText, extra), shown);

/** 1-based line and column of the first occurrence of `needle` (plus `plus` characters) in `text`. */
function posOf(text: string, needle: string, plus = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return new LineIndex(text).at(at + plus);
}

describe('locks: problems of a locked profile (lockProblems)', () => {
  it('a valid profile has none', () => {
    assert.deepEqual(problems(LOCKED), []);
    assert.deepEqual(problems(LOCKED, { lockText, legacyText: legacyText(legacyChecksum(normalizeProfile(LOCKED, profilePath).root, LOCKED, profilePath)) }), []);
  });

  it('a lock without its profile (or without a check) is one orphan problem in the lock file', () => {
    assert.deepEqual(lockProblems({ lockPath }, undefined), [{ rule: 'orphan', message: `${path.basename(lockPath)}: orphan lock, no profile beside it`, file: lockPath }]);
    assert.deepEqual(lockProblems({ legacyLockPath: legacyPath }, undefined).map((p) => [p.rule, p.file]), [['orphan', legacyPath]]);
    assert.deepEqual(lockProblems({ profilePath, lockPath }, undefined).map((p) => p.rule), ['orphan']);
    assert.deepEqual(lockProblems({ lockPath }, check(LOCKED.replace('0.9', '0.8'))).map((p) => p.rule), ['orphan']);
  });

  it('a profile that cannot be hashed is one problem at the YAML error, whatever its locks', () => {
    const text = 'a: 1\nwhen: 2025-08-21\n';
    const [p, ...rest] = problems(text, { lockText, legacyText: 'broken' });
    assert.deepEqual(rest, []);
    const c = check(text);
    assert.equal(p.rule, 'profile-unhashable');
    assert.equal(p.message, `the profile cannot be hashed: ${c.problem!.message}`);
    assert.deepEqual([p.file, p.start], [c.problem!.location!.file, { line: c.problem!.location!.line, column: c.problem!.location!.column }]);
  });

  it('a missing lock names the lock and the command, with the profile as the caller shows it', () => {
    const [p] = problems(LOCKED, {});
    assert.deepEqual([p.rule, p.file, p.start], ['missing', profilePath, undefined]);
    assert.equal(p.message, `no ${path.basename(lockPath)}; run 'aurora-ga lock --in ${profilePath}'`);
    const shown = problems(LOCKED, {}, (f) => path.relative(dir, f))[0].message;
    assert.ok(shown.endsWith(`'aurora-ga lock --in ${path.basename(profilePath)}'`), shown);
    const beside = problems(LOCKED, { legacyText: legacyText('0123456789abcdef') });
    assert.ok(beside[0].message.startsWith(`no ${path.basename(lockPath)} (a legacy ${path.basename(legacyPath)} alone does not lock a profile); run`), beside[0].message);
    assert.deepEqual(beside.map((x) => x.rule), ['missing', 'legacy']);
  });

  it('an unreadable lock is marked at the parse error in the lock file', () => {
    const bad = '{\n  "schema_v": 2,\n  oops\n}';
    const [p] = problems(LOCKED, { lockText: bad });
    const c = check(LOCKED, { lockText: bad });
    assert.deepEqual([p.rule, p.file, p.start], ['unreadable', lockPath, { line: 3, column: 3 }]);
    assert.equal(p.message, `${path.basename(lockPath)} cannot be read: ${c.problem!.message}`);
  });

  it('each changed key is one problem spanning the key and its value; a removed one marks the key of the mapping that lost it', () => {
    const text = 'acceptance:\n  coverage_target: 0.85\nitems:\n- 1\n- 3\n- 4\nnew_key: yes\n';
    const got = problems(text);
    const c = check(text);
    assert.deepEqual(got.map((p) => [p.rule, p.file, p.message]), c.changes.map((x) => ['changed-key', profilePath, `${changeText(x)} since ${path.basename(lockPath)}`]));
    const by = (pathText: string) => got[c.changes.findIndex((x) => x.pathText === pathText)];
    // changed value under a key: from the key to the end of the value
    assert.deepEqual([by('acceptance.coverage_target').start, by('acceptance.coverage_target').end], [posOf(text, 'coverage_target'), posOf(text, '0.85', 4)]);
    // removed entry: the key of the mapping that lost it
    assert.deepEqual([by('acceptance.min_decisions').start, by('acceptance.min_decisions').end], [posOf(text, 'acceptance'), posOf(text, 'acceptance', 'acceptance'.length)]);
    // list items have no key: the item itself
    assert.deepEqual([by('items[1]').start, by('items[1]').end], [posOf(text, '3'), posOf(text, '3', 1)]);
    assert.deepEqual([by('items[2]').start, by('items[2]').end], [posOf(text, '4'), posOf(text, '4', 1)]);
    // added entry: its key to its value
    assert.deepEqual([by('new_key').start, by('new_key').end], [posOf(text, 'new_key'), posOf(text, 'yes', 3)]);
  });

  it('a removed top-level key marks the whole document; without the profile text no place is marked', () => {
    const text = 'acceptance:\n  coverage_target: 0.9\n  min_decisions: 1\n';
    const [p] = problems(text);
    assert.equal(p.message, `items: [1,2] → (removed) since ${path.basename(lockPath)}`);
    assert.deepEqual([p.start, p.end], [{ line: 1, column: 1 }, posOf(text, '1\n', 2)]);
    const c = check(LOCKED.replace('0.9', '0.8'));
    const [bare] = lockProblems({ profilePath, lockPath }, { ...c, profileText: undefined });
    assert.deepEqual([bare.rule, bare.start, bare.end], ['changed-key', undefined, undefined]);
  });

  it('a mismatch without named keys (schema 1) says so and asks for a re-lock', () => {
    const s1 = JSON.stringify({ schema_v: 1, profile_name: 'r2', profile_path: 'r2.yaml', sha256_normalized_yaml: normalizeProfile(LOCKED, profilePath).sha256 });
    const edited = LOCKED.replace('0.9', '0.8');
    const [p, ...rest] = problems(edited, { lockText: s1 });
    assert.deepEqual(rest, []);
    const c = check(edited, { lockText: s1 });
    assert.deepEqual([p.rule, p.file], ['mismatch', profilePath]);
    assert.equal(p.message, `${mismatchReason(c)}; ${path.basename(lockPath)} is a schema 1 lock: it stores no values, so the changed keys cannot be named. Re-lock to record them.`);
    // a schema 2 lock of another profile with the same content: the reason, and no schema 1 note
    const foreign = renderLock(path.join(dir, 'other.yaml'), lockPath, normalizeProfile(LOCKED, profilePath), new Date());
    const [f] = problems(LOCKED, { lockText: foreign });
    assert.equal(f.message, check(LOCKED, { lockText: foreign }).reason);
  });

  it('a legacy lock that does not validate is one more problem in the legacy file', () => {
    const current = legacyChecksum(normalizeProfile(LOCKED, profilePath).root, LOCKED, profilePath);
    const mismatch = problems(LOCKED, { lockText, legacyText: legacyText('0123456789abcdef') });
    assert.deepEqual(mismatch, [{ rule: 'legacy', message: `legacy ${path.basename(legacyPath)}: checksum 0123456789abcdef ≠ current ${current}`, file: legacyPath }]);
    const bad = '{\n  "checksum": oops\n}';
    const unreadable = problems(LOCKED, { lockText, legacyText: bad });
    const c = check(LOCKED, { lockText, legacyText: bad });
    assert.deepEqual(unreadable, [{ rule: 'legacy', message: `legacy ${path.basename(legacyPath)} cannot be read: ${c.legacy!.problem!.message}`, file: legacyPath, start: { line: c.legacy!.problem!.location!.line!, column: c.legacy!.problem!.location!.column! } }]);
    assert.equal(unreadable[0].start!.line, 2);
    const edited = problems(LOCKED.replace('0.9', '0.8'), { lockText, legacyText: legacyText('0123456789abcdef') });
    assert.deepEqual(edited.map((p) => p.rule), ['changed-key', 'legacy']);
  });
});

describe('locks: wording of changes and mismatches', () => {
  const c = (kind: LockChange['kind'], old?: string, now?: string): LockChange => ({ path: ['k'], pathText: 'k', kind, old, new: now });

  it('changeText: old → new, with the side that does not exist named', () => {
    assert.equal(changeText(c('changed', '1', '2')), 'k: 1 → 2');
    assert.equal(changeText(c('added', undefined, '2')), 'k: (not locked) → 2');
    assert.equal(changeText(c('removed', '1')), 'k: 1 → (removed)');
  });

  it('mismatchReason: both hashes when the content differs and the lock can tell, else the reason as given', () => {
    const edited = LOCKED.replace('0.9', '0.8');
    const withChanges = check(edited);
    const current = normalizeProfile(edited, profilePath).sha256;
    const locked = normalizeProfile(LOCKED, profilePath).sha256;
    const both = `Hash mismatch: current=${current.slice(0, 16)}... expected=${locked.slice(0, 16)}...`;
    assert.equal(mismatchReason(withChanges), both);
    // a lock of another profile with other content: still the hashes
    const foreign = renderLock(path.join(dir, 'other.yaml'), lockPath, normalizeProfile(LOCKED, profilePath), new Date());
    assert.equal(mismatchReason(check(edited, { lockText: foreign })), both);
    // same content, another profile: the reason
    const same = check(LOCKED, { lockText: foreign });
    assert.equal(mismatchReason(same), same.reason);
    // equal hashes never read as a hash mismatch
    assert.equal(mismatchReason({ ...same, reason: undefined }), 'lock does not match');
    assert.equal(mismatchReason({ ...withChanges, lock: undefined, reason: 'r' }), 'r');
    assert.equal(mismatchReason({ ...withChanges, currentHash: undefined, reason: 'r' }), 'r');
    // schema 2 without changes (values agree but another profile): the reason, not the hashes
    assert.equal(mismatchReason({ ...withChanges, changes: [], reason: 'r' }), 'r');
    assert.equal(mismatchReason({ ...withChanges, changes: [], reason: 'r', lock: { ...withChanges.lock!, schema: 1 } }), both);
  });

  it('mismatchReason: a schema 1 lock of another profile with the same hash gives its reason, not two equal hashes', () => {
    const s1 = JSON.stringify({ schema_v: 1, profile_name: 'x', profile_path: 'x.yaml', sha256_normalized_yaml: normalizeProfile(LOCKED, profilePath).sha256 });
    const c = check(LOCKED, { lockText: s1 });
    assert.equal(c.status, 'mismatch');
    assert.equal(mismatchReason(c), c.reason);
    assert.match(c.reason!, /was written for x\.yaml/);
  });
});

describe('locks: problems of a check that lacks details', () => {
  const base = check(LOCKED);
  const only = (c: typeof base) => lockProblems({ profilePath, lockPath }, c);

  it('falls back to generic wording and the checked file when there is no problem to quote', () => {
    assert.deepEqual(only({ ...base, status: 'profile-error', problem: undefined }), [{ rule: 'profile-unhashable', message: 'the profile cannot be hashed: unreadable profile', file: profilePath }]);
    assert.deepEqual(only({ ...base, status: 'unreadable', problem: undefined }), [{ rule: 'unreadable', message: `${path.basename(lockPath)} cannot be read: corrupt lock file`, file: lockPath }]);
    assert.deepEqual(only({ ...base, legacy: { lockPath: legacyPath, status: 'unreadable' } }), [{ rule: 'legacy', message: `legacy ${path.basename(legacyPath)} cannot be read: corrupt lock file`, file: legacyPath }]);
    assert.deepEqual(only({ ...base, status: 'mismatch', lock: undefined, reason: 'r' }), [{ rule: 'mismatch', message: 'r', file: profilePath }]);
  });

  it('marks no line for a problem whose location has none', () => {
    const [p] = only({ ...base, status: 'profile-error', problem: new InputError('file not found', { file: profilePath }) });
    assert.deepEqual(p, { rule: 'profile-unhashable', message: 'the profile cannot be hashed: file not found', file: profilePath });
    const [q] = only({ ...base, status: 'unreadable', problem: new InputError('bad', { file: lockPath, line: 4 }) });
    assert.deepEqual(q.start, { line: 4, column: 1 });
  });

  it('an empty profile against a locked mapping: one change at the document start, with no extent to mark', () => {
    for (const text of ['', '# only a comment\n']) {
      const [p, ...rest] = problems(text);
      assert.deepEqual(rest, []);
      assert.deepEqual([p.rule, p.start, p.end], ['changed-key', { line: 1, column: 1 }, undefined]);
    }
  });
});
