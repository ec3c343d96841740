import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../src/core/util/atomicWrite';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-atomic-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders and writes the content', async () => {
    const file = path.join(dir, 'a/b/c.json');
    await writeFileAtomic(file, '{"x":1}\n');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"x":1}\n');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'lock.json');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(dir), ['lock.json']);
  });

  it('keeps the old content when the target cannot be replaced', async () => {
    const target = path.join(dir, 'target');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), 'x');
    await assert.rejects(writeFileAtomic(target, 'data'));
    assert.equal(fs.readFileSync(path.join(target, 'keep'), 'utf8'), 'x');
    assert.deepEqual(fs.readdirSync(dir), ['target']);
  });
});
