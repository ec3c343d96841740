// The locks of a workspace on disk: which lock belongs to which profile (findLockedProfiles), and
// the per-profile answer the checklist and readiness show (checkWorkspaceLocks).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock, checkWorkspaceLocks, findLockedProfiles, legacyChecksum, normalizeProfile, renderLock } from '../../../src/core/lock';

const signal = new AbortController().signal;
const TEXT = 'acceptance:\n  coverage_target: 0.9\n';

describe('locks: the locks of a workspace', () => {
  let root: string;
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const abs = (rel: string) => path.join(root, rel);
  const lock = (profileRel: string, lockRel: string, text = TEXT) => w(lockRel, renderLock(abs(profileRel), abs(lockRel), normalizeProfile(text, abs(profileRel)), new Date('2026-01-01T00:00:00Z')));
  const legacy = (profileRel: string, text = TEXT) => w(`${profileRel}.lock`, JSON.stringify({ checksum: legacyChecksum(normalizeProfile(text, abs(profileRel)).root, text, abs(profileRel)) }));

  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-wslocks-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('pairs each lock with its profile: the recorded path first, else the .yaml or .yml beside it; the rest are orphans', async () => {
    w('a/p.yml', TEXT);
    lock('a/p.yml', 'a/p.lock.json');
    // a schema 2 lock elsewhere that records its profile
    w('b/q.yaml', TEXT);
    lock('b/q.yaml', 'locks/q.lock.json');
    // a recorded profile that does not exist: the profile beside the lock
    w('c/r.yaml', TEXT);
    lock('gone/r.yaml', 'c/r.lock.json');
    // a schema 1 lock: its recorded path is not followed
    w('d/s.yaml', TEXT);
    w('elsewhere/s.yaml', TEXT);
    w('d/s.lock.json', JSON.stringify({ schema_v: 1, profile_path: '../elsewhere/s.yaml', sha256_normalized_yaml: normalizeProfile(TEXT, 's').sha256 }));
    // a corrupt lock still belongs to the profile beside it
    w('e/t.yaml', TEXT);
    w('e/t.lock.json', '{oops');
    // legacy locks: with and without their profile, and both kinds for one profile
    w('f/u.yaml', TEXT);
    legacy('f/u.yaml');
    legacy('f/gone.yaml');
    lock('f/u.yaml', 'f/u.lock.json');
    w('g/v.yml', TEXT);
    legacy('g/v.yml');
    w('h/orphan.lock.json', '{}');
    // skipped: dot-folders and node_modules; a folder whose name only ends with a dot is not
    w('.hidden/x.yaml', TEXT);
    lock('.hidden/x.yaml', '.hidden/x.lock.json');
    w('node_modules/y.yaml', TEXT);
    lock('node_modules/y.yaml', 'node_modules/y.lock.json');
    w('dots./z.yaml', TEXT);
    lock('dots./z.yaml', 'dots./z.lock.json');
    // not locks: another suffix, and a folder named like a lock
    w('i/w.json', '{}');
    fs.mkdirSync(abs('j/k.lock.json'), { recursive: true });

    // in path order, each entry by its profile (an orphan by its lock)
    assert.deepEqual(await findLockedProfiles(root, signal), [
      { profilePath: abs('a/p.yml'), lockPath: abs('a/p.lock.json') },
      { profilePath: abs('b/q.yaml'), lockPath: abs('locks/q.lock.json') },
      { profilePath: abs('c/r.yaml'), lockPath: abs('c/r.lock.json') },
      { profilePath: abs('d/s.yaml'), lockPath: abs('d/s.lock.json') },
      { profilePath: abs('dots./z.yaml'), lockPath: abs('dots./z.lock.json') },
      { profilePath: abs('e/t.yaml'), lockPath: abs('e/t.lock.json') },
      { legacyLockPath: abs('f/gone.yaml.lock') },
      { profilePath: abs('f/u.yaml'), lockPath: abs('f/u.lock.json'), legacyLockPath: abs('f/u.yaml.lock') },
      { profilePath: abs('g/v.yml'), legacyLockPath: abs('g/v.yml.lock') },
      { lockPath: abs('h/orphan.lock.json') },
    ]);
  });

  it('keeps both locks of a profile whichever is found first, in path order', async () => {
    // `p.yaml.lock` sorts before `p.lock.json`'s folder `z/`: the legacy lock is met first
    w('a/p.yaml', TEXT);
    legacy('a/p.yaml');
    lock('a/p.yaml', 'z/p.lock.json');
    assert.deepEqual(await findLockedProfiles(root, signal), [{ profilePath: abs('a/p.yaml'), legacyLockPath: abs('a/p.yaml.lock'), lockPath: abs('z/p.lock.json') }]);
  });

  it('pairs a corrupt lock with the .yml beside it; of several locks of one profile the last in path order counts; lists by profile', async () => {
    w('k/w.yml', TEXT);
    w('k/w.lock.json', '{oops');
    // several schema 2 locks recording one profile, written in reverse path order
    w('m/q.yaml', TEXT);
    for (const n of ['f', 'e', 'd', 'c', 'b', 'a']) lock('m/q.yaml', `m/${n}.lock.json`);
    // a profile whose lock sorts before other profiles, and an orphan between them
    w('z/p.yaml', TEXT);
    lock('z/p.yaml', 'a0/p.lock.json');
    w('b/orphan.lock.json', '{}');
    assert.deepEqual(await findLockedProfiles(root, signal), [
      { lockPath: abs('b/orphan.lock.json') },
      { profilePath: abs('k/w.yml'), lockPath: abs('k/w.lock.json') },
      { profilePath: abs('m/q.yaml'), lockPath: abs('m/f.lock.json') },
      { profilePath: abs('z/p.yaml'), lockPath: abs('a0/p.lock.json') },
    ]);
  });

  it('answers per profile with the verdict, relative POSIX paths, and every lock file behind the answer', async () => {
    const P = 'configs/profiles';
    w(`${P}/valid.yaml`, TEXT);
    lock(`${P}/valid.yaml`, `${P}/valid.lock.json`);
    legacy(`${P}/valid.yaml`);
    w(`${P}/changed.yaml`, TEXT.replace('0.9', '0.8'));
    lock(`${P}/changed.yaml`, `${P}/changed.lock.json`);
    w(`${P}/corrupt.yaml`, TEXT);
    w(`${P}/corrupt.lock.json`, '{oops');
    w(`${P}/legacyonly.yml`, TEXT);
    legacy(`${P}/legacyonly.yml`);
    for (const n of ['unlocked.yml', 'unlocked.yaml', 'u3.yaml', 'u2.yaml', 'u1.yaml']) w(`${P}/${n}`, TEXT);
    w(`${P}/notes.yaml.txt`, TEXT);
    w('other/moved.yaml', TEXT);
    lock('other/moved.yaml', 'locks/moved.lock.json');
    w('other/stray.lock.json', '{}');

    const got = await checkWorkspaceLocks(root, signal);
    const detail = async (rel: string, lockRel?: string) => (await checkLock(abs(rel), signal, lockRel ? { lockPath: abs(lockRel) } : {})).verdict.detail;
    assert.deepEqual(got, [
      { profile: `${P}/changed.yaml`, lockFile: `${P}/changed.lock.json`, status: 'invalid', detail: await detail(`${P}/changed.yaml`), files: [`${P}/changed.lock.json`] },
      { profile: `${P}/corrupt.yaml`, lockFile: `${P}/corrupt.lock.json`, status: 'error', detail: await detail(`${P}/corrupt.yaml`), files: [`${P}/corrupt.lock.json`] },
      { profile: `${P}/legacyonly.yml`, lockFile: null, status: 'missing', detail: await detail(`${P}/legacyonly.yml`), files: [`${P}/legacyonly.yml.lock`] },
      { profile: `${P}/valid.yaml`, lockFile: `${P}/valid.lock.json`, status: 'valid', detail: '', files: [`${P}/valid.lock.json`, `${P}/valid.yaml.lock`] },
      { profile: 'other/moved.yaml', lockFile: 'locks/moved.lock.json', status: 'valid', detail: '', files: ['locks/moved.lock.json'] },
      { profile: 'other/stray.lock.json', lockFile: 'other/stray.lock.json', status: 'error', detail: 'lock file without its profile', files: ['other/stray.lock.json'] },
      ...['u1.yaml', 'u2.yaml', 'u3.yaml'].map((n) => ({ profile: `${P}/${n}`, lockFile: null, status: 'missing', detail: 'no lock file', files: [] })),
      { profile: `${P}/unlocked.yaml`, lockFile: null, status: 'missing', detail: 'no lock file', files: [] },
      { profile: `${P}/unlocked.yml`, lockFile: null, status: 'missing', detail: 'no lock file', files: [] },
    ]);
    assert.match(got[0].detail, /changed\.yaml does not match changed\.lock\.json/);
    assert.match(got[2].detail, /^no lock file legacyonly\.lock\.json/);
  });

  it('a profile with an unreadable profile is an error; a workspace without configs/profiles lists only its locks', async () => {
    w('p/x.yaml', 'a: [\n');
    lock('p/x.yaml', 'p/x.lock.json');
    w('p/y.yaml.lock', '{}');
    const got = await checkWorkspaceLocks(root, signal);
    assert.deepEqual(got.map((g) => [g.profile, g.status]), [['p/x.yaml', 'error'], ['p/y.yaml.lock', 'error']]);
    assert.equal(got[1].lockFile, 'p/y.yaml.lock');
    assert.deepEqual(await checkWorkspaceLocks(abs('p'), signal).then((r) => r.map((g) => g.profile)), ['x.yaml', 'y.yaml.lock']);
  });
});
