// Maps the auroraGa.* settings (and the secrets in SecretStorage) onto the core's GatesRequest,
// applying workspace trust: in an untrusted workspace no setting of the workspace that reads files,
// chooses a server, adds headers or names a recording is used, the gates file is the bundled one,
// and the report is not written into the workspace — opening a folder must not make the editor
// contact a server the folder chose (with the user's token) or read files it points at.
import path from 'node:path';
import * as vscode from 'vscode';
import { ARTIFACTS } from '../../core/artifacts';
import { type DataSource, type GatesRequest, type PrometheusAuth, urlProblem } from '../../core/gates';
import type { DataMode } from '../../core/verdict';
import { trustedSetting } from './trust';

export const TOKEN_SECRET = 'auroraGa.prometheus.token';
export const PASSWORD_SECRET = 'auroraGa.prometheus.password';

export interface ResolvedGateSettings {
  request: GatesRequest;
  mode: DataMode;
  /** The workspace folder the evaluation is for (undefined with no folder open). */
  folder?: vscode.WorkspaceFolder;
  /** Whether the report may be written into the folder (not in an untrusted workspace). */
  writeReport: boolean;
  /** Settings passed over because the workspace is untrusted, e.g. `auroraGa.prometheus.url`. */
  ignoredUntrusted: string[];
  /** Why an evaluation cannot run (no URL, a URL that is not one, no recording), and the setting to fix. */
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

/** The explicitly set value of a deprecated setting (its default does not count). */
function explicit<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = config.inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

async function credentials(secrets: vscode.SecretStorage, username: string): Promise<{ auth?: PrometheusAuth; problem?: string }> {
  const token = await secrets.get(TOKEN_SECRET);
  const password = username ? await secrets.get(PASSWORD_SECRET) : undefined;
  if (token && username) return { problem: 'Both a Prometheus token and auroraGa.prometheus.username are set: remove one (Aurora: Set Prometheus Token with an empty value, or clear the user name).' };
  if (username && password === undefined) return { problem: `auroraGa.prometheus.username is '${username}' but no password is stored: run "Aurora: Set Prometheus Password".` };
  if (token) return { auth: { kind: 'bearer', token } };
  if (username) return { auth: { kind: 'basic', username, password: password ?? '' } };
  return {};
}

export async function resolveGateSettings(secrets: vscode.SecretStorage): Promise<ResolvedGateSettings> {
  const folder = gatesFolder();
  const prom = vscode.workspace.getConfiguration('auroraGa.prometheus', folder);
  const gates = vscode.workspace.getConfiguration('auroraGa.gates', folder);
  const ignored: string[] = [];
  const trusted = vscode.workspace.isTrusted;
  const promValue = <T>(key: string) => trustedValue<T>(prom, 'auroraGa.prometheus', key, ignored);
  const gatesValue = <T>(key: string) => trustedValue<T>(gates, 'auroraGa.gates', key, ignored);
  const base = folder?.uri.fsPath;
  const inFolder = (p: string) => (base && !path.isAbsolute(p) ? path.join(base, p) : p);

  const mode = gatesValue<'live' | 'replay' | 'demo'>('dataMode') ?? 'live';
  const replayFile = (gatesValue<string>('replayFile') ?? '').trim();
  let data: DataSource = { mode: 'live' };
  if (mode === 'demo') data = { mode: 'demo' };
  else if (mode === 'replay') data = { mode: 'replay', file: inFolder(replayFile) };

  const url = (promValue<string>('url') ?? '').trim();
  const caFile = (promValue<string>('caFile') ?? '').trim();
  const headers = promValue<Record<string, string>>('headers') ?? {};
  const username = (promValue<string>('username') ?? '').trim();
  const secret = await credentials(secrets, username);
  const legacyTimeoutMs = explicit<number>(prom, 'timeoutMs');
  const timeoutSeconds = explicit<number>(prom, 'timeoutSeconds') ?? (legacyTimeoutMs !== undefined ? legacyTimeoutMs / 1000 : prom.get<number>('timeoutSeconds'));

  // Recorded data answers exactly the queries it was recorded with: the recording's own window,
  // profile and variables apply (the demo also brings its gates file and artifacts).
  const recorded = mode !== 'live';
  // Untrusted: the bundled gates file, whoever set another (a user path is relative to this folder).
  const chosenGatesFile = (gatesValue<string>('file') ?? '').trim();
  const gatesFile = trusted ? chosenGatesFile : '';
  const profile = (gatesValue<string>('profile') ?? '').trim();
  const variables = gatesValue<Record<string, string>>('variables') ?? {};
  const artifactsDir = (gatesValue<string>('artifactsDir') ?? '').trim() || ARTIFACTS.dir;
  const request: GatesRequest = {
    cwd: base ?? process.cwd(),
    data,
    ...(!recorded ? { windowHours: gates.get<number>('windowHours', 48) } : {}),
    ...(mode !== 'demo' ? { artifactsDir: inFolder(artifactsDir) } : {}),
    ...(gatesFile && mode !== 'demo' ? { gatesFile: inFolder(gatesFile) } : {}),
    ...(Object.keys(variables).length && !recorded ? { variables } : {}),
    ...(profile && !recorded ? { profileFile: inFolder(profile) } : {}),
    ...(url && !recorded
      ? {
          connection: {
            url,
            headers,
            ...(secret.auth ? { auth: secret.auth } : {}),
            ...(caFile ? { caFile: inFolder(caFile) } : {}),
            ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
            deadlineSeconds: gates.get<number>('deadlineSeconds'),
            concurrency: prom.get<number>('concurrency'),
            pipelining: prom.get<number>('pipelining'),
            retries: prom.get<number>('retries'),
            maxResponseMiB: prom.get<number>('maxResponseMiB'),
          },
        }
      : {}),
    // Only the user's own settings can widen what file checks read; a workspace value is never looked at.
    allowFilesOutside: gates.inspect<boolean>('allowFilesOutsideWorkspace')?.globalValue === true,
  };
  let missing: ResolvedGateSettings['missing'];
  const problem = url ? urlProblem(url) : undefined;
  if (mode === 'live' && !url) {
    missing = ignored.includes('auroraGa.prometheus.url')
      ? { setting: 'auroraGa.prometheus.url', message: 'This workspace is not trusted, so its auroraGa.prometheus.url is not queried. Trust the workspace, or set the URL in your user settings.' }
      : { setting: 'auroraGa.prometheus.url', message: 'Set auroraGa.prometheus.url to the Prometheus to query (or set auroraGa.gates.dataMode to "demo").' };
  } else if (mode === 'live' && problem) {
    missing = { setting: 'auroraGa.prometheus.url', message: `auroraGa.prometheus.url: ${problem}.` };
  } else if (mode === 'live' && secret.problem) {
    missing = { setting: 'auroraGa.prometheus.username', message: secret.problem };
  } else if (mode === 'replay' && !replayFile) {
    missing = { setting: 'auroraGa.gates.replayFile', message: 'Set auroraGa.gates.replayFile to a recording made with `aurora-ga gates --record FILE`.' };
  }
  return { request, mode, folder, writeReport: trusted && Boolean(folder), ignoredUntrusted: ignored, ...(missing ? { missing } : {}) };
}
