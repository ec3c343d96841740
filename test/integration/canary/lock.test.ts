import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { planCanary, ProfileLockError } from '../../../src/core/canary/plan';
import { lockPathFor, normalizeProfile, writeLock } from '../../../src/core/lock';
import { InputError } from '../../../src/core/util/errors';
import { CHILD, tempRoot } from './support';

const never = () => new AbortController().signal;

describe('canary profile-lock enforcement (real lock engine)', () => {
  let root: string;
  let profile: string;
  beforeEach(async () => {
    root = tempRoot();
    profile = path.join(root, 'profile.yaml');
    fs.writeFileSync(path.join(root, 'canary.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, ok]\nruns: 1\ninterval_seconds: 0\n`);
    await writeLock(profile, lockPathFor(profile), normalizeProfile(fs.readFileSync(profile, 'utf8'), profile));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const plan = (over: { enforce_lock?: boolean } = {}) => planCanary({ root, profile: 'profile.yaml', configFile: 'canary.yaml', node: process.execPath, overrides: over }, never());

  it('runs when the lock validates and records it', async () => {
    const p = await plan();
    assert.equal(p.lock.status, 'valid');
    assert.equal(p.lock.lock_file, path.join(root, 'profile.lock.json'));
  });

  it('refuses before the first run when the profile changed since its lock, naming the key', async () => {
    fs.writeFileSync(profile, 'acceptance:\n  min_decisions: 0\n');
    await assert.rejects(plan(), (err: unknown) => {
      assert.ok(err instanceof ProfileLockError);
      assert.equal(err.status.status, 'invalid');
      assert.match(err.message, /profile\.yaml does not match profile\.lock\.json: .*acceptance\.min_decisions 1 → 0/);
      return true;
    });
    assert.equal(fs.existsSync(path.join(root, 'artifacts')), false, 'nothing ran');
  });

  it('refuses a profile without a lock, saying how to make one', async () => {
    fs.rmSync(path.join(root, 'profile.lock.json'));
    await assert.rejects(plan(), (err: unknown) => err instanceof ProfileLockError && /no lock file .*aurora-ga lock --in/.test(err.message));
  });

  it('skips the check when the profile says profile_lock.enforced: false, or the config/setting does', async () => {
    fs.writeFileSync(profile, 'profile_lock:\n  enforced: false\nacceptance:\n  min_decisions: 0\n');
    assert.equal((await plan()).lock.status, 'skipped');
    fs.writeFileSync(profile, 'acceptance:\n  min_decisions: 0\n');
    assert.equal((await plan({ enforce_lock: false })).lock.status, 'skipped');
  });

  it('lets the profile\'s own enforced: true win over a setting that turns it off', async () => {
    fs.writeFileSync(profile, 'profile_lock:\n  enforced: true\nacceptance:\n  min_decisions: 0\n');
    await assert.rejects(plan({ enforce_lock: false }), ProfileLockError);
  });

  it('reports a missing profile and a malformed enforced key as input errors', async () => {
    await assert.rejects(planCanary({ root, profile: 'nope.yaml', configFile: 'canary.yaml', node: process.execPath }, never()), (e: unknown) => e instanceof InputError && /profile not found/.test(e.message));
    fs.writeFileSync(profile, 'profile_lock:\n  enforced: sometimes\n');
    await assert.rejects(plan(), (e: unknown) => e instanceof InputError && e.location?.line === 2 && /must be true or false/.test(e.message));
  });
});
