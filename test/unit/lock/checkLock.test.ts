// checkLock / evaluateLock / profileLockVerdict: the lock state of one profile, from texts or from disk,
// and whether that state refuses the profile.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock, compareWithLock, evaluateLock, legacyChecksum, normalizeProfile, parseLock, profileLockVerdict, renderLock } from '../../../src/core/lock';
import { InputError } from '../../../src/core/util/errors';

const signal = new AbortController().signal;
const TEXT = 'acceptance:\n  coverage_target: 0.9\n  min_decisions: 1\n';
const dir = path.join(path.sep, 'w', 'profiles');
const profilePath = path.join(dir, 'r2.yaml');
const lockPath = path.join(dir, 'r2.lock.json');
const schema2 = (text = TEXT, recordedFor = profilePath) => renderLock(recordedFor, lockPath, normalizeProfile(text, recordedFor), new Date('2026-01-01T00:00:00Z'));
const schema1 = (text: string, recorded = 'r2.yaml') => JSON.stringify({ schema_v: 1, profile_name: 'r2', profile_path: recorded, sha256_normalized_yaml: normalizeProfile(text, profilePath).sha256 });
const evaluate = (profileText: string, lockText?: string, legacyText?: string) => evaluateLock({ profilePath, profileText, lockPath, lockText, legacyText });

describe('locks: the lock state of one profile', () => {
  it('valid: no changes; a schema 2 lock with an empty recorded path belongs to any profile', () => {
    const valid = evaluate(TEXT, schema2());
    assert.deepEqual([valid.status, valid.changes, valid.reason], ['valid', [], undefined]);
    const blank = schema2().replace(/"profile_path": "[^"]*"/, '"profile_path": ""');
    assert.equal(evaluate(TEXT, blank).status, 'valid');
    assert.equal(evaluate(TEXT, schema1(TEXT, '')).status, 'valid');
  });

  it('a schema 2 lock belongs to the profile at its recorded path, not to any profile of that name', () => {
    const elsewhere = path.join(path.sep, 'w', 'other', 'r2.yaml');
    const c = evaluate(TEXT, schema2(TEXT, elsewhere));
    assert.equal(c.status, 'mismatch');
    assert.equal(c.reason, `${path.basename(lockPath)} was written for ${parseLock(schema2(TEXT, elsewhere), lockPath).profilePath}, not ${path.basename(profilePath)}`);
    // a schema 1 lock compares only the file name
    assert.equal(evaluate(TEXT, schema1(TEXT, 'C:\\elsewhere\\r2.yaml')).status, 'valid');
  });

  it('changed keys settle a mismatch and are counted in the reason', () => {
    const one = evaluate(TEXT.replace('0.9', '0.8'), schema2());
    assert.deepEqual([one.status, one.reason], ['mismatch', `Hash mismatch: 1 key changed since ${path.basename(lockPath)}`]);
    const two = evaluate(TEXT.replace('0.9', '0.8').replace('1\n', '2\n'), schema2());
    assert.deepEqual([two.status, two.reason, two.changes.length], ['mismatch', `Hash mismatch: 2 keys changed since ${path.basename(lockPath)}`, 2]);
  });

  it('a schema 1 lock, which stores no values, is compared by hash', () => {
    const edited = TEXT.replace('0.9', '0.8');
    const c = evaluate(edited, schema1(TEXT));
    const current = normalizeProfile(edited, profilePath).sha256;
    const expected = normalizeProfile(TEXT, profilePath).sha256;
    assert.deepEqual([c.status, c.changes, c.currentHash], ['mismatch', [], current]);
    assert.equal(c.reason, `Hash mismatch: current=${current.slice(0, 16)}... expected=${expected.slice(0, 16)}...`);
    const lock = parseLock(schema1(TEXT), lockPath);
    assert.deepEqual(compareWithLock(normalizeProfile(TEXT, profilePath), profilePath, lock, lockPath), { status: 'valid', changes: [] });
  });

  it('missing and unreadable locks, and a profile that cannot be hashed, with its legacy lock still checked', () => {
    const missing = evaluate(TEXT);
    assert.deepEqual([missing.status, missing.reason, missing.currentHash], ['missing', `Lock file not found: ${lockPath}`, normalizeProfile(TEXT, profilePath).sha256]);
    const unreadable = evaluate(TEXT, '{"schema_v": 3, "sha256_normalized_yaml": "x"}');
    assert.equal(unreadable.status, 'unreadable');
    assert.ok(unreadable.problem instanceof InputError);
    const bad = evaluate('a: [\n', schema2(), JSON.stringify({ checksum: '0123456789abcdef' }));
    assert.deepEqual([bad.status, bad.profile, bad.legacy?.status, bad.legacy?.current], ['profile-error', undefined, 'mismatch', undefined]);
  });
});

