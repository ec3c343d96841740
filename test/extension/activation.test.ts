import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAurora, EXTENSION_ID } from './util';

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

  it('contributes the Aurora GA container with the Gates, Canary and Locks views', async () => {
    await activateAurora();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { views: Record<string, { id: string }[]> } };
    assert.deepEqual(manifest.contributes.views['aurora-ga'].map((v) => v.id), ['aurora.gates', 'aurora.canary', 'aurora.locks']);
    // Focusing a view only works when the workbench really has it.
    await vscode.commands.executeCommand('aurora.gates.focus');
    await vscode.commands.executeCommand('aurora.locks.focus');
  });
});
