import * as vscode from 'vscode';
import type { AuroraApi } from './providers/api';
import { registerAudit } from './providers/audit/register';
import { registerCanary } from './providers/canary/register';
import { registerCharts } from './providers/charts/register';
import { registerChecklist } from './providers/checklist/register';
import { registerGates } from './providers/gates/register';
import { registerHistory } from './providers/history/register';
import { registerGatesEditor } from './providers/gatesEditor/register';
import { registerLocks } from './providers/locks/register';

// Wiring only: every feature lives in src/providers (VS Code adapters) over src/core (the engine).
export function activate(context: vscode.ExtensionContext): AuroraApi {
  const log = vscode.window.createOutputChannel('Aurora GA', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('aurora.showLog', () => log.show()));
  log.info(`Aurora GA ${context.extension.packageJSON.version} activated (VS Code ${vscode.version})`);
  const audit = registerAudit(context, log);
  const gates = registerGates(context, log, audit);
  const checklist = registerChecklist(context, log);
  const charts = registerCharts(context, log, gates);
  const canary = registerCanary(context, log);
  const locks = registerLocks(context, log);
  registerHistory(context, log);
  registerGatesEditor(context, log);
  return { version: context.extension.packageJSON.version as string, gates, checklist, charts, audit, canary, locks };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
