// `gates --profile PATH`: the profile's name (${profile}) and its lock verdict; an unverified profile
// is refused (exit 2) unless its lock is not enforced, and an unusable one is refused at its line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveProfile } from '../../../src/core/gates/profileLock';
import { InputError } from '../../../src/core/util/errors';
import { originalKitFile } from '../../support/originalKit';

describe('gates: the profile under evaluation and its lock', () => {
  let dir: string;
  const signal = () => AbortSignal.timeout(10_000);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-profile-'));
    fs.copyFileSync(originalKitFile('r2.yaml'), path.join(dir, 'r2.yaml'));
    fs.copyFileSync(originalKitFile('r2.lock.json'), path.join(dir, 'r2.lock.json'));
    // No lock beside it; the extension is any case of .yaml / .yml.
    fs.copyFileSync(originalKitFile('smoke.yaml'), path.join(dir, 'Smoke.YML'));
    fs.writeFileSync(path.join(dir, 'open.yaml'), `${fs.readFileSync(originalKitFile('smoke.yaml'), 'utf8')}\nprofile_lock:\n  enforced: false\n`);
    // Only the last extension is the file type.
    fs.copyFileSync(originalKitFile('smoke.yaml'), path.join(dir, 'smoke.yml.v2.yaml'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'name: x\nstages: [1,\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a profile whose lock validates: its file name without the extension, enforced, valid', async () => {
    assert.deepEqual(await resolveProfile(path.join(dir, 'r2.yaml'), signal()), { name: 'r2', lock: { enforced: true, status: 'valid', detail: 'r2.lock.json validates' } });
  });

  it('a missing lock is refused by default, naming the file and saying how to create the lock once', async () => {
    const file = path.join(dir, 'Smoke.YML');
    const hint = `create it with 'aurora-ga lock --in ${file}'`;
    await assert.rejects(resolveProfile(file, signal()), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.message, `profile lock does not validate: no lock file Smoke.lock.json; ${hint}; refusing to evaluate gates (profile_lock.enforced)`);
      assert.deepEqual(e.location, { file });
      return true;
    });
  });

  it('without enforcement (the caller’s default or the profile’s own setting) it passes, and says why it is unverified', async () => {
    const smoke = path.join(dir, 'Smoke.YML');
    assert.deepEqual(await resolveProfile(smoke, signal(), false), {
      name: 'Smoke',
      lock: { enforced: false, status: 'missing', detail: `no lock file Smoke.lock.json; create it with 'aurora-ga lock --in ${smoke}'` },
    });
    assert.equal((await resolveProfile(path.join(dir, 'smoke.yml.v2.yaml'), signal(), false)).name, 'smoke.yml.v2');
    const open = path.join(dir, 'open.yaml');
    const r = await resolveProfile(open, signal(), true);
    assert.deepEqual([r.name, r.lock.enforced, r.lock.status], ['open', false, 'missing']);
  });

  it('a profile that cannot be read or parsed is refused where the problem is', async () => {
    const missing = path.join(dir, 'none.yaml');
    await assert.rejects(resolveProfile(missing, signal(), false), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.message, 'cannot use the profile: file not found');
      assert.deepEqual(e.location, { file: missing });
      return true;
    });
    const broken = path.join(dir, 'broken.yaml');
    await assert.rejects(resolveProfile(broken, signal(), false), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /^cannot use the profile: invalid YAML: /);
      // The unclosed flow sequence is found at the end of the stream: line 3, after the file's two lines.
      assert.deepEqual([e.location?.file, e.location?.line], [broken, 3]);
      return true;
    });
  });
});
