// The lock engine's smaller rules: the change list between two value trees (diff.ts), legacy
// `.yaml.lock` files (legacyLock.ts, update.ts), and lock file parsing and timestamps (lockFile.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLegacyLock, diffProfiles, legacyChecksum, normalizeProfile, parseLock, pathText, renderLock, updateLegacyLock, writeProfileLocks } from '../../../src/core/lock';
import { parseLegacyLock } from '../../../src/core/lock/legacyLock';
import { GENERATOR_VERSION, isoWithOffset } from '../../../src/core/lock/lockFile';
import type { JNode } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';

const signal = new AbortController().signal;
const root = (text: string) => normalizeProfile(text, 'p.yaml').root;
const changes = (locked: string, current: string) => diffProfiles(root(locked), root(current)).map((c) => [c.pathText, c.kind, c.old, c.new]);

describe('locks: the change list (diffProfiles)', () => {
  it('names paths with dots for plain keys, brackets for indexes and quoted brackets for other keys', () => {
    assert.equal(pathText(['a', 'b_c-d', 0, 'odd.key', 'x y', 12, '9lives']), 'a.b_c-d[0]["odd.key"]["x y"][12]["9lives"]');
    assert.equal(pathText([3, 'a']), '[3].a');
    assert.equal(pathText(['"q"']), '["\\"q\\""]');
  });

  it('compares lists item by item: changed, added and removed items', () => {
    assert.deepEqual(changes('l: [1, 2, 3]\n', 'l: [1, 5, 3]\n'), [['l[1]', 'changed', '2', '5']]);
    assert.deepEqual(changes('l: [1]\n', 'l: [1, 2, [3]]\n'), [['l[1]', 'added', undefined, '2'], ['l[2]', 'added', undefined, '[3]']]);
    assert.deepEqual(changes('l: [1, 2, {a: 1}]\n', 'l: [1]\n'), [['l[1]', 'removed', '2', undefined], ['l[2]', 'removed', '{"a":1}', undefined]]);
    assert.deepEqual(changes('- [1, 2]\n', '- [1, 2]\n'), []);
    const [removed] = diffProfiles(root('l: [1, 2]\n'), root('l: [1]\n'));
    assert.equal(removed.parent?.kind, 'array');
    assert.deepEqual(removed.path, ['l', 1]);
  });

  it('compares mappings key by key in code-point order: changed, added and removed entries', () => {
    assert.deepEqual(changes('a: 1\nc: 3\n', 'b: 2\nc: 4\n'), [['a', 'removed', '1', undefined], ['b', 'added', undefined, '2'], ['c', 'changed', '3', '4']]);
    const [removed, added] = diffProfiles(root('m:\n  a: 1\n'), root('m:\n  b: 2\n'));
    assert.deepEqual([removed.kind, removed.pathText, removed.lockedNode, removed.parent?.kind], ['removed', 'm.a', { kind: 'scalar', value: 1n, range: removed.lockedNode?.range }, 'object']);
    assert.deepEqual([added.kind, added.pathText, added.currentNode?.kind], ['added', 'm.b', 'scalar']);
  });

  it('a value that changes type or shape is one change; equal values of another Python type are not equal', () => {
    assert.deepEqual(changes('a: [1, 2]\nb: {x: 1}\nc: 1\n', 'a: {x: 1}\nb: [1]\nc: [1]\n'), [['a', 'changed', '[1,2]', '{"x":1}'], ['b', 'changed', '{"x":1}', '[1]'], ['c', 'changed', '1', '[1]']]);
    assert.deepEqual(changes('a: {}\n', 'a: []\n'), [['a', 'changed', '{}', '[]']]);
    assert.deepEqual(changes('a: 1\nb: 1.0\nc: true\nd: "1"\n', 'a: 1.0\nb: 1\nc: 1\nd: 1\n').map((c) => c[0]), ['a', 'b', 'c', 'd']);
    assert.deepEqual(changes('a: .nan\nb: 0.0\n', 'a: .nan\nb: -0.0\n'), [['b', 'changed', '0.0', '-0.0']]);
  });
});

