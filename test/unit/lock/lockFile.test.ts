import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock, findLockedProfiles, lockPathFor, normalizeProfile, parseLock, readLock, renderLock, writeLock } from '../../../src/core/lock';
import { parseExactJson, serializePython } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';

const signal = new AbortController().signal;
const PROFILE = 'acceptance:\n  coverage_target: 0.9\n  min_decisions: 1\npreloop:\n  max_noop_ratio: 1.0\n';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lock-'));
}

describe('locks: lock files', () => {
  it('names the lock after the profile with its last suffix replaced', () => {
    assert.equal(lockPathFor('configs/profiles/r2.yaml'), 'configs/profiles/r2.lock.json');
    assert.equal(lockPathFor('a/b.c.yml'), 'a/b.c.lock.json');
  });

  it('writes schema 2 atomically with locked values, a relative POSIX path and an offset timestamp, and reads it back', async () => {
    const dir = tmpdir();
    const profile = path.join(dir, 'profiles', 'r2.yaml');
    fs.mkdirSync(path.dirname(profile));
    fs.writeFileSync(profile, PROFILE);
    const lockFile = path.join(dir, 'locks', 'r2.lock.json');
    await writeLock(profile, lockFile, normalizeProfile(PROFILE, profile), new Date('2026-01-02T03:04:05.678Z'));
    const text = fs.readFileSync(lockFile, 'utf8');
    assert.match(text, /"max_noop_ratio": 1\.0/);
    assert.match(text, /"generated_at": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.678000[+-]\d\d:\d\d"/);
    const lock = await readLock(lockFile, signal);
    assert.equal(lock.schema, 2);
    assert.equal(lock.profilePath, '../profiles/r2.yaml');
    assert.equal(lock.profileName, 'r2');
    assert.equal(serializePython(lock.lockedValues!), normalizeProfile(PROFILE, profile).json);
    assert.deepEqual(fs.readdirSync(path.dirname(lockFile)), ['r2.lock.json']);
    const check = await checkLock(profile, signal, { lockPath: lockFile });
    assert.equal(check.status, 'valid');
  });

  it('reads the original schema-1 lock', () => {
    const lock = parseLock(fs.readFileSync(path.resolve('configs/profiles/r2.lock.json'), 'utf8'), 'r2.lock.json');
    assert.equal(lock.schema, 1);
    assert.equal(lock.sha256, '0b1f3daa8eda80ea1981f1e0e73a131a7d5f53904b6bd27a64c88bcd10bc5937');
    assert.equal(lock.lockedValues, undefined);
  });

  it('refuses a schema-2 lock whose values were edited after hashing, naming the lock', () => {
    const text = renderLock('r2.yaml', 'r2.lock.json', normalizeProfile(PROFILE, 'r2.yaml'), new Date()).replace('"coverage_target": 0.9', '"coverage_target": 0.8');
    assert.throws(() => parseLock(text, 'r2.lock.json'), (e: InputError) => e instanceof InputError && /locked_values do not match/.test(e.format()));
  });

  it('reports corrupt JSON with line and column', () => {
    assert.throws(() => parseLock('{\n  "schema_v": 1,\n  oops\n}', 'x.lock.json'), (e: InputError) => e.format().startsWith('x.lock.json:3:3: invalid JSON'));
  });

  it('keeps ints, floats, NaN and big ints apart when reading JSON', () => {
    const node = parseExactJson('[1, 1.0, 1e5, NaN, -Infinity, 123456789012345678901234567890]', 'x.json');
    assert.equal(serializePython(node), '[1,1.0,100000.0,NaN,-Infinity,123456789012345678901234567890]');
  });

  it('checkLock: missing, mismatch with changes, unreadable, profile-error, foreign lock', async () => {
    const dir = tmpdir();
    const profile = path.join(dir, 'p.yaml');
    fs.writeFileSync(profile, PROFILE);
    assert.equal((await checkLock(profile, signal)).status, 'missing');
    await writeLock(profile, lockPathFor(profile), normalizeProfile(PROFILE, profile));
    fs.writeFileSync(profile, PROFILE.replace('0.9', '0.85'));
    const mismatch = await checkLock(profile, signal);
    assert.equal(mismatch.status, 'mismatch');
    assert.deepEqual(mismatch.changes.map((c) => [c.pathText, c.old, c.new]), [['acceptance.coverage_target', '0.9', '0.85']]);
    const text = fs.readFileSync(profile, 'utf8');
    assert.equal(text.slice(mismatch.changes[0].range!.start, mismatch.changes[0].range!.end), '0.85');
    fs.writeFileSync(profile, 'a: [');
    const bad = await checkLock(profile, signal);
    assert.equal(bad.status, 'profile-error');
    assert.match(bad.problem!.format(), /p\.yaml:1:\d+: invalid YAML/);
    fs.writeFileSync(lockPathFor(profile), '{"schema_v": 1');
    fs.writeFileSync(profile, PROFILE);
    assert.equal((await checkLock(profile, signal)).status, 'unreadable');
    // A lock copied from another profile with identical content must not validate this one.
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(other, PROFILE);
    await writeLock(profile, lockPathFor(other), normalizeProfile(PROFILE, profile));
    const foreign = await checkLock(other, signal);
    assert.equal(foreign.status, 'mismatch');
    assert.match(foreign.reason!, /written for p\.yaml/);
  });

  it('findLockedProfiles pairs locks with profiles and lists orphans', async () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), PROFILE);
    fs.writeFileSync(path.join(dir, 'a.lock.json'), '{}');
    fs.writeFileSync(path.join(dir, 'sub', 'b.yml'), PROFILE);
    fs.writeFileSync(path.join(dir, 'sub', 'b.yml.lock'), '{}');
    fs.writeFileSync(path.join(dir, 'gone.lock.json'), '{}');
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.lock.json'), '{}');
    const found = await findLockedProfiles(dir, signal);
    const rel = (p?: string) => p && path.relative(dir, p);
    assert.deepEqual(found.map((f) => [rel(f.profilePath), rel(f.lockPath), rel(f.legacyLockPath)]), [
      ['a.yaml', 'a.lock.json', undefined],
      [undefined, 'gone.lock.json', undefined],
      ['sub/b.yml', undefined, 'sub/b.yml.lock'],
    ]);
  });
});
