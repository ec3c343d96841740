import * as vscode from 'vscode';
import type { DecisionCode } from '../../core/verdict';
import type { GatesViewModel } from './model';

const DECISION_ICON: Record<DecisionCode, string> = {
  APPROVED: 'pass-filled',
  CONDITIONAL: 'warning',
  INCONCLUSIVE: 'question',
  BLOCKED: 'error',
  ERROR: 'debug-disconnect',
};

/** The last decision in the status bar; a click opens the Gates view. */
export class GatesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aurora.gates.decision', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Aurora GA decision';
    this.item.command = 'aurora.gates.focus';
    this.show(undefined);
  }

  /** Shows the model's decision, or a prompt to evaluate when there is none yet. */
  show(model: GatesViewModel | undefined, pendingMode?: string): void {
    if (!model) {
      this.item.text = `$(circle-large-outline) GA: not evaluated${pendingMode && pendingMode !== 'live' ? ` [${pendingMode}]` : ''}`;
      this.item.tooltip = 'Aurora GA: no gate evaluation yet. Click to open the Gates view.';
      this.item.backgroundColor = undefined;
    } else {
      const mode = model.dataMode === 'live' ? '' : ` [${model.dataMode.toUpperCase()}]`;
      this.item.text = `$(${DECISION_ICON[model.decisionCode]}) GA: ${model.decisionCode}${mode}`;
      const note = model.dataMode === 'live' ? '' : `\n${model.dataMode.toUpperCase()} data: this result can never promote.`;
      this.item.tooltip = `${model.decision}\nEvaluated ${model.evaluatedAt} over ${model.windowHours} h (${model.dataMode}).${note}\nClick to open the Gates view.`;
      this.item.backgroundColor = model.decisionCode === 'BLOCKED'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : model.decisionCode === 'APPROVED' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
