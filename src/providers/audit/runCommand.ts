import path from 'node:path';
import * as vscode from 'vscode';
import { type DctsAuditReport, renderAuditMarkdown, runDctsAudit } from '../../core/audit';
import { isAbortError, writeFileAtomic } from '../../core/util';
import { keepAndDecideCurrent } from '../history/keep';
import { pickFolder, withCancellableProgress } from '../shared';
import { AUDIT_REPORT, AUDIT_SUMMARY, auditSettings } from './settings';

export interface AuditRun {
  report: DctsAuditReport;
  reportFile: string;
  summaryFile: string;
}

/**
 * "Aurora: Run DCTS Audit": the same audit as `aurora-ga dcts-audit`, over the globs of
 * auroraGa.audit.summaries, writing the contract paths the gates read. Only reads JSON files, so it
 * runs in untrusted workspaces too.
 */
export async function runAuditCommand(log: vscode.LogOutputChannel): Promise<AuditRun | undefined> {
  const folder = await pickFolder('Run the DCTS audit');
  if (!folder) {
    void vscode.window.showWarningMessage('Aurora: open a folder to run the DCTS audit.');
    return undefined;
  }
  const settings = auditSettings(folder);
  if (!settings.summaries.length) {
    void vscode.window.showErrorMessage('Aurora: auroraGa.audit.summaries is empty; set the replay summary globs to audit.');
    return undefined;
  }
  const root = folder.uri.fsPath;
  const reportFile = path.join(root, AUDIT_REPORT);
  const summaryFile = path.join(root, AUDIT_SUMMARY);
  try {
    const report = await withCancellableProgress({ title: 'Aurora: DCTS audit' }, async (signal, progress) => {
      progress.report({ message: settings.summaries.join(', ') });
      return runDctsAudit({ summaries: settings.summaries, cwd: root, thresholds: settings.thresholds }, signal);
    });
    // Kept in the history either way; a NO DATA run replaces a completed audit only if the user says so.
    const summary = () => writeFileAtomic(summaryFile, renderAuditMarkdown(report));
    if (!(await keepAndDecideCurrent(root, 'audit', reportFile, `${JSON.stringify(report, null, 2)}\n`, undefined, log, summary))) return undefined;
    await summary();
    log.info(`DCTS audit: ${report.status} (var_ratio ${report.var_ratio ?? 'n/a'}, ${report.counts.robust} robust samples from ${report.inputs.length} summaries) -> ${reportFile}`);
    for (const s of report.skipped) log.warn(`DCTS audit skipped ${s.file}: ${s.reason}`);
    for (const v of report.ignored_values) log.warn(`DCTS audit did not count ${v.file} ${v.field}: ${v.reason}`);
    return { report, reportFile, summaryFile };
  } catch (err) {
    if (isAbortError(err)) {
      log.info('DCTS audit cancelled');
      return undefined;
    }
    log.error(`DCTS audit failed: ${(err as Error).message}`);
    void vscode.window.showErrorMessage(`Aurora: DCTS audit failed: ${(err as Error).message}`);
    return undefined;
  }
}
