// Turns the auroraGa.* settings (and the token in SecretStorage) into the engine's EvaluateOptions,
// applying workspace trust: in an untrusted workspace a Prometheus URL or CA file set by the
// workspace is not used, because opening a folder must not make the editor contact a server the
// folder chose (with the user's token).
import path from 'node:path';
import * as vscode from 'vscode';
import { ARTIFACTS } from '../../core/artifacts';
import type { DataSource, EvaluateOptions } from '../../core/gates';
import type { PrometheusConnection } from '../../core/prometheus';
import type { DataMode } from '../../core/verdict';
import { trustedSetting } from './trust';

export const TOKEN_SECRET = 'auroraGa.prometheus.token';

export interface ResolvedGateSettings {
  options: EvaluateOptions;
  mode: DataMode;
  /** The workspace folder the report is written to (undefined with no folder open). */
  folder?: vscode.WorkspaceFolder;
  /** The profile under evaluation (absolute path), whose lock must validate; its name becomes `${profile}`. */
  profileFile?: string;
  /** Settings ignored because the workspace is untrusted, e.g. `auroraGa.prometheus.url`. */
  ignoredUntrusted: string[];
  /** Why an evaluation cannot run (no URL, no recording to replay), and the setting to fix. */
  missing?: { setting: string; message: string };
}

/** The setting's value, passing over a workspace-set value in an untrusted workspace (noted in `ignored`). */
function trustedValue<T>(config: vscode.WorkspaceConfiguration, section: string, key: string, ignored: string[]): T | undefined {
  const { value, ignored: passedOver } = trustedSetting(config.inspect<T>(key), vscode.workspace.isTrusted, config.get<T>(key));
  if (passedOver) ignored.push(`${section}.${key}`);
  return value;
}

export function gatesFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

export async function resolveGateSettings(secrets: vscode.SecretStorage): Promise<ResolvedGateSettings> {
  const folder = gatesFolder();
  const prom = vscode.workspace.getConfiguration('auroraGa.prometheus', folder);
  const gates = vscode.workspace.getConfiguration('auroraGa.gates', folder);
  const ignored: string[] = [];
  const base = folder?.uri.fsPath;
  const inFolder = (p: string) => (base && !path.isAbsolute(p) ? path.join(base, p) : p);

  const mode = gates.get<'live' | 'replay' | 'demo'>('dataMode', 'live');
  const replayFile = gates.get<string>('replayFile', '');
  let data: DataSource = { mode: 'live' };
  if (mode === 'demo') data = { mode: 'demo' };
  else if (mode === 'replay') data = { mode: 'replay', file: inFolder(replayFile) };

  const url = (trustedValue<string>(prom, 'auroraGa.prometheus', 'url', ignored) ?? '').trim();
  const caFile = (trustedValue<string>(prom, 'auroraGa.prometheus', 'caFile', ignored) ?? '').trim();
  const token = await secrets.get(TOKEN_SECRET);
  const headers = prom.get<Record<string, string>>('headers', {});
  const connection: PrometheusConnection | undefined = url
    ? {
        url,
        headers,
        timeoutMs: prom.get<number>('timeoutMs'),
        concurrency: prom.get<number>('concurrency'),
        ...(token ? { bearerToken: token } : {}),
        ...(caFile ? { caFile: inFolder(caFile) } : {}),
      }
    : undefined;

  const gatesFile = (gates.get<string>('file', '') ?? '').trim();
  const profile = (gates.get<string>('profile', '') ?? '').trim();
  // Recorded data answers exactly the queries it was recorded with: the recording's own window,
  // profile and variables apply (the demo also brings its gates file and artifacts).
  const recorded = mode !== 'live';
  const profileFile = profile && !recorded ? inFolder(profile) : undefined;
  const variables = gates.get<Record<string, string>>('variables', {});
  const options: EvaluateOptions = {
    data,
    ...(base ? { cwd: base } : {}),
    ...(!recorded ? { windowHours: gates.get<number>('windowHours', 48) } : {}),
    ...(mode !== 'demo' ? { artifactsDir: inFolder(gates.get<string>('artifactsDir', ARTIFACTS.dir) || ARTIFACTS.dir) } : {}),
    ...(gatesFile && mode !== 'demo' ? { gatesFile: inFolder(gatesFile) } : {}),
    ...(Object.keys(variables).length && !recorded ? { variables } : {}),
    ...(connection && !recorded ? { prometheus: connection } : {}),
  };
  let missing: ResolvedGateSettings['missing'];
  if (mode === 'live' && !connection) {
    missing = ignored.includes('auroraGa.prometheus.url')
      ? { setting: 'auroraGa.prometheus.url', message: 'This workspace is not trusted, so its auroraGa.prometheus.url is not queried. Trust the workspace, or set the URL in your user settings.' }
      : { setting: 'auroraGa.prometheus.url', message: 'Set auroraGa.prometheus.url to the Prometheus to query (or set auroraGa.gates.dataMode to "demo").' };
  } else if (mode === 'replay' && !replayFile.trim()) {
    missing = { setting: 'auroraGa.gates.replayFile', message: 'Set auroraGa.gates.replayFile to a recording made with `aurora-ga gates --record FILE`.' };
  }
  return { options, mode, folder, ignoredUntrusted: ignored, ...(profileFile ? { profileFile } : {}), ...(missing ? { missing } : {}) };
}
