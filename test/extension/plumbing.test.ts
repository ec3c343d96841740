import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAurora, waitFor } from './util';

describe('plumbing: background work follows what is visible', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  it('the DCTS audit backup poll runs only while the Gates view (which shows its status) is visible', async () => {
    const api = await activateAurora();
    await vscode.commands.executeCommand('aurora.gates.focus');
    await waitFor('the poll to start with the Gates view shown', () => api.audit.polling);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the poll to stop with the Gates view hidden', () => !api.audit.polling);
    await vscode.commands.executeCommand('aurora.gates.focus');
    await waitFor('the poll to start again', () => api.audit.polling);
    assert.equal(api.audit.polling, true);
  });
});
