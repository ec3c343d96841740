// The auroraGa.canary.* settings, read for one workspace folder. Null means "as the canary config says".
import * as vscode from 'vscode';
import { type CanaryOverrides, GATING_MODES, type GatingMode } from '../../core/canary';

export interface CanarySettings {
  /** Canary config file, relative to the folder; undefined = the bundled default. */
  configFile: string | undefined;
  /** Profile offered first in the pick. */
  profile: string | undefined;
  overrides: CanaryOverrides;
}

const num = (c: vscode.WorkspaceConfiguration, key: string): number | undefined => {
  const v = c.get<number | null>(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Only a value someone set: the default must not override the canary config's own profile_lock.enforced. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

export function readCanarySettings(folder: vscode.WorkspaceFolder | undefined): CanarySettings {
  const c = vscode.workspace.getConfiguration('auroraGa.canary', folder);
  const gating = c.get<string | null>('gating');
  const text = (key: string) => c.get<string>(key)?.trim() || undefined;
  return {
    configFile: text('configFile'),
    profile: text('profile'),
    overrides: {
      runs: num(c, 'runs'),
      gating: gating && (GATING_MODES as readonly string[]).includes(gating) ? (gating as GatingMode) : undefined,
      timeout_seconds: num(c, 'timeoutSeconds'),
      interval_seconds: num(c, 'intervalSeconds'),
      concurrency: num(c, 'concurrency'),
      enforce_lock: explicit<boolean>(c, 'profileLockEnforced'),
    },
  };
}
