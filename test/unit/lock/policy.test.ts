// The one lock verdict (policy.ts): the precedence rule of README "One verdict", the files behind it,
// its one-line detail, and whether a profile's own `profile_lock.enforced` overrides the default.
import assert from 'node:assert/strict';
import path from 'node:path';
import { decideLock, lockEnforcement, normalizeProfile, type LegacyLockCheck, type LockChange, type LockCheck } from '../../../src/core/lock';
import { InputError } from '../../../src/core/util/errors';

type Checked = Parameters<typeof decideLock>[0];

const dir = path.join(path.sep, 'w', 'profiles');
const profilePath = path.join(dir, 'r2.yaml');
const lockPath = path.join(dir, 'r2.lock.json');
const legacyPath = `${profilePath}.lock`;

const checked = (status: LockCheck['status'], extra: Partial<Checked> = {}): Checked => ({ status, profilePath, lockPath, changes: [], ...extra });
const legacy = (status: LegacyLockCheck['status'], extra: Partial<LegacyLockCheck> = {}): LegacyLockCheck => ({ lockPath: legacyPath, status, ...extra });
const change = (name: string, kind: LockChange['kind'], old?: string, now?: string): LockChange => ({ path: [name], pathText: name, kind, old, new: now });

describe('locks: the one verdict (decideLock)', () => {
  it('lists the .lock.json behind every verdict but a missing one, and the legacy lock whenever it exists', () => {
    assert.deepEqual(decideLock(checked('valid')).files, [lockPath]);
    assert.deepEqual(decideLock(checked('valid', { legacy: legacy('valid') })).files, [lockPath, legacyPath]);
    assert.deepEqual(decideLock(checked('mismatch', { legacy: legacy('mismatch') })).files, [lockPath, legacyPath]);
    assert.deepEqual(decideLock(checked('missing')).files, []);
    assert.deepEqual(decideLock(checked('missing', { legacy: legacy('valid') })).files, [legacyPath]);
  });

  it('a profile that cannot be hashed is profile-error whatever its locks say, with the problem at its place', () => {
    const problem = new InputError('found a date', { file: profilePath, line: 3, column: 7 });
    const v = decideLock(checked('profile-error', { problem, legacy: legacy('mismatch') }));
    assert.equal(v.status, 'profile-error');
    assert.equal(v.decidedBy, undefined);
    assert.ok(v.detail.includes(problem.format()), v.detail);
    assert.match(decideLock(checked('profile-error')).detail, /cannot be hashed: unreadable profile$/);
  });

  it('a missing .lock.json is missing even beside a valid legacy lock, and says what the legacy lock is', () => {
    const alone = decideLock(checked('missing'));
    assert.equal(alone.status, 'missing');
    assert.ok(alone.detail.includes(`no lock file ${path.basename(lockPath)};`), alone.detail);
    assert.ok(alone.detail.includes(`aurora-ga lock --in ${profilePath}`), alone.detail);
    const withValid = decideLock(checked('missing', { legacy: legacy('valid') })).detail;
    assert.ok(withValid.includes(`the legacy ${path.basename(legacyPath)} is valid but does not lock a profile on its own`), withValid);
    const withBroken = decideLock(checked('missing', { legacy: legacy('mismatch') })).detail;
    assert.ok(withBroken.includes(`the legacy ${path.basename(legacyPath)} is mismatch;`), withBroken);
    assert.doesNotMatch(withBroken, /valid but/);
  });

  it('an unreadable .lock.json decides before the legacy lock, with the parse error or a fallback', () => {
    const problem = new InputError('invalid JSON', { file: lockPath, line: 2, column: 3 });
    const v = decideLock(checked('unreadable', { problem, legacy: legacy('mismatch') }));
    assert.deepEqual([v.status, v.decidedBy], ['unreadable', 'lock']);
    assert.equal(v.detail, `${path.basename(lockPath)} cannot be read: ${problem.format()}`);
    assert.match(decideLock(checked('unreadable')).detail, /cannot be read: corrupt lock file$/);
  });

  it('a mismatched .lock.json names profile, lock and reason, and lists at most five changes', () => {
    const v = decideLock(checked('mismatch', { reason: 'written for other.yaml', legacy: legacy('unreadable') }));
    assert.deepEqual([v.status, v.decidedBy], ['mismatch', 'lock']);
    assert.equal(v.detail, `${path.basename(profilePath)} does not match ${path.basename(lockPath)}: written for other.yaml`);
    assert.match(decideLock(checked('mismatch')).detail, /: hash mismatch$/);

    const listed = (n: number) => decideLock(checked('mismatch', { reason: 'r', changes: Array.from({ length: n }, (_, i) => change(`k${i}`, 'changed', `${i}`, `${i + 1}`)) })).detail;
    const five = listed(5);
    assert.ok(five.endsWith(`: r; changed since the lock: ${[0, 1, 2, 3, 4].map((i) => `k${i} ${i} → ${i + 1}`).join(', ')}`), five);
    const seven = listed(7);
    assert.ok(seven.endsWith(`k4 4 → 5, and 2 more`), seven);
    assert.doesNotMatch(seven, /k5/);
    const kinds = decideLock(checked('mismatch', { reason: 'r', changes: [change('a', 'added', undefined, '1'), change('b', 'removed', '2')] })).detail;
    assert.ok(kinds.endsWith('; changed since the lock: a added, b removed'), kinds);
  });

  it('a valid .lock.json gives way to a legacy lock that does not validate, which then decides', () => {
    const mismatch = decideLock(checked('valid', { legacy: legacy('mismatch', { expected: '0123456789abcdef', current: 'fedcba9876543210' }) }));
    assert.deepEqual([mismatch.status, mismatch.decidedBy], ['mismatch', 'legacy']);
    assert.equal(mismatch.detail, `${path.basename(lockPath)} validates but the legacy ${path.basename(legacyPath)} does not: checksum 0123456789abcdef ≠ current fedcba9876543210`);

    const problem = new InputError('legacy lock needs a checksum', { file: legacyPath, line: 1, column: 1 });
    const unreadable = decideLock(checked('valid', { legacy: legacy('unreadable', { problem }) }));
    assert.deepEqual([unreadable.status, unreadable.decidedBy], ['unreadable', 'legacy']);
    assert.equal(unreadable.detail, `${path.basename(lockPath)} validates but the legacy ${path.basename(legacyPath)} cannot be read: ${problem.format()}`);
    assert.match(decideLock(checked('valid', { legacy: legacy('unreadable') })).detail, /cannot be read: corrupt lock file$/);
  });

  it('valid only when the .lock.json validates and a legacy lock, if any, does too', () => {
    const alone = decideLock(checked('valid'));
    assert.deepEqual([alone.status, alone.decidedBy, alone.detail], ['valid', undefined, `${path.basename(lockPath)} validates`]);
    const both = decideLock(checked('valid', { legacy: legacy('valid') }));
    assert.deepEqual([both.status, both.detail], ['valid', `${path.basename(lockPath)} validates (and the legacy ${path.basename(legacyPath)})`]);
  });
});

