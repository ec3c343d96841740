import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { normalizeProfile, writeLock } from '../../src/core/lock';
import type { AuroraApi } from '../../src/providers/api';
import { activateAurora, waitFor, workspaceRoot } from './util';

const LOCKS = () => path.join(workspaceRoot(), 'locks');

/** Resolves when Aurora's lock diagnostics on `uri` satisfy `predicate` (checked on every diagnostics event). */
function diagnosticsWhere(api: AuroraApi, uri: vscode.Uri, what: string, predicate: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 10000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = api.locks.diagnosticsFor(uri);
      if (!predicate(d)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(api.locks.diagnosticsFor(uri).map((d) => d.message))}`));
    }, timeoutMs);
    check();
  });
}

async function replace(doc: vscode.TextDocument, search: string, by: string): Promise<vscode.Range> {
  const offset = doc.getText().indexOf(search);
  assert.ok(offset >= 0, `${search} not in ${doc.uri.fsPath}`);
  const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + search.length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, by);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return new vscode.Range(range.start, doc.positionAt(offset + by.length));
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

const changed = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.code === 'lock-changed');

/**
 * Puts a fixture back as a whole (temp file + rename), and only when a test changed it: an in-place
 * rewrite could be read half-written (empty) by the host reloading a still-open document.
 */
function restoreAtomically(file: string, text: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  const tmp = `${file}.${process.pid}.restoring`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

describe('locks: live lock diagnostics in the editor', () => {
  let api: AuroraApi;
  const files = ['r2.yaml', 'r2.lock.json', 'schema1/smoke.yaml', 'schema1/smoke.lock.json'];
  const snapshot = new Map<string, string>();
  const files_ = () => vscode.workspace.getConfiguration('files');
  before(async () => {
    api = await activateAurora();
    for (const f of files) snapshot.set(f, fs.readFileSync(path.join(LOCKS(), f), 'utf8'));
    // Edits must stay unsaved (the point of these tests) until a test saves on purpose.
    await files_().update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await files_().update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(async () => {
    api.locks.setConfirmation(undefined);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.fsPath.startsWith(LOCKS()))) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [f, text] of snapshot) restoreAtomically(path.join(LOCKS(), f), text);
    // The host reloads a changed file into its still-open document a little later: the next test
    // starts only once every such document holds the restored text.
    for (const [f, text] of snapshot) {
      const file = path.join(LOCKS(), f);
      await waitFor(`${f} restored in its open document`, () => vscode.workspace.textDocuments.filter((d) => d.uri.fsPath === file).every((d) => !d.isDirty && d.getText() === text));
    }
    await api.locks.refresh();
  });

  it('shows lock diagnostics of profiles that are not open (Problems panel) and follows them on disk', async () => {
    const smoke = vscode.Uri.file(path.join(LOCKS(), 'schema1', 'smoke.yaml'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === smoke.fsPath), 'smoke.yaml must not be open for this test');
    await diagnosticsWhere(api, smoke, 'the schema-1 diagnostic of the closed smoke.yaml', (d) => d.some((x) => x.code === 'lock-schema1'), 20000);
    assert.ok(vscode.languages.getDiagnostics(smoke).some((x) => x.code === 'lock-schema1'));
    assert.equal(api.locks.stateFor(smoke), undefined);

    // In a folder the watcher already watches: files written into a folder created a moment before can
    // be missed by VS Code's file watcher (parcel-bundler/watcher#243, inotify's new-folder race).
    const dir = LOCKS();
    const file = path.join(dir, 'edge.yaml');
    const uri = vscode.Uri.file(file);
    const text = fs.readFileSync(path.join(LOCKS(), 'r2.yaml'), 'utf8');
    try {
      fs.writeFileSync(file, text);
      await writeLock(file, path.join(dir, 'edge.lock.json'), normalizeProfile(text, file));
      fs.writeFileSync(file, text.replace('tau_d: 0.3', 'tau_d: 0.5'));
      const [diag] = changed(await diagnosticsWhere(api, uri, 'lock-changed on the closed edge.yaml', (d) => changed(d).length === 1, 20000));
      assert.match(diag.message, /^kappa_thresholds\.tau_d 0\.3 → 0\.5 since edge\.lock\.json/);
      const line = text.split('\n').findIndex((l) => l.includes('tau_d: 0.3'));
      assert.deepEqual([diag.range.start.line, diag.range.start.character, diag.range.end.character], [line, '  tau_d: '.length, '  tau_d: 0.5'.length]);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file));
      fs.rmSync(file);
      fs.rmSync(path.join(dir, 'edge.lock.json'));
      await diagnosticsWhere(api, uri, 'the diagnostics of the deleted profile to go', (d) => d.length === 0, 20000);
    } finally {
      for (const f of [file, path.join(dir, 'edge.lock.json')]) fs.rmSync(f, { force: true });
    }
  });

  it('flags a changed key while typing (unsaved), with message, range and loosening severity; Revert removes it', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('the profile to be tracked', () => api.locks.stateFor(uri)?.status === 'valid');
    assert.deepEqual(changed(api.locks.diagnosticsFor(uri)), []);

    const range = await replace(doc, 'coverage_target: 0.9', 'coverage_target: 0.85');
    const valueRange = new vscode.Range(range.start.translate(0, 'coverage_target: '.length), range.end);
    const [diag] = changed(await diagnosticsWhere(api, uri, 'the lock-changed diagnostic', (d) => changed(d).length === 1));
    assert.match(diag.message, /^acceptance\.coverage_target 0\.9 → 0\.85 since r2\.lock\.json \(\d{4}-\d\d-\d\d\), loosening the profile$/);
    assert.ok(diag.range.isEqual(valueRange), `range ${JSON.stringify(diag.range)} vs ${JSON.stringify(valueRange)}`);
    assert.equal(doc.getText(diag.range), '0.85');
    // Default severity is Warning; a loosening is one level higher.
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(doc.isDirty);
    assert.match(api.locks.codeLensTitles(uri)[0], /1 change since \d{4}-\d\d-\d\d — r2\.lock\.json/);

    const actions = await codeActions(uri, diag.range);
    assert.deepEqual(actions.map((a) => a.title).sort(), ['Compare with locked profile', 'Revert acceptance.coverage_target to locked value 0.9', 'Update lock r2.lock.json to this profile'].sort());
    const revert = actions.find((a) => a.title.startsWith('Revert'))!;
    assert.ok(await vscode.workspace.applyEdit(revert.edit!));
    await diagnosticsWhere(api, uri, 'the diagnostic to go after Revert', (d) => changed(d).length === 0);
    assert.match(doc.getText(), /coverage_target: 0\.9\n/);
    assert.equal(api.locks.stateFor(uri)?.status, 'valid');
  });

  it('reports a tightening at the configured severity', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const config = vscode.workspace.getConfiguration('auroraGa.lock');
    await config.update('severity', 'information', vscode.ConfigurationTarget.Workspace);
    try {
      await replace(doc, 'max_noop_ratio: 0.6', 'max_noop_ratio: 0.5');
      const [diag] = changed(await diagnosticsWhere(api, uri, 'the tightening diagnostic', (d) => changed(d).length === 1 && d[0].severity === vscode.DiagnosticSeverity.Information));
      assert.match(diag.message, /^preloop\.max_noop_ratio 0\.6 → 0\.5 since r2\.lock\.json .*, tightening the profile$/);
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Compare opens a diff against the locked profile', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await replace(doc, 'tau_d: 0.3', 'tau_d: 0.45');
    const [diag] = changed(await diagnosticsWhere(api, uri, 'the tau_d diagnostic', (d) => changed(d).length === 1));
    const compare = (await codeActions(uri, diag.range)).find((a) => a.title === 'Compare with locked profile')!;
    await vscode.commands.executeCommand(compare.command!.command, ...(compare.command!.arguments ?? []));
    const input = await waitFor('the diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputTextDiff ? tab : undefined;
    });
    assert.equal(input.original.scheme, 'aurora-locked');
    assert.equal(input.modified.toString(), uri.toString());
    const locked = await vscode.workspace.openTextDocument(input.original);
    assert.match(locked.getText(), /tau_d: 0\.3 {2}# DERISK threshold/);
    assert.equal(locked.getText().replace('tau_d: 0.3', 'tau_d: 0.45'), doc.getText());
  });

  it('Update lock asks first, writes nothing when declined, and rewrites the lock atomically when confirmed', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const lockFile = path.join(LOCKS(), 'r2.lock.json');
    const before = fs.readFileSync(lockFile, 'utf8');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await replace(doc, 'min_decisions: 1', 'min_decisions: 3');
    const [diag] = changed(await diagnosticsWhere(api, uri, 'the min_decisions diagnostic', (d) => changed(d).length === 1));
    const update = (await codeActions(uri, diag.range)).find((a) => a.title.startsWith('Update lock'))!;
    const asked: string[] = [];

    api.locks.setConfirmation(async (message) => (asked.push(message), false));
    await vscode.commands.executeCommand(update.command!.command, ...(update.command!.arguments ?? []));
    assert.deepEqual(asked, ['Update r2.lock.json to the current r2.yaml?']);
    assert.equal(fs.readFileSync(lockFile, 'utf8'), before);
    assert.ok(doc.isDirty);

    api.locks.setConfirmation(async (message) => (asked.push(message), true));
    await vscode.commands.executeCommand(update.command!.command, ...(update.command!.arguments ?? []));
    assert.equal(asked.length, 2);
    assert.equal(doc.isDirty, false);
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    assert.equal(lock.schema_v, 2);
    assert.equal(lock.locked_values.acceptance.min_decisions, 3);
    assert.equal(lock.sha256_normalized_yaml, normalizeProfile(fs.readFileSync(uri.fsPath, 'utf8'), 'r2.yaml').sha256);
    assert.deepEqual(fs.readdirSync(LOCKS()).filter((f) => f.endsWith('.tmp')), []);
    await diagnosticsWhere(api, uri, 'the diagnostic to go after Update lock', (d) => changed(d).length === 0);
  });

  it('puts a document-level diagnostic on a profile whose schema 1 lock no longer matches, and follows a new lock written on disk', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'schema1', 'smoke.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const [diag] = await diagnosticsWhere(api, uri, 'the schema-1 diagnostic', (d) => d.some((x) => x.code === 'lock-schema1'));
    assert.equal(diag.range.start.line, 0);
    assert.match(diag.message, /^Profile changed since smoke\.lock\.json \(2025-08-21\): Hash mismatch: .*schema 1 lock stores no values/);
    assert.match(api.locks.codeLensTitles(uri)[0], /changed since 2025-08-21 \(schema 1 lock\)/);
    // Another tool (here: the core, as the CLI would) re-locks the profile: the watcher notices.
    await writeLock(uri.fsPath, path.join(LOCKS(), 'schema1', 'smoke.lock.json'), normalizeProfile(doc.getText(), uri.fsPath));
    await diagnosticsWhere(api, uri, 'the diagnostic to go once the lock file changed on disk', (d) => d.length === 0, 15000);
    assert.equal(api.locks.stateFor(uri)?.lock?.schema, 2);
  });

  it('reports a corrupt lock on the profile and on the lock file, and an orphan lock on the lock file', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'corrupt', 'broken.yaml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [diag] = await diagnosticsWhere(api, uri, 'the corrupt-lock diagnostic', (d) => d.some((x) => x.code === 'lock-corrupt'));
    assert.match(diag.message, /^broken\.lock\.json cannot be read: .*broken\.lock\.json:4:1: invalid JSON/);
    await api.locks.refresh();
    const onLock = api.locks.diagnosticsFor(vscode.Uri.file(path.join(LOCKS(), 'corrupt', 'broken.lock.json')));
    assert.equal(onLock[0]?.code, 'lock-corrupt');
    const orphan = api.locks.diagnosticsFor(vscode.Uri.file(path.join(LOCKS(), 'orphan.lock.json')));
    assert.match(orphan[0]?.message ?? '', /^Orphan lock: no profile orphan\.yaml beside it/);
  });

  it('checks an unlocked profile against the profile schema and offers to lock it', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'profiles', 'draft.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhere(api, uri, 'the profile-schema diagnostics', (d) => d.filter((x) => x.code === 'profile-schema').length === 3);
    const byMessage = new Map(diags.map((d) => [d.message, d]));
    const ratio = byMessage.get('acceptance.coverage_target must be in [0, 1], got 1.5');
    assert.equal(ratio && doc.getText(ratio.range), '1.5');
    assert.equal(ratio?.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(byMessage.has('Missing required section: preloop'));
    assert.equal(byMessage.get('acceptance.min_decisions not set')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(api.locks.codeLensTitles(uri), ['$(unlock) not locked — draft.lock.json', 'Lock profile']);

    // Locking a profile that has no lock yet replaces nothing, so it does not ask.
    const asked: string[] = [];
    api.locks.setConfirmation(async (message) => (asked.push(message), true));
    const lockFile = path.join(LOCKS(), 'profiles', 'draft.lock.json');
    try {
      await vscode.commands.executeCommand('aurora.lockProfile', uri);
      assert.deepEqual(asked, []);
      assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).locked_values.acceptance.coverage_target, 1.5);
      await waitFor('the lens to say locked', () => api.locks.codeLensTitles(uri)[0]?.startsWith('$(lock) locked ✓'));
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  });

  it('offers each quick fix once when several diagnostics share the range', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await replace(doc, 'tau_d: 0.3', 'tau_d: 0.35');
    await replace(doc, 'tau_p: 0.7', 'tau_p: 0.75');
    await diagnosticsWhere(api, uri, 'two lock-changed diagnostics', (d) => changed(d).length === 2);
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const titles = (await codeActions(uri, all)).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Update lock')), ['Update lock r2.lock.json to this profile']);
    assert.deepEqual(titles.filter((t) => t === 'Compare with locked profile').length, 1);
    assert.equal(titles.filter((t) => t.startsWith('Revert')).length, 2);

    // An edited profile whose schema 1 lock and legacy checksum both no longer match (two
    // diagnostics on the first line, as with the original kit's r2.lock.json + r2.yaml.lock): one Update lock.
    const smoke = vscode.Uri.file(path.join(LOCKS(), 'schema1', 'smoke.yaml'));
    const legacy = path.join(LOCKS(), 'schema1', 'smoke.yaml.lock');
    fs.writeFileSync(legacy, '{"checksum": "0000000000000000"}\n');
    try {
      const smokeDoc = await vscode.workspace.openTextDocument(smoke);
      await vscode.window.showTextDocument(smokeDoc);
      await replace(smokeDoc, 'tau_d: 0.4', 'tau_d: 0.45');
      const both = await diagnosticsWhere(api, smoke, 'the schema-1 and legacy diagnostics', (d) => d.some((x) => x.code === 'lock-schema1') && d.some((x) => x.code === 'lock-legacy'));
      const smokeTitles = (await codeActions(smoke, both[0].range)).map((a) => a.title);
      assert.deepEqual(smokeTitles.filter((t) => t.startsWith('Update lock')), ['Update lock smoke.lock.json and smoke.yaml.lock to this profile'], smokeTitles.join(' | '));
    } finally {
      fs.rmSync(legacy, { force: true });
    }
  });

  it('offers profiles only to Lock Profile, and asks before locking a file that is not one', async () => {
    const candidates = (await api.locks.profileCandidates()).map((u) => vscode.workspace.asRelativePath(u));
    assert.ok(candidates.includes('locks/r2.yaml'), candidates.join(', '));
    assert.ok(candidates.includes('locks/profiles/draft.yaml'), candidates.join(', '));
    assert.ok(candidates.includes('checklist/profiles/r2.yaml'), candidates.join(', '));
    assert.ok(!candidates.includes('canary/canary.yaml'), candidates.join(', '));
    assert.ok(!candidates.includes('.vscode/settings.json'));

    const canary = vscode.Uri.file(path.join(workspaceRoot(), 'canary', 'canary.yaml'));
    const lockFile = path.join(workspaceRoot(), 'canary', 'canary.lock.json');
    const asked: string[] = [];
    api.locks.setConfirmation(async (message) => (asked.push(message), false));
    try {
      await vscode.commands.executeCommand('aurora.lockProfile', canary);
      assert.deepEqual(asked, ['canary.yaml does not look like a profile. Lock it anyway?']);
      assert.equal(fs.existsSync(lockFile), false);
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  });

  it('hovers a profile key with its description and stricter direction, and for a changed key who changed it in which commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-hover-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Carol', '-c', 'user.email=carol@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    const file = path.join(dir, 'p.yaml');
    const text = fs.readFileSync(path.join(LOCKS(), 'r2.yaml'), 'utf8');
    try {
      git('init', '-q');
      fs.writeFileSync(file, text);
      await writeLock(file, path.join(dir, 'p.lock.json'), normalizeProfile(text, file));
      git('add', '.');
      git('commit', '-qm', 'lock p');
      fs.writeFileSync(file, text.replace('coverage_target: 0.9', 'coverage_target: 0.8'));
      git('commit', '-qam', 'relax coverage');
      const sha = git('rev-parse', 'HEAD').trim();
      const uri = vscode.Uri.file(file);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitFor('the change to be seen', () => api.locks.stateFor(uri)?.changes.length === 1);
      const hoverAt = async (needle: string) => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(doc.getText().indexOf(needle) + 2))) ?? [];
        return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/[\\`]/g, '');
      };
      const coverage = await hoverAt('coverage_target');
      assert.match(coverage, /acceptance\.coverage_target\*\* — Minimum coverage a run must reach, in \[0, 1\]\./);
      assert.match(coverage, /Higher is stricter\./);
      assert.match(coverage, /Locked value 0\.9, now 0\.8\./);
      assert.ok(coverage.includes(`Changed by Carol in ${sha.slice(0, 10)}`), coverage);
      assert.match(coverage, /: relax coverage/);
      const tauP = await hoverAt('tau_p');
      assert.match(tauP, /PASS threshold/);
      assert.doesNotMatch(tauP, /stricter|Changed by/);
      assert.match(await hoverAt('max_noop_ratio'), /Lower is stricter\./);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows per-key changes for a schema 1 lock from the git revision that hashes to it, and upgrades it to schema 2 with the same hash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-schema1-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Dana', '-c', 'user.email=dana@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    const file = path.join(dir, 'p.yaml');
    const lockFile = path.join(dir, 'p.lock.json');
    // Unique to this test: history results are cached per lock hash.
    const text = fs.readFileSync(path.join(LOCKS(), 'r2.yaml'), 'utf8').replace('min_decisions: 1', 'min_decisions: 7');
    const sha256 = normalizeProfile(text, file).sha256;
    try {
      git('init', '-q');
      fs.writeFileSync(file, text);
      fs.writeFileSync(lockFile, `${JSON.stringify({ schema_v: 1, profile_name: 'p', profile_path: 'configs\\profiles\\p.yaml', sha256_normalized_yaml: sha256, generated_at: '2025-08-21T03:01:43.272972', generator_ver: '1.0' }, null, 2)}\n`);
      git('add', '.');
      git('commit', '-qm', 'lock p');
      const locked = git('rev-parse', 'HEAD').trim();
      fs.writeFileSync(file, text.replace('tau_d: 0.3', 'tau_d: 0.45'));
      git('commit', '-qam', 'loosen tau_d');
      const uri = vscode.Uri.file(file);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [diag] = changed(await diagnosticsWhere(api, uri, 'a per-key diagnostic from the schema 1 lock', (d) => changed(d).length === 1, 20000));
      assert.match(diag.message, /^kappa_thresholds\.tau_d 0\.3 → 0\.45 since p\.lock\.json \(2025-08-21\)/);
      assert.equal(doc.getText(diag.range), '0.45');
      assert.equal(api.locks.stateFor(uri)?.lock?.valuesFrom, locked);
      const titles = (await codeActions(uri, diag.range)).map((a) => a.title);
      const upgrade = (await codeActions(uri, diag.range)).find((a) => a.title.startsWith('Upgrade lock'));
      assert.ok(upgrade, titles.join(' | '));
      assert.equal(titles.filter((t) => t.startsWith('Upgrade lock')).length, 1);
      assert.ok(await vscode.commands.executeCommand(upgrade.command!.command, ...(upgrade.command!.arguments ?? [])));
      const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
      assert.deepEqual([lock.schema_v, lock.sha256_normalized_yaml, lock.locked_values.kappa_thresholds.tau_d], [2, sha256, 0.3]);
      await waitFor('the schema 2 lock to be read', () => api.locks.stateFor(uri)?.lock?.schema === 2);
      assert.equal(changed(api.locks.diagnosticsFor(uri)).length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every locked profile with its state in the Locks view model (Validate Locks)', async () => {
    const returned = await vscode.commands.executeCommand<{ label: string }[]>('aurora.validateLocks');
    assert.deepEqual(returned.map((r) => r.label), api.locks.tree.map((r) => r.label));
    const rows = new Map(api.locks.tree.map((r) => [r.label, r]));
    assert.equal(rows.get('locks/orphan.lock.json')?.state, 'orphan');
    assert.equal(rows.get('locks/corrupt/broken.yaml')?.state, 'unreadable');
    assert.equal(rows.get('locks/corrupt/broken.yaml')?.description, 'lock file corrupt');
    assert.equal(rows.get('locks/r2.yaml')?.state, 'valid');
    assert.equal(rows.get('locks/r2.yaml')?.description, 'locked ✓');
    assert.equal(rows.get('locks/schema1/smoke.yaml')?.state, 'mismatch');
    assert.match(rows.get('locks/schema1/smoke.yaml')?.description ?? '', /^changed since 2025-08-21 \(schema 1 lock\)$/);
    await vscode.commands.executeCommand('aurora.locks.focus');
  });

  it('clears a profile\'s diagnostics when it is closed', async () => {
    const uri = vscode.Uri.file(path.join(LOCKS(), 'r2.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await replace(doc, 'skip_ratio_max: 0.3', 'skip_ratio_max: 0.4');
    await diagnosticsWhere(api, uri, 'the skip_ratio_max diagnostic', (d) => changed(d).length === 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsWhere(api, uri, 'diagnostics to clear on close', (d) => d.length === 0, 20000);
  });
});
