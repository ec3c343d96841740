// The VS Code face of the GO/NO-GO checklist: "Aurora: Open GA Checklist" opens (or reveals) one
// webview panel; a serializer brings it back after a reload with its last view.
import * as vscode from 'vscode';
import type { RenderedChart } from '../../core/charts';
import type { ChecklistView } from '../../core/checklist';
import { pickFolder, webviewOptions } from '../shared';
import type { ChecklistPanel, Rendered } from './panel';

const CHECKLIST_VIEW_TYPE = 'aurora.checklist';

/** What extension tests read of the checklist, and how they drive it as the webview would. */
export interface ChecklistApi {
  /** Opens or reveals the panel and resolves once its view is filled. */
  open(): Promise<void>;
  /** Handles `message` exactly as if the webview had posted it (same validation), resolving when applied. */
  receive(message: unknown): Promise<void>;
  readonly view: ChecklistView | undefined;
  /** What the webview last reported drawing. */
  readonly rendered: Rendered | undefined;
  /** How many times the webview has said 'ready', and whether its panel shows (what a test waiting for a drawing reports on timeout). */
  readonly webviewState: { ready: number; reloads: number; visible: boolean; active: boolean } | undefined;
  readonly stateFile: string | undefined;
  readonly isOpen: boolean;
  /** The last warning shown before a sign-off (signing what the checklist decides NO-GO). */
  readonly lastSigningWarning: string | undefined;
  /**
   * Answers those warnings instead of the modal dialog (tests: the host refuses dialogs there;
   * automation that has asked its user already); undefined restores the dialog.
   */
  answerSigningWarnings(answer: ((warning: string) => boolean) | undefined): void;
  /** What the webview last reported drawing of the charts of failing and warning checks, by `gate/check`. */
  readonly charts: ReadonlyMap<string, RenderedChart>;
}

const SIGN_ANYWAY = 'Sign anyway';

export function registerChecklist(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ChecklistApi {
  let current: ChecklistPanel | undefined;
  let lastSigningWarning: string | undefined;
  let answer: ((warning: string) => boolean) | undefined;
  const confirm = async (warning: string): Promise<boolean> => {
    lastSigningWarning = warning;
    if (answer) return answer(warning);
    const detail = 'A sign-off records what you approved; it does not change the decision.';
    return (await vscode.window.showWarningMessage(warning, { modal: true, detail }, SIGN_ANYWAY)) === SIGN_ANYWAY;
  };
  const adopt = async (panel: vscode.WebviewPanel) => {
    const folder = await pickFolder('Open the GA checklist');
    // The panel (checklist engine, signing, lock checks) is loaded when a checklist is first opened.
    const { ChecklistPanel } = await import('./panel.js');
    const p = new ChecklistPanel(panel, context.extensionUri, log, () => {
      if (current === p) current = undefined;
    }, folder, confirm, context.secrets);
    current = p;
    context.subscriptions.push(p);
    return p;
  };
  const open = async () => {
    if (current) {
      current.panel.reveal();
      await current.refresh(true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(CHECKLIST_VIEW_TYPE, 'GA Checklist', vscode.ViewColumn.Active, { enableFindWidget: true, ...webviewOptions });
    await (await adopt(panel)).refresh();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('aurora.openChecklist', open),
    vscode.window.registerWebviewPanelSerializer(CHECKLIST_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        // The webview restores its last view from setState at once; the refresh brings fresh answers.
        panel.webview.options = webviewOptions;
        await (await adopt(panel)).refresh();
      },
    }),
  );
  return {
    open,
    receive: async (message) => {
      if (!current) await open();
      await current!.receive(message);
    },
    get view() {
      return current?.current?.view;
    },
    get rendered() {
      return current?.rendered;
    },
    get webviewState() {
      return current && { ready: current.readyCount, reloads: current.load.reloads, visible: current.panel.visible, active: current.panel.active };
    },
    get stateFile() {
      return current?.current?.stateFile;
    },
    get isOpen() {
      return current !== undefined;
    },
    get lastSigningWarning() {
      return lastSigningWarning;
    },
    answerSigningWarnings(a) {
      answer = a;
    },
    get charts() {
      return current?.chartsRendered ?? new Map<string, RenderedChart>();
    },
  };
}
