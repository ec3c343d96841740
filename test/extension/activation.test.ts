import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAurora, EXTENSION_ID, waitFor } from './util';

describe('activation', () => {
  it('activates in the real VS Code host and returns its API', async () => {
    const api = await activateAurora();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.match(api.version, /^\d+\.\d+\.\d+$/);
    assert.match(vscode.version, /^1\.1\d\d\./);
  });

  it('registers every command it contributes', async () => {
    await activateAurora();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('contributes the Aurora GA container with the Gates, Canary and Locks views, each filled by its provider', async () => {
    const api = await activateAurora();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { views: Record<string, { id: string }[]> } };
    const ids = manifest.contributes.views['aurora-ga'].map((v) => v.id);
    assert.deepEqual(ids, ['aurora.gates', 'aurora.canary', 'aurora.locks']);
    // The workbench registers '<view>.focus' for each view it really shows; focusing resolves each.
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(ids.filter((id) => !registered.has(`${id}.focus`)), []);
    for (const id of ids) await vscode.commands.executeCommand(`${id}.focus`);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    // Each view's provider is attached: the Gates header names the next run's data mode, the Locks
    // view lists the fixture workspace's locked profiles (locks/r2.yaml is one), the Canary view has a model.
    assert.match(api.gates.view.description ?? '', /live|replay|demo/);
    await waitFor('the Locks view to list locks/r2.yaml', () => api.locks.tree.some((e) => JSON.stringify(e).includes('locks/r2.yaml')));
    assert.ok(api.canary.model, 'the Canary view has a model');
  });
});
