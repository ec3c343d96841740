import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { ROLES } from '../../../src/core/checklist/messages';
import { evaluateChecklist } from '../../../src/core/checklist/session';
import { emptyState } from '../../../src/core/checklist/state';
import { loadOptions, makeWorkspace, rm } from '../checklist/workspace';
import { PEOPLE, rmKeys, setUpSigners, signAs } from './signers';

const signal = new AbortController().signal;

function tickAll(root: string): void {
  const state = emptyState();
  for (const item of ALL_ITEMS) if (!item.auto) state.items[item.id] = { checked: true, note: '', updated_at: '2026-11-27T00:00:00Z' };
  fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), JSON.stringify(state));
}

describe('signed sign-offs (real ssh-keygen keys)', function () {
  this.timeout(30000);
  let root: string;
  let keys: ReturnType<typeof setUpSigners>;
  beforeEach(() => {
    root = makeWorkspace();
    keys = setUpSigners(root);
    tickAll(root);
  });
  afterEach(() => {
    rmKeys(root);
    rm(root);
  });

  it('three signed sign-offs make a GO; each signature verifies independently with ssh-keygen -Y verify', async () => {
    for (const role of ROLES) await signAs(root, role, keys[role], signal);
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.deepEqual(c.view.signoffs.map((s) => [s.signature, s.counts]), [['valid', true], ['valid', true], ['valid', true]], JSON.stringify(c.view.signoffs));
    assert.equal(c.view.decision.decision, 'GO', JSON.stringify(c.view.decision));
    const state = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/checklist.json'), 'utf8'));
    for (const role of ROLES) {
      const s = state.signoffs[role];
      const sigFile = path.join(root, `${role}.sig`);
      fs.writeFileSync(sigFile, s.signature.sig);
      const out = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', path.join(root, '.aurora/allowed_signers'), '-I', PEOPLE[role], '-n', 'aurora-ga-signoff', '-s', sigFile], { input: Buffer.from(s.signature.payload, 'base64') }).toString();
      assert.match(out, new RegExp(`Good "aurora-ga-signoff" signature for ${PEOPLE[role].replace('.', '\\.')}`));
      const payload = JSON.parse(Buffer.from(s.signature.payload, 'base64').toString('utf8'));
      assert.equal(payload.role, role);
      assert.equal(payload.evaluation.gate_report_sha256, s.gate_report_sha256);
      assert.equal(payload.locks_sha256, s.locks_sha256);
    }
  });
});
