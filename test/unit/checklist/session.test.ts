import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../../src/core/checklist/fingerprint';
import type { LoadOptions } from '../../../src/core/checklist/load';
import { ChecklistSession } from '../../../src/core/checklist/session';
import { checkWorkspaceLocks } from '../../../src/core/lock';
import { makeWorkspace, rm } from './workspace';

const signal = new AbortController().signal;
const item = (c: Awaited<ReturnType<ChecklistSession['evaluate']>>, id: string) => c.view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((i) => i.id === id)!;

describe('checklist session: evidence kept between changes', () => {
  let root: string;
  let lockChecks: number;
  let session: ChecklistSession;
  const report = () => path.join(root, 'artifacts/ga/gates_report.json');
  beforeEach(() => {
    root = makeWorkspace();
    lockChecks = 0;
    const options: LoadOptions = { runReadiness: false, lockChecker: (r, s) => (lockChecks++, checkWorkspaceLocks(r, s)) };
    session = new ChecklistSession(root, () => options);
  });
  afterEach(() => rm(root));

  it('a tick or a note re-decides from the kept evidence without reading or hashing it again', async () => {
    const first = await session.evaluate(signal);
    assert.deepEqual([session.stats.inputLoads, lockChecks], [1, 1]);
    // The gate report changes on disk, but nobody said so: a tick must not read it.
    fs.appendFileSync(report(), '\n');
    const ticked = await session.update({ type: 'setItem', id: 'safety.panic', checked: true }, signal);
    await session.update({ type: 'setNote', id: 'safety.panic', note: 'drilled' }, signal);
    assert.deepEqual([session.stats.inputLoads, lockChecks], [1, 1]);
    assert.equal(item(ticked, 'safety.panic').checked, true);
    assert.equal(ticked.fingerprint.gateReportSha256, first.fingerprint.gateReportSha256);
    // The decision promote acts on is the rule's outcome, the very object the view shows.
    assert.equal(ticked.decision, ticked.view.decision);
  });

  it('re-reads the evidence once its files changed (invalidate) and always before a sign-off, which binds to the bytes on disk', async () => {
    await session.evaluate(signal);
    // Same report, other bytes (a re-written file): what is signed is the bytes on disk now.
    fs.appendFileSync(report(), '\n');
    const signed = await session.update({ type: 'signOff', role: 'sre_lead', name: 'Dana' }, signal);
    assert.equal(session.stats.inputLoads, 2);
    const saved = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga/checklist.json'), 'utf8'));
    assert.equal(saved.signoffs.sre_lead.gate_report_sha256, sha256(fs.readFileSync(report())));
    assert.equal(signed.view.signoffs.find((s) => s.role === 'sre_lead')?.stale, false);

    fs.appendFileSync(report(), '\n');
    session.invalidate();
    const later = await session.evaluate(signal);
    assert.equal(session.stats.inputLoads, 3);
    assert.deepEqual(later.view.signoffs.find((s) => s.role === 'sre_lead')?.staleReasons, ['the gate report changed since signing']);
  });

  it('reads the state file every time, so a change written elsewhere (the CLI, another window) is never lost', async () => {
    await session.evaluate(signal);
    const other = new ChecklistSession(root, () => ({ runReadiness: false, lockChecker: checkWorkspaceLocks }));
    await other.update({ type: 'setItem', id: 'safety.panic', checked: true }, signal);
    const mine = await session.update({ type: 'setNote', id: 'docs.release_notes', note: 'linked' }, signal);
    assert.equal(item(mine, 'safety.panic').checked, true);
    assert.equal(item(mine, 'docs.release_notes').note, 'linked');
  });
});