describe('locks: profile_lock.enforced (lockEnforcement)', () => {
  const of = (text: string, fallback?: boolean) => lockEnforcement(normalizeProfile(text, 'p.yaml').root, text, 'p.yaml', fallback);

  it('without the key the fallback decides, true unless given', () => {
    assert.deepEqual(lockEnforcement(undefined, '', 'p.yaml'), { enforced: true, from: 'default' });
    assert.deepEqual(of('a: 1\n', false), { enforced: false, from: 'default' });
    assert.deepEqual(of('- 1\n', false), { enforced: false, from: 'default' });
    assert.deepEqual(of('profile_lock:\n  note: x\n', false), { enforced: false, from: 'default' });
    assert.deepEqual(of('profile_lock: 1\n', false), { enforced: false, from: 'default' });
  });

  it('the profile’s own boolean wins, read as PyYAML reads it, and only from the enforced key', () => {
    assert.deepEqual(of('profile_lock:\n  enforced: no\n'), { enforced: false, from: 'profile' });
    assert.deepEqual(of('profile_lock:\n  enforced: yes\n', false), { enforced: true, from: 'profile' });
    assert.deepEqual(of('profile_lock:\n  audit: true\n  enforced: false\n'), { enforced: false, from: 'profile' });
  });

  it('any other value is an InputError at its line that shows the value', () => {
    const refused = (text: string, shown: string, line: number) =>
      assert.throws(() => of(text), (e: InputError) => e instanceof InputError && e.message === `profile_lock.enforced must be true or false, got ${shown}` && e.location?.file === 'p.yaml' && e.location.line === line);
    refused('profile_lock:\n  enforced: 1\n', '1', 2);
    refused('a: 0\nprofile_lock:\n  enforced: "yes"\n', '"yes"', 3);
    refused('profile_lock:\n  enforced: 0.5\n', '0.5', 2);
    refused('profile_lock:\n  enforced: [true]\n', 'array', 2);
  });
});
