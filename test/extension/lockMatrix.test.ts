// One verdict everywhere (issue #11), the editor's faces: the lock fixture matrix generated into the
// workspace, every profile opened, and the Locks view, the CodeLens and the diagnostics each read
// for the verdict they show — compared with the documented rule (test/support/lockMatrix.ts), which
// the CLI faces meet in test/integration/lock/crossFace.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { checkLock } from '../../src/core/lock';
import type { AuroraApi } from '../../src/providers/api';
import { expectedVerdict, writeMatrix, type MatrixCase, type Verdict } from '../support/lockMatrix';
import { activateAurora, waitFor, workspaceRoot } from './util';

/** The verdict a CodeLens title shows (`$(lock) locked ✓ — p.lock.json`). */
function lensVerdict(title: string | undefined): Verdict | undefined {
  if (title === undefined) return undefined;
  if (/locked ✓/.test(title)) return 'valid';
  if (/not locked/.test(title)) return 'missing';
  if (/corrupt/.test(title)) return 'unreadable';
  return /change|mismatch|does not match/.test(title) ? 'mismatch' : undefined;
}

/** The verdict Aurora's lock diagnostics on a profile add up to, by the README's precedence. */
function diagnosticsVerdict(d: readonly vscode.Diagnostic[]): Verdict {
  const codes = new Set(d.map((x) => String(x.code)));
  if (codes.has('lock-missing')) return 'missing';
  if (codes.has('lock-corrupt')) return 'unreadable';
  if (codes.has('lock-changed') || codes.has('lock-schema1') || codes.has('lock-mismatch')) return 'mismatch';
  const legacy = d.find((x) => x.code === 'lock-legacy');
  if (legacy) return /cannot be read/.test(legacy.message) ? 'unreadable' : 'mismatch';
  return 'valid';
}

describe('locks: one verdict in the Locks view, CodeLens and diagnostics over the fixture matrix', function () {
  this.timeout(300_000);
  let api: AuroraApi;
  let root: string;
  let cases: MatrixCase[];
  before(async () => {
    api = await activateAurora();
    // Inside a `profiles` folder, so that a profile with no lock at all is tracked too.
    root = path.join(workspaceRoot(), 'lock-matrix', 'profiles');
    // Enforcement does not change what the editor shows: one half of the matrix suffices here.
    cases = writeMatrix(root).filter((c) => c.enforced);
    await api.locks.refresh();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
    await api.locks.refresh();
  });

  it('gives every case the rule\'s verdict in all three faces', async () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const uri = vscode.Uri.file(c.profile);
      await vscode.workspace.openTextDocument(uri);
      await waitFor(`${c.name} to be tracked`, () => api.locks.stateFor(uri));
      const expected = expectedVerdict(c);
      const lens = lensVerdict(api.locks.codeLensTitles(uri)[0]);
      const diagnostics = diagnosticsVerdict(api.locks.diagnosticsFor(uri));
      if (lens !== expected) wrong.push(`${c.name}: CodeLens ${lens} (${api.locks.codeLensTitles(uri)[0]}), rule ${expected}`);
      if (diagnostics !== expected) wrong.push(`${c.name}: diagnostics ${diagnostics} (${api.locks.diagnosticsFor(uri).map((d) => d.code).join(',')}), rule ${expected}`);
    }
    await api.locks.refresh();
    const rows = new Map(api.locks.tree.map((r) => [r.profilePath, r]));
    for (const c of cases) {
      const row = rows.get(c.profile);
      if (row?.state !== expectedVerdict(c)) wrong.push(`${c.name}: Locks view ${row?.state} (${row?.description}), rule ${expectedVerdict(c)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('after Update lock every face, and the lock engine the CLI uses, says valid — legacy lock included', async () => {
    api.locks.setConfirmation(async () => true);
    try {
      for (const c of cases.filter((x) => x.schema === 2 && x.legacy !== 'absent' && expectedVerdict(x) !== 'valid')) {
        const uri = vscode.Uri.file(c.profile);
        await vscode.workspace.openTextDocument(uri);
        await vscode.commands.executeCommand('aurora.lockProfile', uri);
        await waitFor(`${c.name} to be valid after Update lock`, () => api.locks.stateFor(uri)?.verdict.status === 'valid');
        assert.equal(lensVerdict(api.locks.codeLensTitles(uri)[0]), 'valid', c.name);
        assert.equal(diagnosticsVerdict(api.locks.diagnosticsFor(uri)), 'valid', c.name);
        assert.equal((await checkLock(c.profile, AbortSignal.timeout(10_000))).verdict.status, 'valid', c.name);
        // The legacy lock is brought into agreement or, when unreadable, retired and kept.
        assert.equal(fs.existsSync(`${c.profile}.lock.retired`), c.legacy === 'unreadable', c.name);
      }
      await api.locks.refresh();
      const rows = new Map(api.locks.tree.map((r) => [r.profilePath, r]));
      for (const c of cases.filter((x) => x.schema === 2 && x.legacy !== 'absent')) assert.equal(rows.get(c.profile)?.state, 'valid', c.name);
    } finally {
      api.locks.setConfirmation(undefined);
    }
  });
});
