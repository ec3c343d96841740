// realPath and outsideScope (src/core/gates/checks/confine.ts) on real files, folders and symlinks
// in a temporary directory: where a path really points (also when it does not exist, or runs through
// a regular file), and the exact sentence refusing it. The CLI-level confinement is in confine.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outsideScope, realPath } from '../../../src/core/gates/checks/confine';

const TAIL = 'refused. To read it, the user must allow it: --allow-outside-files, or the user setting auroraGa.gates.allowFilesOutsideWorkspace';

describe('gates: file scope judged on real paths', () => {
  let dir: string;
  let ws: string;
  let artifacts: string;
  beforeEach(() => {
    // Real path of the temporary folder (os.tmpdir() may itself be a symlink).
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-file-scope-')));
    ws = path.join(dir, 'ws');
    artifacts = path.join(dir, 'artifacts');
    fs.mkdirSync(path.join(ws, 'real'), { recursive: true });
    fs.mkdirSync(artifacts);
    fs.writeFileSync(path.join(ws, 'real', 'file.txt'), 'x');
    fs.symlinkSync(path.join(ws, 'real'), path.join(ws, 'link'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('realPath', () => {
    it('follows a symlinked folder to an existing file', async () => {
      assert.equal(await realPath(path.join(ws, 'link', 'file.txt')), path.join(ws, 'real', 'file.txt'));
    });

    it('a path that does not exist: its deepest existing ancestor resolved, the rest kept (ENOENT)', async () => {
      assert.equal(await realPath(path.join(ws, 'link', 'missing', 'deeper.json')), path.join(ws, 'real', 'missing', 'deeper.json'));
    });

    it('a path running through a regular file (ENOTDIR) is resolved the same way, not thrown', async () => {
      assert.equal(await realPath(path.join(ws, 'link', 'file.txt', 'sub')), path.join(ws, 'real', 'file.txt', 'sub'));
    });

    it('a symlink loop (ELOOP) is thrown, not guessed', async () => {
      fs.symlinkSync(path.join(ws, 'loop'), path.join(ws, 'loop'));
      await assert.rejects(realPath(path.join(ws, 'loop', 'x')), { code: 'ELOOP' });
    });
  });

  describe('outsideScope', () => {
    const scope = (roots: string[], allowOutside = false) => ({ roots, allowOutside });

    it('a file inside a root (through a symlink inside it) may be read', async () => {
      assert.equal(await outsideScope(path.join(ws, 'link', 'file.txt'), scope([ws, artifacts])), undefined);
      assert.equal(await outsideScope(path.join(artifacts, 'report.json'), scope([ws, artifacts])), undefined);
    });

    it('a root that ends with the separator (the filesystem root) holds everything below it', async () => {
      assert.equal(await outsideScope(path.join(ws, 'real', 'file.txt'), scope(['/'])), undefined);
    });

    it('a sibling folder whose name starts with the root\'s name is outside; the message lists both roots', async () => {
      const sibling = path.join(dir, 'ws-other');
      fs.mkdirSync(sibling);
      const file = path.join(sibling, 'eval.json');
      fs.writeFileSync(file, '{}');
      assert.equal(await outsideScope(file, scope([ws, artifacts])), `${file} is outside the workspace (${ws} and ${artifacts}); ${TAIL}`);
    });

    it('a symlink in the workspace pointing out names where it resolves to', async () => {
      const target = path.join(dir, 'secret.txt');
      fs.writeFileSync(target, 's');
      const link = path.join(ws, 'secret.txt');
      fs.symlinkSync(target, link);
      assert.equal(await outsideScope(link, scope([ws])), `${link} (resolves to ${target}) is outside the workspace (${ws}); ${TAIL}`);
    });

    it('a kernel pseudo-file is refused even when outside files are allowed, listing /proc, /sys, /dev', async () => {
      assert.equal(await outsideScope('/dev/null', scope([ws], true)), '/dev/null is a kernel pseudo-file; file checks never read /proc, /sys, /dev');
    });

    // A path equal to a folder itself (not only below it) is within it: /proc, and a root.
    it('the folder /proc itself is a kernel pseudo-file, even when outside files are allowed', async () => {
      assert.equal(await outsideScope('/proc', scope([ws], true)), '/proc is a kernel pseudo-file; file checks never read /proc, /sys, /dev');
    });

    it('a root folder itself is inside its scope', async () => {
      assert.equal(await outsideScope(ws, scope([ws])), undefined);
    });

    it('outside files allowed: a file outside every root may be read', async () => {
      assert.equal(await outsideScope(path.join(dir, 'elsewhere.json'), scope([ws], true)), undefined);
    });

    it('a path that cannot be resolved (a symlink loop) is refused, naming the error code', async () => {
      const loop = path.join(ws, 'loop');
      fs.symlinkSync(loop, loop);
      assert.equal(await outsideScope(path.join(loop, 'x'), scope([ws], true)), `${path.join(loop, 'x')} cannot be resolved to a real path (ELOOP); refused`);
    });
  });
});
