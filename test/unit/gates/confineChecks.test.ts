// confineChecks: before any file is read, every path a file check will read (a glob by its folder)
// must lie in the file scope; the first that does not is an input error naming gate, check and path.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { confineChecks, prepareCheck } from '../../../src/core/gates/checks/run';
import { checkDefinition, gateDefinition, type GateDefinition } from '../../../src/core/gates/schema';
import { InputError } from '../../../src/core/util/errors';

describe('gates: confineChecks refuses file checks reading outside the scope', () => {
  let root: string;
  let outside: string;
  let ctx: CheckContext;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-confine-ws-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-confine-out-')));
    ctx = { promSource: '', at: new Date('2026-11-26T12:00:00Z'), windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: root, files: { roots: [root], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(10_000) };
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const gate = (checks: Record<string, unknown>[]): GateDefinition => gateDefinition.parse({ key: 'g', id: 1, name: 'G', fail_action: 'NO-GO', remediation: 'fix', checks });
  const logs = (id: string, files: string[]) => ({ id, name: id, type: 'log_pattern', files, pattern: 'x', comparator: '==', threshold: 0 });
  const confine = (g: GateDefinition) => confineChecks([{ gate: g, checks: g.checks.map((c) => prepareCheck(g, checkDefinition.parse(c), ctx)) }], ctx);

  it('paths and globs inside the scope pass', async () => {
    await confine(gate([logs('a', ['logs/*.log', 'x.log']), { id: 'p', name: 'P', type: 'promql', query: 'up', comparator: '==', threshold: 0 }]));
  });

  it('a file outside the scope is refused, naming gate, check and path', async () => {
    const file = path.join(outside, 'r.json');
    await assert.rejects(confine(gate([logs('a', ['x.log']), { id: 'j', name: 'J', type: 'json_value', file, path: 'v', comparator: '<=', threshold: 1 }])), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.ok(e.message.startsWith(`gate 'g', check 'j': ${file} is outside the workspace (${root}); refused.`), e.message);
      return true;
    });
  });

  it('a glob is judged by its folder, not by a file that happens to carry the glob\'s name', async () => {
    // A link literally named "*.log" pointing out of the scope: the glob's folder is inside, so the
    // check is not refused here (reading each matched file is confined again when it is read).
    fs.mkdirSync(path.join(root, 'logs'));
    fs.symlinkSync(outside, path.join(root, 'logs', '*.log'));
    await confine(gate([logs('a', ['logs/*.log'])]));
  });

  it('a glob whose folder is outside is refused', async () => {
    await assert.rejects(confine(gate([logs('a', [path.join(outside, '*.log')])])), (e: unknown) => e instanceof InputError && e.message.startsWith(`gate 'g', check 'a': ${outside} is outside the workspace`));
  });
});
