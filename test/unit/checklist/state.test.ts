import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../../src/core/checklist/fingerprint';
import { readState } from '../../../src/core/checklist/state';
import { evaluateChecklist, updateChecklist } from '../../../src/core/checklist/session';
import { InputError } from '../../../src/core/util/errors';
import { loadOptions, makeWorkspace, rm } from './workspace';

const signal = new AbortController().signal;

describe('checklist state', () => {
  let root: string;
  let stateFile: string;
  beforeEach(() => {
    root = makeWorkspace();
    stateFile = path.join(root, 'artifacts/ga/checklist.json');
  });
  afterEach(() => rm(root));

  it('starts empty when there is no state file, and writes nothing while only reading', async () => {
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.equal(c.state.ok && c.state.loaded.existed, false);
    assert.equal(fs.existsSync(stateFile), false);
    assert.equal(c.view.sources.find((s) => s.name === 'Profile locks')?.state, 'ok');
  });

  it('saves a tick and a note with a history entry, atomically, and reads them back', async () => {
    await updateChecklist(root, loadOptions, { type: 'setItem', id: 'safety.panic', checked: true }, signal, new Date('2026-11-27T02:00:00Z'));
    await updateChecklist(root, loadOptions, { type: 'setNote', id: 'safety.panic', note: 'tested on staging' }, signal, new Date('2026-11-27T02:01:00Z'));
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    assert.deepEqual(saved.items['safety.panic'], { checked: true, note: 'tested on staging', updated_at: '2026-11-27T02:01:00.000Z' });
    assert.deepEqual(saved.history.map((h: { action: string }) => h.action), ['tick', 'note']);
    assert.deepEqual(fs.readdirSync(path.dirname(stateFile)).sort(), ['checklist.json', 'gates_recording.json', 'gates_report.json']);
    const again = await evaluateChecklist(root, loadOptions, signal);
    const item = again.view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((i) => i.id === 'safety.panic')!;
    assert.equal(item.checked, true);
    assert.equal(item.note, 'tested on staging');
  });

  it('refuses to tick an item that is answered from evidence', async () => {
    await assert.rejects(updateChecklist(root, loadOptions, { type: 'setItem', id: 'canary.status', checked: true }, signal), (e: Error) => e instanceof InputError && /answered from canary-status results/.test(e.message));
    assert.equal(fs.existsSync(stateFile), false);
  });

  it('binds a sign-off to the SHA-256 of the gate report bytes and of the locks, and marks it stale when the report changes', async () => {
    const c = await updateChecklist(root, loadOptions, { type: 'signOff', role: 'sre_lead', name: 'Dana' }, signal);
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    assert.equal(saved.signoffs.sre_lead.gate_report_sha256, sha256(fs.readFileSync(path.join(root, 'artifacts/ga/gates_report.json'))));
    assert.match(saved.signoffs.sre_lead.locks_sha256, /^[0-9a-f]{64}$/);
    assert.equal(saved.signoffs.sre_lead.name, 'Dana');
    assert.equal(c.view.signoffs[1].stale, false);

    const report = path.join(root, 'artifacts/ga/gates_report.json');
    fs.writeFileSync(report, fs.readFileSync(report, 'utf8').replace('"window_hours": 48', '"window_hours": 24'));
    const later = await evaluateChecklist(root, loadOptions, signal);
    assert.equal(later.view.signoffs[1].stale, true);
    assert.deepEqual(later.view.signoffs[1].staleReasons, ['the gate report changed since signing']);
  });

  it('marks a sign-off stale when a lock file changes', async () => {
    await updateChecklist(root, loadOptions, { type: 'signOff', role: 'product_owner', name: 'Kim' }, signal);
    const lock = path.join(root, 'configs/profiles/smoke.lock.json');
    fs.writeFileSync(lock, fs.readFileSync(lock, 'utf8').replace(/"generated_at": "[^"]*"/, '"generated_at": "2026-01-01T00:00:00+00:00"'));
    const later = await evaluateChecklist(root, loadOptions, signal);
    assert.deepEqual(later.view.signoffs[2].staleReasons, ['the profile locks changed since signing']);
  });

  it('refuses a sign-off when there is no gate report to approve', async () => {
    fs.rmSync(path.join(root, 'artifacts/ga/gates_report.json'));
    await assert.rejects(updateChecklist(root, loadOptions, { type: 'signOff', role: 'release_manager', name: 'Ann' }, signal), /no gate report that counts, so there is nothing to approve/);
  });

  it('reports a corrupt state file with its line, shows evidence anyway, and never overwrites it', async () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    const corrupt = '{\n  "schema_version": 1,\n  "items": {\n    "safety.panic": {"checked": tru}\n  }\n}\n';
    fs.writeFileSync(stateFile, corrupt);
    await assert.rejects(readState(stateFile, signal), (e: Error) => e instanceof InputError && e.location?.line === 4 && e.location.file === stateFile);
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.match(c.view.stateProblem ?? '', /checklist\.json:4:\d+: invalid JSON/);
    assert.equal(c.view.sections[2].groups[0].items[4].status, 'satisfied', 'evidence is still shown');
    await assert.rejects(updateChecklist(root, loadOptions, { type: 'setItem', id: 'safety.panic', checked: true }, signal), /cannot be read, so nothing was saved/);
    assert.equal(fs.readFileSync(stateFile, 'utf8'), corrupt);
  });

  it('reports a state written by a newer version instead of resetting it', async () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    const newer = JSON.stringify({ schema_version: 2, everything: 'else' });
    fs.writeFileSync(stateFile, newer);
    const c = await evaluateChecklist(root, loadOptions, signal);
    assert.match(c.view.stateProblem ?? '', /schema_version 2; this Aurora GA reads 1/);
    await assert.rejects(updateChecklist(root, loadOptions, { type: 'setRationale', text: 'x' }, signal));
    assert.equal(fs.readFileSync(stateFile, 'utf8'), newer);
  });

  it('names the field and line of a schema problem', async () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, '{\n  "schema_version": 1,\n  "header": {},\n  "items": {\n    "safety.panic": {"checked": "yes", "note": "", "updated_at": "x"}\n  },\n  "rationale": "",\n  "signoffs": {},\n  "history": []\n}\n');
    await assert.rejects(readState(stateFile, signal), (e: Error) => e instanceof InputError && /items\.safety\.panic\.checked/.test(e.message) && e.location?.line === 5);
  });

  it('keeps answers for unknown items and unknown fields when it writes, and says so', async () => {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, JSON.stringify({ schema_version: 1, header: {}, items: { 'future.item': { checked: true, note: 'n', updated_at: 't' } }, rationale: '', signoffs: {}, history: [], extra: { kept: true } }));
    const c = await updateChecklist(root, loadOptions, { type: 'setItem', id: 'docs.release_notes', checked: true }, signal);
    assert.deepEqual(c.view.stateWarnings, ['answers kept for items this version does not know: future.item']);
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    assert.deepEqual(saved.items['future.item'], { checked: true, note: 'n', updated_at: 't' });
    assert.deepEqual(saved.extra, { kept: true });
  });
});

