// "Aurora: Evaluate Gates": runs the engine once with a cancellable progress notification that
// reports each gate as it finishes, then hands the report to the view and writes it to the workspace.
import { ARTIFACTS } from '../../core/artifacts';
import path from 'node:path';
import * as vscode from 'vscode';
import { evaluateGatesRecorded, resolveProfile } from '../../core/gates';
import { keepAndDecideCurrent } from '../history/keep';
import { InputError, isAbortError } from '../../core/util';
import type { GateReport } from '../../core/verdict';
import { resolveGateSettings } from './settings';

/** The contract path of the latest report, relative to the workspace folder. */
export const REPORT_PATH = ARTIFACTS.gateReport;

export interface EvaluationDone {
  report: GateReport;
  /** Absolute path the report was written to; undefined with no folder open. */
  reportFile?: string;
}

export async function runEvaluation(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel): Promise<EvaluationDone | undefined> {
  const settings = await resolveGateSettings(secrets);
  if (settings.ignoredUntrusted.length) {
    const msg = `Aurora: this workspace is not trusted, so its ${settings.ignoredUntrusted.join(' and ')} ${settings.ignoredUntrusted.length > 1 ? 'are' : 'is'} not used.`;
    log.warn(msg);
    if (!settings.missing) void vscode.window.showWarningMessage(`${msg} Using your user settings instead.`);
  }
  const missing = settings.missing;
  if (missing) {
    log.warn(missing.message);
    const open = 'Open Settings';
    void vscode.window.showWarningMessage(`Aurora: ${missing.message}`, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', missing.setting);
    });
    return undefined;
  }
  const target = settings.options.prometheus?.url;
  log.info(settings.mode === 'live'
    ? `evaluating gates (live: ${target}, window ${settings.options.windowHours} h)`
    : `evaluating gates (${settings.mode}: the recording's window, profile and variables apply; the workspace's are not used)`);
  const started = Date.now();
  try {
    const { report, recording } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Aurora: evaluating gates (${settings.mode})`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          let options = settings.options;
          if (settings.profileFile) {
            // Like `aurora-ga gates --profile`: an unverified profile is refused (InputError) before any query.
            const profile = await resolveProfile(settings.profileFile, abort.signal);
            log.info(`profile ${profile.name}: lock ${profile.lock.enforced ? profile.lock.detail : `not enforced (${profile.lock.detail})`}`);
            options = { ...options, profile: profile.name };
          }
          return await evaluateGatesRecorded(options, abort.signal, (p) => {
            if (p.kind === 'gate-start' && p.index === 0) progress.report({ message: `${p.total} gates` });
            if (p.kind === 'gate-done') {
              progress.report({ increment: 100 / p.total, message: `${p.name}: ${p.result.status} (${p.completed}/${p.total})` });
              log.info(`gate ${p.gate}: ${p.result.status} — ${p.result.message}`);
            }
          });
        } finally {
          sub.dispose();
        }
      },
    );
    log.info(`${report.decision} [${report.data_mode}] in ${Date.now() - started} ms`);
    let reportFile: string | undefined;
    if (settings.folder) {
      const file = path.join(settings.folder.uri.fsPath, REPORT_PATH);
      if (await keepAndDecideCurrent(settings.folder.uri.fsPath, 'gates', file, `${JSON.stringify(report, null, 2)}\n`, recording, log)) reportFile = file;
    }
    return { report, ...(reportFile ? { reportFile } : {}) };
  } catch (err) {
    if (isAbortError(err)) {
      log.info('gate evaluation cancelled');
      void vscode.window.showInformationMessage('Aurora: gate evaluation cancelled; the previous result is kept.');
    } else if (err instanceof InputError) {
      log.error(err.format());
      void vscode.window.showErrorMessage(`Aurora: ${err.format()}`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      log.error(`gate evaluation failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      void vscode.window.showErrorMessage(`Aurora: gate evaluation failed: ${message}`);
    }
    return undefined;
  }
}
