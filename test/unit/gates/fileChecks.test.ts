// How file checks read their artifacts (src/core/gates/checks/files.ts): a JSON file inside the
// file scope, refused or reported (never its content) when it is outside, not a file, too large,
// missing, unreadable or not JSON; dotted paths into the value; and globs in file names.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandFiles, readJsonFile, valueAtPath } from '../../../src/core/gates/checks/files';

const MiB = 1024 * 1024;

describe('gates: file checks read their artifacts', () => {
  let root: string;
  let outside: string;
  const scope = () => ({ roots: [root], allowOutside: false });
  const signal = () => AbortSignal.timeout(10_000);
  const write = (name: string, text: string) => {
    const f = path.join(root, name);
    fs.writeFileSync(f, text);
    return f;
  };

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-files-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-files-out-')));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  describe('readJsonFile', () => {
    it('reads a JSON file inside the scope', async () => {
      const f = write('r.json', '{"a": [1, 2]}');
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: true, value: { a: [1, 2] } });
    });

    it('refuses a file outside the scope without reading it, naming the check', async () => {
      const f = path.join(outside, 'r.json');
      fs.writeFileSync(f, '{"a": 1}');
      const r = await readJsonFile(f, 'c', scope(), signal());
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.missing, false);
      assert.ok(r.message.startsWith(`check 'c': ${f} is outside the workspace (${root}); refused.`), r.message);
    });

    it('a folder is not a regular file', async () => {
      const d = path.join(root, 'd.json');
      fs.mkdirSync(d);
      assert.deepEqual(await readJsonFile(d, 'c', scope(), signal()), { ok: false, missing: false, message: `${d} is not a regular file` });
    });

    it('refuses a file over 64 MiB by its size, before reading it', async () => {
      // Sparse: the size is there, the disk blocks are not.
      const f = path.join(root, 'big.json');
      fs.writeFileSync(f, '');
      fs.truncateSync(f, 64 * MiB + 1);
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: false, missing: false, message: `${f} is ${64 * MiB + 1} bytes, more than the 64 MiB a JSON artifact may have` });
    });

    it('reads a file of exactly 64 MiB (the limit itself is allowed)', async () => {
      const buf = Buffer.alloc(64 * MiB, 0x20);
      buf[0] = 0x37; // "7" followed by blanks: valid JSON
      const f = path.join(root, 'edge.json');
      fs.writeFileSync(f, buf);
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: true, value: 7 });
    });

    it('a missing file is "missing" (NO_DATA for the check)', async () => {
      assert.deepEqual(await readJsonFile(path.join(root, 'none.json'), 'c', scope(), signal()), { ok: false, missing: true, message: 'file not found' });
    });

    it('another read error is not "missing" and names the error code', async () => {
      const f = write('plain.txt', 'x');
      assert.deepEqual(await readJsonFile(path.join(f, 'r.json'), 'c', scope(), signal()), { ok: false, missing: false, message: 'cannot read: ENOTDIR' });
    });

    it('bad JSON names the line of the error, never the content', async () => {
      // JSON.parse stops at position 14 ("2"), on the third line.
      const f = write('bad.json', '{\n"a": 1,\n"b" 2}');
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: false, missing: false, message: 'not valid JSON at line 3' });
    });

    it('the line counted is the error\'s, not the file\'s last', async () => {
      // The error is at position 6 ("1", a missing colon) on line 2 of 4.
      const f = write('early.json', '{\n"a" 1,\n"b": 2\n}');
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: false, missing: false, message: 'not valid JSON at line 2' });
    });

    it('bad JSON without a position (an empty file) is just "not valid JSON"', async () => {
      const f = write('empty.json', '');
      assert.deepEqual(await readJsonFile(f, 'c', scope(), signal()), { ok: false, missing: false, message: 'not valid JSON' });
    });
  });

  describe('valueAtPath', () => {
    it('[n] indexes any position, not only the first', () => {
      assert.equal(valueAtPath({ a: [10, 20, 30] }, 'a[1]'), 20);
      assert.equal(valueAtPath({ a: [[1, 2], [3, 4]] }, 'a[1][0]'), 3);
    });

    it('a bracketed name is read as a key', () => {
      assert.equal(valueAtPath({ a: { x: 5 } }, 'a[x]'), 5);
    });

    it('stepping into null or a non-object gives undefined (a string has no "length" here)', () => {
      assert.equal(valueAtPath({ a: null }, 'a.b'), undefined);
      assert.equal(valueAtPath({ s: 'abc' }, 's.length'), undefined);
    });

    it('a path with no step is the root itself', () => {
      const root = { a: 1 };
      assert.equal(valueAtPath(root, '.'), root);
    });
  });

  describe('expandFiles', () => {
    it("'*' alone matches every regular file of the folder, not its subfolders", async () => {
      write('b.log', '');
      write('a.json', '');
      fs.mkdirSync(path.join(root, 'sub'));
      assert.deepEqual(await expandFiles([path.join(root, '*')]), [path.join(root, 'a.json'), path.join(root, 'b.log')]);
    });

    it("'*.log' needs the dot: 'alog' and a folder 'd.log' do not match; a symlink does", async () => {
      write('a.log', '');
      write('alog', '');
      fs.mkdirSync(path.join(root, 'd.log'));
      fs.symlinkSync(path.join(root, 'a.log'), path.join(root, 'l.log'));
      assert.deepEqual(await expandFiles([path.join(root, '*.log')]), [path.join(root, 'a.log'), path.join(root, 'l.log')]);
    });

    it("'?' is exactly one character", async () => {
      for (const n of ['a.log', 'ab.log', 'abc.log']) write(n, '');
      assert.deepEqual(await expandFiles([path.join(root, 'a?.log')]), [path.join(root, 'ab.log')]);
    });

    it('a literal path must be an existing regular file: a dangling symlink gives nothing', async () => {
      fs.symlinkSync(path.join(root, 'gone.log'), path.join(root, 'dangling.log'));
      assert.deepEqual(await expandFiles([path.join(root, 'dangling.log')]), []);
    });
  });
});
