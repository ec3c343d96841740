import * as vscode from 'vscode';
import { CachedSettings } from '../shared';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const ORDER: vscode.DiagnosticSeverity[] = [vscode.DiagnosticSeverity.Hint, vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Error];
const BY_NAME: Record<SeverityName, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export interface LockSettings {
  /** Severity of a lock-breaking change; a loosening is reported one level higher. */
  severity: vscode.DiagnosticSeverity;
  debounceMs: number;
}

function readLockSettings(cfg: vscode.WorkspaceConfiguration): LockSettings {
  const name = cfg.get<SeverityName>('severity', 'warning');
  const debounce = cfg.get<number>('debounceMs', 250);
  return { severity: BY_NAME[name] ?? vscode.DiagnosticSeverity.Warning, debounceMs: Number.isFinite(debounce) && debounce >= 0 ? debounce : 250 };
}

/** auroraGa.lock.*, read once per folder and again when it changes (never per keystroke). */
export function lockSettingsCache(): CachedSettings<LockSettings> {
  return new CachedSettings('auroraGa.lock', readLockSettings);
}

/** One level more severe (Hint → Information → Warning → Error), capped at Error. */
export function raise(severity: vscode.DiagnosticSeverity): vscode.DiagnosticSeverity {
  return ORDER[Math.min(ORDER.indexOf(severity) + 1, ORDER.length - 1)];
}
