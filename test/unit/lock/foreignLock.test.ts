// A schema-1 lock (the original's) records the profile path as typed on some machine, often with
// backslashes: only its file name can be compared, and a lock written for another profile never
// validates, even when the hashes agree.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock } from '../../../src/core/lock';
import { originalKitFile } from '../../support/originalKit';

const signal = new AbortController().signal;

describe('locks: a schema-1 lock written for another profile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-foreign-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const place = (profileName: string, recordedPath: string) => {
    const lock = JSON.parse(fs.readFileSync(originalKitFile('r2.lock.json'), 'utf8'));
    lock.profile_path = recordedPath;
    const stem = profileName.replace(/\.yaml$/, '');
    fs.copyFileSync(originalKitFile('r2.yaml'), path.join(dir, profileName));
    fs.writeFileSync(path.join(dir, `${stem}.lock.json`), JSON.stringify(lock));
    return path.join(dir, profileName);
  };

  it('validates when the recorded file name is the profile\'s, with Windows or POSIX separators', async () => {
    assert.equal((await checkLock(place('r2.yaml', 'configs\\profiles\\r2.yaml'), signal)).status, 'valid');
    assert.equal((await checkLock(place('r2.yaml', 'configs/profiles/r2.yaml'), signal)).status, 'valid');
  });

  it('is a mismatch naming both files when the lock was written for another profile (same content, same hash)', async () => {
    const c = await checkLock(place('other.yaml', 'configs\\profiles\\r2.yaml'), signal);
    assert.equal(c.status, 'mismatch');
    assert.equal(c.reason, 'other.lock.json was written for configs\\profiles\\r2.yaml, not other.yaml');
  });

  it('a schema-1 lock whose recorded name only ends like the profile\'s is another profile', async () => {
    const c = await checkLock(place('r2.yaml', 'configs\\profiles\\old_r2.yaml'), signal);
    assert.equal(c.status, 'mismatch');
    assert.match(c.reason!, /was written for configs\\profiles\\old_r2\.yaml, not r2\.yaml$/);
  });
});