describe('locks: legacy .yaml.lock files', () => {
  const ok = '0123456789abcdef';
  const refused = (text: string) =>
    assert.throws(() => parseLegacyLock(text, 'p.yaml.lock'), (e: InputError) => e instanceof InputError && e.message === "legacy lock needs a 'checksum' of 16 lowercase hex digits" && e.location?.file === 'p.yaml.lock' && e.location.line === 1 && e.location.column === 1);

  it('reads the 16 lowercase hex digits of its checksum, and nothing else', () => {
    assert.equal(parseLegacyLock(JSON.stringify({ a: 'fedcba9876543210', checksum: ok }), 'p.yaml.lock'), ok);
    refused(JSON.stringify([ok]));
    refused(JSON.stringify({ other: ok }));
    refused(JSON.stringify({ checksum: 123 }));
    refused('{"checksum": 1234567890123456}'); // 16 digits, but a number
    refused(JSON.stringify({ checksum: { v: ok } }));
    refused(JSON.stringify({ checksum: `${ok}0` }));
    refused(JSON.stringify({ checksum: `0${ok}` }));
    refused(JSON.stringify({ checksum: ok.toUpperCase() }));
  });

  it('checks a profile against it: valid, mismatch, unreadable; an unreadable profile never matches', () => {
    const text = 'a: 1\n';
    const sum = legacyChecksum(root(text), text, 'p.yaml');
    assert.deepEqual(checkLegacyLock(JSON.stringify({ checksum: sum }), 'p.yaml', text, root(text)), { lockPath: 'p.yaml.lock', status: 'valid', expected: sum, current: sum });
    assert.deepEqual(checkLegacyLock(JSON.stringify({ checksum: ok }), 'p.yaml', text, root(text)), { lockPath: 'p.yaml.lock', status: 'mismatch', expected: ok, current: sum });
    assert.deepEqual(checkLegacyLock(JSON.stringify({ checksum: ok }), 'p.yaml', text, undefined), { lockPath: 'p.yaml.lock', status: 'mismatch', expected: ok, current: undefined });
    const bad = checkLegacyLock('{"checksum": 1}', 'p.yaml', text, root(text));
    assert.deepEqual([bad.status, bad.problem instanceof InputError], ['unreadable', true]);
    // a bug is not an unreadable lock
    assert.throws(() => checkLegacyLock(JSON.stringify({ checksum: ok }), 'p.yaml', text, { kind: 'object', entries: null } as unknown as JNode), TypeError);
  });

  describe('brought into agreement when locking', () => {
    let dir: string;
    const file = (n: string) => path.join(dir, n);
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-legacy-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const TEXT = 'a: 1\n';
    const profile = () => normalizeProfile(TEXT, file('p.yaml'));
    const sum = () => legacyChecksum(profile().root, TEXT, file('p.yaml'));

    it('none without a legacy lock; unchanged when it already agrees; else its checksum replaced in place', async () => {
      assert.deepEqual(await updateLegacyLock(file('p.yaml'), TEXT, profile(), signal), { kind: 'none' });
      const agreeing = `{"profile_path": "p.yaml", "checksum": "${sum()}"}`;
      fs.writeFileSync(file('p.yaml.lock'), agreeing);
      assert.deepEqual(await updateLegacyLock(file('p.yaml'), TEXT, profile(), signal), { kind: 'unchanged', lockPath: file('p.yaml.lock') });
      fs.writeFileSync(file('p.yaml.lock'), `{"a": "x",\n "checksum": "${'0'.repeat(16)}", "z": 1}`);
      assert.deepEqual(await updateLegacyLock(file('p.yaml'), TEXT, profile(), signal), { kind: 'updated', lockPath: file('p.yaml.lock'), checksum: sum() });
      assert.equal(fs.readFileSync(file('p.yaml.lock'), 'utf8'), `{"a": "x",\n "checksum": "${sum()}", "z": 1}`);
    });

    it('retires one whose checksum cannot be replaced, under a free name, keeping its text', async () => {
      const unreplaceable = ['not json', '["checksum"]', '{"other": "x"}', '{"checksum": 12}'];
      const retired: string[] = [];
      for (const text of unreplaceable) {
        fs.writeFileSync(file('p.yaml.lock'), text);
        const r = await updateLegacyLock(file('p.yaml'), TEXT, profile(), signal);
        assert.equal(r.kind, 'retired');
        retired.push((r as { retiredTo: string }).retiredTo);
        assert.equal(fs.existsSync(file('p.yaml.lock')), false);
        assert.equal(fs.readFileSync((r as { retiredTo: string }).retiredTo, 'utf8'), text);
      }
      const base = file('p.yaml.lock.retired');
      assert.deepEqual(retired, [base, `${base}.1`, `${base}.2`, `${base}.3`]);
    });

    it('writeProfileLocks writes the schema 2 lock and then the legacy one', async () => {
      fs.writeFileSync(file('p.yaml'), TEXT);
      fs.writeFileSync(file('p.yaml.lock'), '{"checksum": "0000000000000000"}');
      const now = new Date('2026-03-04T05:06:07Z');
      const r = await writeProfileLocks(file('p.yaml'), file('p.lock.json'), TEXT, profile(), signal, now);
      assert.deepEqual(r, { kind: 'updated', lockPath: file('p.yaml.lock'), checksum: sum() });
      assert.equal(fs.readFileSync(file('p.lock.json'), 'utf8'), renderLock(file('p.yaml'), file('p.lock.json'), profile(), now));
    });
  });
});

