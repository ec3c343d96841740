import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

const WRITER = path.join(__dirname, 'writer.js');

function writer(root: string, tag: string, n: number): Promise<number | null> {
  const child = spawn(process.execPath, [WRITER, root, tag, String(n)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return once(child, 'exit').then(([code]) => code as number | null);
}

describe('checklist state written by two processes at once', function () {
  this.timeout(120000);
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-concurrent-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps all 100 changes of two writers making 50 each, and leaves no lock or temp file', async () => {
    const codes = await Promise.all([writer(root, 'A', 50), writer(root, 'B', 50)]);
    assert.deepEqual(codes, [0, 0]);
    const dir = path.join(root, 'artifacts/ga');
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'checklist.json'), 'utf8'));
    const details: string[] = state.history.map((h: { detail: string }) => h.detail);
    assert.equal(details.length, 100);
    for (const tag of ['A', 'B']) {
      const mine = details.filter((d) => d.startsWith(`safety.panic: ${tag} `));
      // All 50, each once and in the writer's own order.
      assert.deepEqual(mine, Array.from({ length: 50 }, (_, i) => `safety.panic: ${tag} change ${i}`));
    }
    assert.deepEqual(fs.readdirSync(dir), ['checklist.json']);
  });

  it('breaks the lock of a writer that was killed while holding it', async () => {
    const dir = path.join(root, 'artifacts/ga');
    fs.mkdirSync(dir, { recursive: true });
    // A real process that is gone by now: its pid in the lock file says so.
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    fs.writeFileSync(path.join(dir, 'checklist.json.lock'), JSON.stringify({ pid: dead.pid, host: os.hostname(), nonce: 'x', time: new Date().toISOString() }));
    assert.equal(await writer(root, 'C', 1), 0);
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'checklist.json'), 'utf8'));
    assert.equal(state.items['safety.panic'].note, 'C change 0');
    assert.deepEqual(fs.readdirSync(dir), ['checklist.json']);
  });
});
