// quickValidate (quickValidate.ts) finds `locked_values` in a lock's JSON text without parsing it
// into a tree: it must find it however the JSON is laid out, never be fooled by strings, nesting or
// other fields, and answer "valid" only where the full check (checkLock) does — legacy lock included.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLock, normalizeProfile, quickValidate, renderLock } from '../../../src/core/lock';
import { ORIGINAL_KIT } from '../../support/originalKit';

const signal = new AbortController().signal;
// Strings with quotes, backslashes, brackets, commas and runs of spaces; nested lists and mappings;
// no floats like 1.0 or big ints, so JSON.parse/stringify keep every value's text.
const PROFILE = [
  'acceptance:',
  '  coverage_target: 0.9',
  '  note: \'say "hi" {[,]}  \\ back\\\\slash "locked_values"\'',
  '  quote: \'a "} b\'',
  'locked_values: {inner: [1, [2, [3]], {d: "}]"}]}',
  'list: [[], {}, "[", "]", "{", "}"]',
  '',
].join('\n');

describe('locks: validating a lock from its text (quickValidate)', () => {
  let dir: string;
  let profile: string;
  let lockFile: string;
  let hash: string;
  let lock: Record<string, unknown>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-quick-'));
    profile = path.join(dir, 'p.yaml');
    lockFile = path.join(dir, 'p.lock.json');
    fs.writeFileSync(profile, PROFILE);
    const normalized = normalizeProfile(PROFILE, profile);
    hash = normalized.sha256;
    const text = renderLock(profile, lockFile, normalized, new Date('2026-01-01T00:00:00Z'));
    lock = JSON.parse(text);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes the lock text and returns [quick answer, full status]. */
  const answers = async (text: string) => {
    fs.writeFileSync(lockFile, text);
    return [await quickValidate(profile, 'p.yaml', lockFile, signal), (await checkLock(profile, signal, { lockPath: lockFile })).status];
  };

  it('answers the hash of a valid lock however it is laid out, with its fields in any order', async () => {
    const { locked_values: values, ...header } = lock;
    const layouts = {
      indented: JSON.stringify(lock, null, 2),
      compact: JSON.stringify(lock),
      tabs: JSON.stringify(lock, null, '\t'),
      crlf: JSON.stringify(lock, null, 3).replace(/\n/g, '\r\n'),
      spaced: JSON.stringify(lock, null, 1).replace(/\n/g, '\n   \t  '),
      valuesFirst: JSON.stringify({ locked_values: values, ...header }, null, 2),
      // fields the schema does not know, before the values: objects, lists, and a "locked_values" string
      decoys: JSON.stringify({ extra: { locked_values: { a: 2 } }, more: [{ b: [3] }], note: 'locked_values', other: { c: 1 }, ...lock }, null, 2),
    };
    for (const [name, text] of Object.entries(layouts)) assert.deepEqual(await answers(text), [hash, 'valid'], name);
  });

  it('answers for a profile that is a list', async () => {
    const text = '- 1\n- [2, {a: "]"}]\n';
    fs.writeFileSync(profile, text);
    const normalized = normalizeProfile(text, profile);
    assert.deepEqual(await answers(renderLock(profile, lockFile, normalized, new Date())), [normalized.sha256, 'valid']);
  });

  it('never answers valid where the full check does not', async () => {
    const broken = {
      // the recorded hash is not the values' hash (so not the profile's)
      otherHash: JSON.stringify({ ...lock, sha256_normalized_yaml: 'f'.repeat(64) }),
      // no values, or values that are not a container
      nullValues: JSON.stringify({ ...lock, locked_values: null }),
      // fields the lock format does not allow: the recorded path, name or time not a string, a hash in capitals
      nullPath: JSON.stringify({ ...lock, profile_path: null }),
      numberName: JSON.stringify({ ...lock, profile_name: 5 }),
      numberTime: JSON.stringify({ ...lock, generated_at: 7 }),
      upperHash: JSON.stringify({ ...lock, sha256_normalized_yaml: hash.toUpperCase() }),
      schema3: JSON.stringify({ ...lock, schema_v: 3 }),
      // cut off inside a string, and inside the values
      unterminated: JSON.stringify(lock).slice(0, JSON.stringify(lock).indexOf('say') + 3),
      cut: JSON.stringify(lock).slice(0, -2),
    };
    for (const [name, text] of Object.entries(broken)) {
      const [quick, full] = await answers(text);
      assert.equal(quick, undefined, name);
      assert.notEqual(full, 'valid', name);
    }
  });

  it("agrees with the full check on the original kit's schema 1 lock and its legacy lock", async () => {
    for (const f of ['r2.yaml', 'r2.lock.json', 'r2.yaml.lock']) fs.copyFileSync(path.join(ORIGINAL_KIT, f), path.join(dir, f));
    const r2 = path.join(dir, 'r2.yaml');
    const r2Lock = path.join(dir, 'r2.lock.json');
    const both = async () => [await quickValidate(r2, 'r2.yaml', r2Lock, signal), (await checkLock(r2, signal, { lockPath: r2Lock })).verdict.status];
    const { sha256 } = normalizeProfile(fs.readFileSync(r2, 'utf8'), r2);
    assert.deepEqual(await both(), [sha256, 'valid']);
    // The legacy checksum alone no longer matches: the .lock.json still validates, the profile does not.
    const legacy = JSON.parse(fs.readFileSync(path.join(dir, 'r2.yaml.lock'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'r2.yaml.lock'), JSON.stringify({ ...legacy, checksum: '0'.repeat(16) }));
    assert.deepEqual(await both(), [undefined, 'mismatch']);
    // A legacy lock that is not JSON.
    fs.writeFileSync(path.join(dir, 'r2.yaml.lock'), '{');
    assert.deepEqual(await both(), [undefined, 'unreadable']);
  });

  it('leaves a lock it cannot read to the full check', async () => {
    assert.equal(await quickValidate(profile, 'p.yaml', path.join(dir, 'absent.lock.json'), signal), undefined);
  });
});
