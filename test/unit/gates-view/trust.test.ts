import assert from 'node:assert/strict';
import { trustedSetting } from '../../../src/providers/gates/trust';

describe('gates-view workspace trust', () => {
  const user = 'http://user.example:9090';
  const ws = 'http://attacker.example:9090';

  it('passes over a workspace URL in an untrusted workspace and falls back to the user setting', () => {
    assert.deepEqual(trustedSetting({ defaultValue: '', globalValue: user, workspaceValue: ws }, false, ws), { value: user, ignored: true });
  });

  it('passes over a folder-level URL too, falling back to the default when the user set none', () => {
    assert.deepEqual(trustedSetting({ defaultValue: '', workspaceFolderValue: ws }, false, ws), { value: '', ignored: true });
  });

  it('uses the workspace value once the workspace is trusted', () => {
    assert.deepEqual(trustedSetting({ defaultValue: '', globalValue: user, workspaceValue: ws }, true, ws), { value: ws, ignored: false });
  });

  it('uses a user-level value in an untrusted workspace without a note', () => {
    assert.deepEqual(trustedSetting({ defaultValue: '', globalValue: user }, false, user), { value: user, ignored: false });
  });
});
