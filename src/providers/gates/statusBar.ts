import * as vscode from 'vscode';
import { relativeTime } from '../../core/util';
import { RelativeClock } from '../shared';
import { DECISION_ICON, decisionHeadline } from './decision';
import type { GatesViewModel } from './model';

/** The last decision and the gate that decided it in the status bar; a click opens the Gates view. */
export class GatesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aurora.gates.decision', vscode.StatusBarAlignment.Left, 50);
  private model: GatesViewModel | undefined;
  /** Keeps the tooltip's "3 min ago" true. */
  private readonly clock: RelativeClock;

  constructor(private readonly now: () => number = Date.now) {
    this.item.name = 'Aurora GA decision';
    this.item.command = 'aurora.gates.focus';
    this.clock = new RelativeClock(() => this.render(), now);
    this.show(undefined);
  }

  /** Shows the model's decision, or a prompt to evaluate when there is none yet. */
  show(model: GatesViewModel | undefined, pendingMode?: string): void {
    this.model = model;
    this.clock.follow(model?.evaluatedAt);
    if (!model) {
      this.item.text = `$(circle-large-outline) GA: not evaluated${pendingMode && pendingMode !== 'live' ? ` [${pendingMode}]` : ''}`;
      this.item.tooltip = 'Aurora GA: no gate evaluation yet. Click to open the Gates view.';
      this.item.backgroundColor = undefined;
    } else {
      const mode = model.dataMode === 'live' ? '' : ` [${model.dataMode.toUpperCase()}]`;
      this.item.text = `$(${DECISION_ICON[model.decisionCode]}) GA: ${decisionHeadline(model.decisionCode, model.decidingGates)}${mode}`;
      this.item.backgroundColor = model.decisionCode === 'BLOCKED'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : model.decisionCode === 'APPROVED' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
      this.render();
    }
    this.item.show();
  }

  private render(): void {
    const m = this.model;
    if (!m) return;
    const note = m.dataMode === 'live' ? '' : `\n${m.dataMode.toUpperCase()} data: this result can never promote.`;
    const by = m.decidingGates.length ? `\nDecided by: ${m.decidingGates.join(', ')}` : '';
    this.item.tooltip = `${m.decision}${by}\nEvaluated ${relativeTime(m.evaluatedAt, this.now())} (${m.evaluatedAt}) over ${m.windowHours} h (${m.dataMode}).${note}\nClick to open the Gates view.`;
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '';
  }

  dispose(): void {
    this.clock.dispose();
    this.item.dispose();
  }
}
