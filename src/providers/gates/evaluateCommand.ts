// "Aurora: Evaluate Gates": maps the settings onto one core request, runs it with a cancellable
// progress notification that reports each gate as it finishes, and writes the report the way the
// CLI does — except that an evaluation that could not be carried out never replaces the last report.
import * as vscode from 'vscode';
import { renderJson, replacesCurrent, runGates, writeCurrentReport } from '../../core/gates';
import { keepInHistory } from '../history/keep';
import { InputError, isAbortError, redactUrls } from '../../core/util';
import type { GateReport } from '../../core/verdict';
import { resolveGateSettings } from './settings';

export interface EvaluationDone {
  report: GateReport;
  /** Absolute path the report was written to; undefined with no folder open, in an untrusted workspace, or when it was kept. */
  reportFile?: string;
  /** The report could not be carried out: the last good report stays where it was. */
  kept: boolean;
}

/** What the user was last told, with the buttons offered (read by the extension tests). */
export interface GatesNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

export interface EvaluationUi {
  notify(notice: GatesNotice): Thenable<string | undefined>;
}

const OPEN_SETTINGS = 'Open Settings';
const SHOW_LOG = 'Show Log';
const RETRY = 'Retry';

/** Offers the standard ways out of a problem: fix the setting, read the log, try again. */
function offerFixes(ui: EvaluationUi, log: vscode.LogOutputChannel, level: GatesNotice['level'], message: string, setting: string, retry: boolean): void {
  const actions = [OPEN_SETTINGS, SHOW_LOG, ...(retry ? [RETRY] : [])];
  void ui.notify({ level, message, actions }).then((choice) => {
    if (choice === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    if (choice === SHOW_LOG) log.show(true);
    if (choice === RETRY) void vscode.commands.executeCommand('aurora.evaluateGates');
  });
}

export async function runEvaluation(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel, ui: EvaluationUi): Promise<EvaluationDone | undefined> {
  const settings = await resolveGateSettings(secrets);
  if (settings.ignoredUntrusted.length) {
    const msg = `Aurora: this workspace is not trusted, so its ${settings.ignoredUntrusted.join(' and ')} ${settings.ignoredUntrusted.length > 1 ? 'are' : 'is'} not used.`;
    log.warn(msg);
    if (!settings.missing) void ui.notify({ level: 'warning', message: `${msg} Using your user settings and the bundled gates file instead.`, actions: [] });
  }
  const missing = settings.missing;
  if (missing) {
    log.warn(missing.message);
    offerFixes(ui, log, 'warning', `Aurora: ${missing.message}`, missing.setting, false);
    return undefined;
  }
  const target = settings.request.connection?.url;
  log.info(settings.mode === 'live'
    ? `evaluating gates (live: ${redactUrls(target ?? '')}, window ${settings.request.windowHours} h)`
    : `evaluating gates (${settings.mode}: the recording's window, profile and variables apply; the workspace's are not used)`);
  const started = Date.now();
  try {
    const { report, recording } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Aurora: evaluating gates (${settings.mode})`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await runGates(settings.request, abort.signal, {
            onPrepared: ({ profile }) => {
              if (profile) log.info(`profile ${profile.name}: lock ${profile.lock.enforced ? profile.lock.detail : `not enforced (${profile.lock.detail})`}`);
            },
            onProgress: (p) => {
              if (p.kind === 'preflight') log.info(p.result.ok ? `${p.source} answers (${p.result.durationMs} ms)` : `${p.source}: ${p.result.message} (${p.result.durationMs} ms)`);
              if (p.kind === 'retry') log.warn(`retry ${p.retry} in ${p.delayMs} ms: ${p.reason}`);
              if (p.kind === 'gate-start' && p.index === 0) progress.report({ message: `${p.total} gates` });
              if (p.kind === 'gate-done') {
                progress.report({ increment: 100 / p.total, message: `${p.name}: ${p.result.status} (${p.completed}/${p.total})` });
                log.info(`gate ${p.gate}: ${p.result.status} — ${p.result.message}`);
              }
            },
          });
        } finally {
          sub.dispose();
        }
      },
    );
    log.info(`${report.decision} [${report.data_mode}] in ${Date.now() - started} ms`);
    // The same writer as the CLI's (the original key order), for the history and the current report.
    const text = renderJson(report);
    const root = settings.writeReport ? settings.folder?.uri.fsPath : undefined;
    if (!root && settings.folder) log.info('untrusted workspace: the report is shown, not written into the workspace (nor its history)');
    if (!replacesCurrent(report)) {
      if (root) await keepInHistory(root, 'gates', text, recording, log);
      log.error(report.decision);
      offerFixes(ui, log, 'error', `Aurora: ${report.decision}. The last report is kept.`, 'auroraGa.prometheus', true);
      return { report, kept: true };
    }
    if (!root) return { report, kept: false };
    // A completed run always replaces the current report (core/history's rule), written as the CLI writes it.
    await keepInHistory(root, 'gates', text, recording, log);
    const written = await writeCurrentReport(root, report, recording);
    log.info(`report written to ${written.file}${written.report.recording ? ` (raw answers: ${written.report.recording.file})` : ''}`);
    return { report: written.report, kept: false, reportFile: written.file };
  } catch (err) {
    if (isAbortError(err)) {
      log.info('gate evaluation cancelled');
      void ui.notify({ level: 'info', message: 'Aurora: gate evaluation cancelled; the previous result is kept.', actions: [] });
    } else if (err instanceof InputError) {
      log.error(err.format());
      offerFixes(ui, log, 'error', `Aurora: ${err.format()}`, 'auroraGa', true);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      log.error(`gate evaluation failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      offerFixes(ui, log, 'error', `Aurora: gate evaluation failed: ${redactUrls(message)}`, 'auroraGa', true);
    }
    return undefined;
  }
}
