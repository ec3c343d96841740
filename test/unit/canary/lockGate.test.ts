// The canary's lock gate on the original kit's r2 profile: the new lock and the legacy
// `.yaml.lock` must both validate; a broken legacy lock refuses the run, naming it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkProfileLock } from '../../../src/core/canary/lockGate';
import { InputError } from '../../../src/core/util/errors';
import { originalKitFile } from '../../support/originalKit';

const signal = new AbortController().signal;

describe('canary: profile lock gate', () => {
  let dir: string;
  let profile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lockgate-'));
    for (const f of ['r2.yaml', 'r2.lock.json', 'r2.yaml.lock']) fs.copyFileSync(originalKitFile(f), path.join(dir, f));
    profile = path.join(dir, 'r2.yaml');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('valid when the lock and the legacy lock both validate', async () => {
    const s = await checkProfileLock(profile, signal, true);
    assert.deepEqual([s.status, s.lock_file], ['valid', path.join(dir, 'r2.lock.json')]);
    assert.equal(s.detail, 'r2.lock.json validates (and the legacy r2.yaml.lock)');
  });

  it('invalid when only the legacy lock is broken, naming it and why', async () => {
    const legacy = path.join(dir, 'r2.yaml.lock');
    fs.writeFileSync(legacy, fs.readFileSync(legacy, 'utf8').replace('b1c5472a9904e051', '0000000000000000'));
    const s = await checkProfileLock(profile, signal, true);
    assert.equal(s.status, 'invalid');
    assert.equal(s.lock_file, path.join(dir, 'r2.lock.json'));
    assert.match(s.detail!, /^r2\.lock\.json validates but the legacy r2\.yaml\.lock does not: checksum 0000000000000000 ≠ current b1c5472a9904e051$/);
  });

  it('invalid when the profile changed, naming the changed key; missing lock names the command that creates it', async () => {
    fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace('coverage_target: 0.9', 'coverage_target: 0.8'));
    const changed = await checkProfileLock(profile, signal, true);
    assert.equal(changed.status, 'invalid');
    assert.match(changed.detail!, /^r2\.yaml does not match r2\.lock\.json: /);
    fs.rmSync(path.join(dir, 'r2.lock.json'));
    fs.rmSync(path.join(dir, 'r2.yaml.lock'));
    const missing = await checkProfileLock(profile, signal, true);
    assert.deepEqual([missing.status, missing.lock_file], ['invalid', null]);
    assert.match(missing.detail!, /^no lock file .*r2\.lock\.json; create it with 'aurora-ga lock --in .*r2\.yaml'/);
  });
  it('invalid when a schema-1 lock was written for another profile, even with the same content', async () => {
    // The original kit's r2 lock beside a copy of r2.yaml named other.yaml: the hash agrees, the name does not.
    const other = path.join(dir, 'other.yaml');
    fs.copyFileSync(profile, other);
    fs.copyFileSync(path.join(dir, 'r2.lock.json'), path.join(dir, 'other.lock.json'));
    const s = await checkProfileLock(other, signal, true);
    assert.deepEqual(s, {
      enforced: true,
      status: 'invalid',
      lock_file: path.join(dir, 'other.lock.json'),
      detail: 'other.yaml does not match other.lock.json: other.lock.json was written for configs\\profiles\\r2.yaml, not other.yaml',
    });
  });

  it('a lock that is not enforced is skipped, still naming the lock and what is wrong with it', async () => {
    const legacy = path.join(dir, 'r2.yaml.lock');
    fs.writeFileSync(legacy, fs.readFileSync(legacy, 'utf8').replace('b1c5472a9904e051', '0000000000000000'));
    const s = await checkProfileLock(profile, signal, false);
    assert.deepEqual(s, { enforced: false, status: 'skipped', lock_file: path.join(dir, 'r2.lock.json'), detail: 'r2.lock.json validates but the legacy r2.yaml.lock does not: checksum 0000000000000000 ≠ current b1c5472a9904e051' });
    fs.rmSync(path.join(dir, 'r2.lock.json'));
    const missing = await checkProfileLock(profile, signal, false);
    assert.deepEqual([missing.status, missing.lock_file], ['skipped', null]);
  });

  it('a corrupt lock refuses the run as invalid (not as an error), naming the lock', async () => {
    fs.writeFileSync(path.join(dir, 'r2.lock.json'), '{"schema_v": 1,');
    const s = await checkProfileLock(profile, signal, true);
    assert.deepEqual([s.enforced, s.status, s.lock_file], [true, 'invalid', path.join(dir, 'r2.lock.json')]);
    assert.match(s.detail!, /^r2\.lock\.json cannot be read: /);
  });

  it('a profile that cannot be hashed is an input error naming where, whatever the enforcement', async () => {
    fs.writeFileSync(profile, 'a: [1,\n');
    for (const enforced of [true, false]) {
      await assert.rejects(checkProfileLock(profile, signal, enforced), (err: unknown) => err instanceof InputError && err.location?.file === profile);
    }
  });
});