describe('checklist locks (real lock engine)', () => {
  let root: string;
  beforeEach(() => {
    root = makeWorkspace();
  });
  afterEach(() => rm(root));

  const locksOf = async () => (await evaluateChecklist(root, loadOptions, signal)).view.sections[1].groups[0].items;

  it('answers the lock items from the committed original locks', async () => {
    const items = await locksOf();
    assert.deepEqual(items.map((i) => [i.id, i.status]), [['locks.profiles', 'satisfied'], ['locks.files', 'satisfied'], ['locks.hash', 'satisfied'], ['locks.enforced', 'satisfied']]);
    assert.deepEqual(items[0].evidence, ['configs/profiles/r2.yaml: valid (exit 0) — configs/profiles/r2.lock.json', 'configs/profiles/smoke.yaml: valid (exit 0) — configs/profiles/smoke.lock.json']);
  });

  it('fails the profile and hash items when a locked profile is edited, and the files item for a profile without a lock', async () => {
    const profile = path.join(root, 'configs/profiles/smoke.yaml');
    fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace(/(\d+\.\d+)/, (m) => String(Number(m) + 0.01)));
    fs.writeFileSync(path.join(root, 'configs/profiles/new.yaml'), 'a: 1\n');
    const [profiles, files, hash] = await locksOf();
    assert.equal(profiles.status, 'failed');
    assert.match(profiles.summary, /2 of 3 profile\(s\) not validating: configs\/profiles\/smoke\.yaml, configs\/profiles\/new\.yaml/);
    assert.equal(files.status, 'failed');
    assert.match(files.summary, /1 of 3 profile\(s\) without a \.lock\.json: configs\/profiles\/new\.yaml/);
    assert.equal(hash.status, 'failed');
    assert.match(hash.evidence[1], /smoke\.yaml: invalid \(exit 3\).*Hash mismatch/);
  });
});