describe('locks: lock file parsing', () => {
  // Rendered inside each test, so that the rendering itself is under test too.
  const lock = () => renderLock('p.yaml', 'p.lock.json', normalizeProfile('a: 1\n', 'p.yaml'), new Date());
  const fails = (text: string, message: string, line: number, column: number, code?: string) =>
    assert.throws(() => parseLock(text, 'p.lock.json'), (e: InputError) => {
      assert.ok(e instanceof InputError);
      assert.deepEqual([e.message, e.location, e.code], [message, { file: 'p.lock.json', line, column }, code]);
      return true;
    });

  it('refuses anything but an object, naming the lock at its first line', () => {
    fails('[1]', 'a profile lock must be a JSON object', 1, 1);
    fails('"x"', 'a profile lock must be a JSON object', 1, 1);
  });

  it('names a bad field at its line, a missing one at the top', () => {
    fails('{\n  "sha256_normalized_yaml": "abc",\n  "schema_v": 1\n}', 'sha256_normalized_yaml: must be 64 lowercase hex digits', 2, 3, 'invalid-schema');
    fails('{\n  "profile_name": 1,\n  "schema_v": 3\n}', 'schema_v: unsupported lock schema_v: expected 1 or 2', 3, 3, 'invalid-schema');
    fails('{\n  "schema_v": 1\n}', "missing field 'sha256_normalized_yaml'", 1, 1, 'invalid-schema');
    // a field holding an object or a list is the wrong type, not a missing (defaulted) one
    const hash = normalizeProfile('a: 1\n', 'p.yaml').sha256;
    for (const [field, value] of [['profile_name', '{}'], ['generated_at', '[]']]) {
      assert.throws(() => parseLock(`{\n  "schema_v": 1,\n  "sha256_normalized_yaml": "${hash}",\n  "${field}": ${value}\n}`, 'p.lock.json'), (e: InputError) => {
        assert.match(e.message, new RegExp(`^${field}: .*expected string`));
        assert.deepEqual([e.location, e.code], [{ file: 'p.lock.json', line: 4, column: 3 }, 'invalid-schema']);
        return true;
      });
    }
  });

  it('a schema 2 lock needs its locked values, and they must hash to its hash', () => {
    fails(lock().replace(/,\s*"locked_values": [^]*$/, '\n}\n'), "schema 2 lock without 'locked_values'", 1, 1);
    fails(lock().replace('"a": 1', '"a": 2'), 'locked_values do not match sha256_normalized_yaml (the lock was edited by hand?)', 1, 1);
    const parsed = parseLock(lock(), 'p.lock.json');
    assert.deepEqual([parsed.schema, parsed.profileName, parsed.profilePath, parsed.generatorVersion], [2, 'p', 'p.yaml', GENERATOR_VERSION]);
  });

  it('stamps local time with its UTC offset, east or west of UTC, that reads back as the same instant', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Asia/Kolkata', 'America/St_Johns']) {
        process.env.TZ = zone;
        const stamp = isoWithOffset(at);
        const offset = -at.getTimezoneOffset();
        const sign = offset < 0 ? '-' : '+';
        const hhmm = `${String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        assert.ok(stamp.endsWith(`.678000${sign}${hhmm}`), `${zone}: ${stamp}`);
        assert.equal(Date.parse(stamp.replace('.678000', '.678')), at.getTime(), `${zone}: ${stamp}`);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
