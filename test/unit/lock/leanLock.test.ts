import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock, lockProfileFile, normalizeProfile, quickValidate, renderLock, renderLockFromHash, writeLock } from '../../../src/core/lock';
import { hashProfileText, INDENTED, MAX_PROFILE_BYTES, readUtf8, reindentCompact, serializePython } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';
import { generateYamlDocument } from '../../integration/lock/yamlGenerator';

const signal = new AbortController().signal;
const r2 = fs.readFileSync(path.resolve('configs/profiles/r2.yaml'), 'utf8');

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lean-'));
}

describe('locks: the CLI hash path without source ranges', () => {
  it('gives normalizeProfile’s JSON and hash, or refuses where it refuses, on 1,000 generated documents', () => {
    let hashed = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const doc = generateYamlDocument(seed);
      let full: string | InputError;
      try {
        full = normalizeProfile(doc, 'p.yaml').json;
      } catch (err) {
        assert.ok(err instanceof InputError);
        full = err;
      }
      if (typeof full === 'string') {
        assert.equal(hashProfileText(doc, 'p.yaml').json, full, doc);
        hashed++;
      } else assert.throws(() => hashProfileText(doc, 'p.yaml'), (err) => err instanceof InputError && err.format() === (full as InputError).format(), doc);
    }
    assert.ok(hashed > 300 && hashed < 1000, `${hashed} hashed`);
  });

  it('lays out compact JSON exactly as json.dumps(indent=2) would, at the top level (nested: the lock test below)', () => {
    for (const doc of [r2, '{}', '[]', 'a: {b: [], c: {}, d: [1, {e: "x: y, \\"z\\""}]}', ...Array.from({ length: 200 }, (_, i) => generateYamlDocument(5000 + i))]) {
      let root;
      try {
        root = normalizeProfile(doc, 'p.yaml').root;
        serializePython(root);
      } catch {
        continue;
      }
      const compact = serializePython(root);
      assert.equal(reindentCompact(compact, 0), serializePython(root, INDENTED), doc);
    }
  });

  it('writes the same lock bytes as renderLock, and validates it without the value trees', async () => {
    const dir = tmpdir();
    const profile = path.join(dir, 'r2.yaml');
    fs.writeFileSync(profile, r2);
    const now = new Date('2026-01-02T03:04:05.678Z');
    const lockFile = path.join(dir, 'r2.lock.json');
    assert.equal(renderLockFromHash(profile, lockFile, hashProfileText(r2, profile), now), renderLock(profile, lockFile, normalizeProfile(r2, profile), now));
    const { hash, legacy } = await lockProfileFile(profile, 'r2.yaml', lockFile, signal, now);
    assert.equal(legacy.kind, 'none');
    assert.equal(fs.readFileSync(lockFile, 'utf8'), renderLock(profile, lockFile, normalizeProfile(r2, profile), now));
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), hash.sha256);
    assert.equal((await checkLock(profile, signal, { lockPath: lockFile })).status, 'valid');
  });

  it('leaves every lock that is not plainly valid to the full check', async () => {
    const dir = tmpdir();
    const profile = path.join(dir, 'r2.yaml');
    const lockFile = path.join(dir, 'r2.lock.json');
    fs.writeFileSync(profile, r2);
    await writeLock(profile, lockFile, normalizeProfile(r2, profile));
    const lock = fs.readFileSync(lockFile, 'utf8');
    // changed profile; hand-edited recorded values; a lock of another profile; a schema-1 lock; a corrupt lock
    fs.writeFileSync(profile, r2.replace(/coverage_target: [0-9.]+/, 'coverage_target: 0.5'));
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), undefined);
    fs.writeFileSync(profile, r2);
    const edited = lock.replace(/("coverage_target": )[0-9.]+/, '$10.5');
    assert.notEqual(edited, lock);
    fs.writeFileSync(lockFile, edited);
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), undefined);
    assert.equal((await checkLock(profile, signal, { lockPath: lockFile })).status, 'unreadable');
    fs.writeFileSync(lockFile, lock.replace('"profile_path": "r2.yaml"', '"profile_path": "other.yaml"'));
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), undefined);
    // Schema 1 ignores recorded values: both paths call it valid.
    fs.writeFileSync(lockFile, lock.replace('"schema_v": 2', '"schema_v": 1'));
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), normalizeProfile(r2, profile).sha256);
    assert.equal((await checkLock(profile, signal, { lockPath: lockFile })).status, 'valid');
    fs.writeFileSync(lockFile, lock.slice(0, -10));
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), undefined);
    fs.writeFileSync(lockFile, lock);
    assert.ok(await quickValidate(profile, 'r2.yaml', lockFile, signal));
    // A legacy lock takes part in the verdict: a broken one makes the lean path step aside.
    fs.writeFileSync(path.join(dir, 'r2.yaml.lock'), '{"checksum": "garbage"}');
    assert.equal(await quickValidate(profile, 'r2.yaml', lockFile, signal), undefined);
    assert.equal((await checkLock(profile, signal, { lockPath: lockFile })).verdict.decidedBy, 'legacy');
  });

  it(`refuses a profile over ${MAX_PROFILE_BYTES / 1024 / 1024} MiB with a clear error, before reading it`, async () => {
    const file = path.join(tmpdir(), 'huge.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_PROFILE_BYTES + 1);
    await assert.rejects(readUtf8(file, signal, 'huge.yaml'), (err) => err instanceof InputError && /^huge\.yaml: the profile is 64\.0 MiB; profiles over 64 MiB are not read/.test(err.format()));
  });
});
