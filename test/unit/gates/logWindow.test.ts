// The log check's window is (at − window, at]: each end checked with a line dated exactly on it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { measureLogPattern } from '../../../src/core/gates/checks/logPattern';
import type { CheckDefinition } from '../../../src/core/gates/schema';

const AT = new Date('2026-11-26T12:00:00Z');
const WINDOW_S = 3600;
const ctx: CheckContext = { promSource: '', at: AT, windowSeconds: WINDOW_S, window: '1h', stepSeconds: 60, vars: {}, cwd: '/', signal: new AbortController().signal, files: { roots: ['/'], allowOutside: true }, secrets: [] };
const check = { name: 'n', comparator: '==', threshold: 0, severity: 'fail', on_missing: 'fail', on_error: 'fail', id: 'h', type: 'log_pattern', files: ['x'], pattern: 'HIT', regex: false } as Extract<CheckDefinition, { type: 'log_pattern' }>;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('gates: log window boundaries', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-logwin-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const count = async (...times: number[]) => {
    fs.writeFileSync(path.join(dir, 'a.log'), times.map((t) => `${iso(t)} HIT`).join('\n'));
    const m = await measureLogPattern(check, [path.join(dir, '*.log')], ctx);
    assert.equal(m.kind, 'values');
    return m.kind === 'values' ? m.items[0].value : NaN;
  };
  const from = AT.getTime() - WINDOW_S * 1000;

  it('a line dated exactly at the window start is outside it; one second later is inside', async () => {
    assert.equal(await count(from), 0);
    assert.equal(await count(from + 1000), 1);
  });

  it('a line dated exactly at the evaluation time is inside; one second later is outside', async () => {
    assert.equal(await count(AT.getTime()), 1);
    assert.equal(await count(AT.getTime() + 1000), 0);
  });
});