describe('locks: checking a profile on disk', () => {
  let root: string;
  const file = (name: string) => path.join(root, name);
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-checklock-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const lockOf = (name: string, text = TEXT) => renderLock(file(name), file(name.replace(/\.ya?ml$/, '.lock.json')), normalizeProfile(text, file(name)), new Date());

  it('a profile that does not exist or cannot be read is a profile-error naming the file', async () => {
    const gone = await checkLock(file('gone.yaml'), signal);
    assert.deepEqual([gone.status, gone.problem?.message, gone.problem?.location?.file, gone.changes], ['profile-error', 'file not found', file('gone.yaml'), []]);
    assert.equal(gone.verdict.status, 'profile-error');
    fs.mkdirSync(file('dir.yaml'));
    const folder = await checkLock(file('dir.yaml'), signal);
    assert.equal(folder.status, 'profile-error');
    assert.match(folder.problem!.message, /^cannot read: EISDIR/);
    assert.equal(folder.problem!.location?.file, file('dir.yaml'));
  });

  it('given the text, the profile file is not read', async () => {
    fs.writeFileSync(file('p.lock.json'), lockOf('p.yaml'));
    const c = await checkLock(file('p.yaml'), signal, { profileText: TEXT });
    assert.equal(c.status, 'valid');
    assert.equal(c.profileText, TEXT);
  });

  it('a lock that exists but cannot be read is unreadable; a legacy lock that cannot be read is unreadable too, never absent', async () => {
    fs.writeFileSync(file('p.yaml'), TEXT);
    fs.mkdirSync(file('p.lock.json'));
    const lock = await checkLock(file('p.yaml'), signal);
    assert.deepEqual([lock.status, lock.changes, lock.problem?.location?.file], ['unreadable', [], file('p.lock.json')]);
    assert.match(lock.problem!.message, /^cannot read: EISDIR/);
    assert.equal(lock.verdict.status, 'unreadable');
    fs.rmdirSync(file('p.lock.json'));
    fs.writeFileSync(file('p.lock.json'), lockOf('p.yaml'));
    fs.mkdirSync(file('p.yaml.lock'));
    const legacy = await checkLock(file('p.yaml'), signal);
    assert.deepEqual([legacy.status, legacy.legacy?.status, legacy.verdict.status, legacy.verdict.decidedBy], ['valid', 'unreadable', 'unreadable', 'legacy']);
  });

  it('a check aborted while it reads the legacy lock throws instead of answering', async () => {
    fs.writeFileSync(file('p.yaml'), TEXT);
    // A named pipe as the legacy lock: its read waits for a writer, so the abort lands during that read.
    execFileSync('mkfifo', [file('p.yaml.lock')]);
    const controller = new AbortController();
    const checking = checkLock(file('p.yaml'), controller.signal, { profileText: TEXT });
    const writer = await fs.promises.open(file('p.yaml.lock'), 'w'); // opens once the check is reading
    controller.abort();
    await writer.close();
    await assert.rejects(checking, { name: 'AbortError' });
  });

  it('an aborted verdict throws instead of answering', async () => {
    fs.writeFileSync(file('p.yaml'), TEXT);
    await assert.rejects(profileLockVerdict(file('p.yaml'), AbortSignal.abort()), { name: 'AbortError' });
  });

  it('refuses a profile whose enforced lock does not validate, and always one that cannot be hashed', async () => {
    fs.writeFileSync(file('p.yaml'), TEXT);
    const missing = await profileLockVerdict(file('p.yaml'), signal);
    assert.deepEqual([missing.verdict.status, missing.enforcement, missing.refused], ['missing', { enforced: true, from: 'default' }, true]);
    const lenient = await profileLockVerdict(file('p.yaml'), signal, { enforcedByDefault: false });
    assert.deepEqual([lenient.enforcement, lenient.refused], [{ enforced: false, from: 'default' }, false]);

    fs.writeFileSync(file('p.lock.json'), lockOf('p.yaml'));
    const valid = await profileLockVerdict(file('p.yaml'), signal);
    assert.deepEqual([valid.verdict.status, valid.refused, valid.check.lockPath], ['valid', false, file('p.lock.json')]);
    assert.equal(valid.verdict, valid.check.verdict);

    // the lock given is the one checked
    fs.writeFileSync(file('other.lock.json'), renderLock(file('p.yaml'), file('other.lock.json'), normalizeProfile('x: 1\n', file('p.yaml')), new Date()));
    const other = await profileLockVerdict(file('p.yaml'), signal, { lockPath: file('other.lock.json') });
    assert.deepEqual([other.check.lockPath, other.verdict.status, other.refused], [file('other.lock.json'), 'mismatch', true]);

    // the profile's own setting wins over the default
    const own = 'profile_lock:\n  enforced: false\n' + TEXT;
    fs.writeFileSync(file('own.yaml'), own);
    fs.writeFileSync(file('own.lock.json'), lockOf('own.yaml', TEXT));
    const relaxed = await profileLockVerdict(file('own.yaml'), signal);
    assert.deepEqual([relaxed.verdict.status, relaxed.enforcement, relaxed.refused], ['mismatch', { enforced: false, from: 'profile' }, false]);

    fs.writeFileSync(file('bad.yaml'), 'a: [\n');
    const bad = await profileLockVerdict(file('bad.yaml'), signal, { enforcedByDefault: false });
    assert.deepEqual([bad.verdict.status, bad.enforcement, bad.refused], ['profile-error', { enforced: false, from: 'default' }, true]);
    const strict = await profileLockVerdict(file('bad.yaml'), signal);
    assert.deepEqual([strict.enforcement, strict.refused], [{ enforced: true, from: 'default' }, true]);
    const gone = await profileLockVerdict(file('gone.yaml'), signal, { enforcedByDefault: false });
    assert.deepEqual([gone.verdict.status, gone.refused], ['profile-error', true]);
  });

  it('a legacy lock beside a valid .lock.json is checked against the profile', async () => {
    fs.writeFileSync(file('p.yaml'), TEXT);
    fs.writeFileSync(file('p.lock.json'), lockOf('p.yaml'));
    const checksum = legacyChecksum(normalizeProfile(TEXT, file('p.yaml')).root, TEXT, file('p.yaml'));
    fs.writeFileSync(file('p.yaml.lock'), JSON.stringify({ checksum }));
    const c = await checkLock(file('p.yaml'), signal);
    assert.deepEqual([c.verdict.status, c.legacy?.status, c.legacy?.expected, c.legacy?.current], ['valid', 'valid', checksum, checksum]);
  });
});
