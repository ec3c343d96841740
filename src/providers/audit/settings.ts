import { ARTIFACTS } from '../../core/artifacts';
import * as vscode from 'vscode';
import { type AuditThresholds, defaultAuditThresholds } from '../../core/audit';

/** auroraGa.audit.*: where the replay summaries are and the thresholds of the status. */
export interface AuditSettings {
  summaries: string[];
  thresholds: AuditThresholds;
}

export const AUDIT_REPORT = ARTIFACTS.dctsAudit;
export const AUDIT_SUMMARY = ARTIFACTS.dctsAuditSummary;

export function auditSettings(folder: vscode.WorkspaceFolder): AuditSettings {
  const c = vscode.workspace.getConfiguration('auroraGa.audit', folder.uri);
  const summaries = c.get<string[]>('summaries', [ARTIFACTS.replaySummaries]).filter((s) => typeof s === 'string' && s.trim());
  const maxVarRatio = c.get<number>('maxVarRatio', defaultAuditThresholds.maxVarRatio);
  const minRobustSamples = c.get<number>('minRobustSamples', defaultAuditThresholds.minRobustSamples);
  return {
    summaries,
    thresholds: {
      maxVarRatio: Number.isFinite(maxVarRatio) && maxVarRatio >= 0 ? maxVarRatio : defaultAuditThresholds.maxVarRatio,
      minRobustSamples: Number.isInteger(minRobustSamples) && minRobustSamples >= 1 ? minRobustSamples : defaultAuditThresholds.minRobustSamples,
    },
  };
}
