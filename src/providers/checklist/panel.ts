import { ARTIFACTS } from '../../core/artifacts';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { checkWorkspaceLocks } from '../../core/lock';
import { prepareSigner, systemSshKeygen, verifyCurrent } from '../../core/attest';
import { type ChecklistChange, ChecklistSession, type ChecklistView, type EvaluatedChecklist, type HostMessage, type LoadOptions, renderMarkdown, signingWarnings, type StateChange, type WebviewMessage, webviewMessageSchema } from '../../core/checklist';
import { InputError, writeFileAtomic } from '../../core/util';
import { debounce, disposeAll, type Debounced, loadWebview, mediaText, openLink, type WebviewLoad } from '../shared';
import { showGateReportJson, showGateReportPreview } from '../shared/gateReportPreview';
import type { ChartSet, RenderedChart } from '../../core/charts';
import type { GateReport } from '../../core/verdict';
import { loadSource } from '../charts/loadSource';
import type { ChartSource } from '../charts/sources';
import { checklistHtml } from './html';

/** Where "Export Markdown" writes, relative to the workspace root. */
export const EXPORT_PATH = ARTIFACTS.checklistExport;

export type Rendered = Extract<WebviewMessage, { type: 'rendered' }> & { at: number };

/** One checklist panel: draws the view, applies the webview's (validated) messages, follows file changes. */
export class ChecklistPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly refill: Debounced = debounce(() => void this.refresh(), 400);
  private readonly abort = new AbortController();
  private readonly ssh = systemSshKeygen();
  /** The evidence read once and kept until its files change (or a sign-off): a tick does not re-read it. */
  private readonly session: ChecklistSession | undefined;
  current: EvaluatedChecklist | undefined;
  rendered: Rendered | undefined;
  readyCount = 0;
  /** The page's load, and whether it had to be set again. */
  readonly load: WebviewLoad;
  /** What the webview last reported drawing of each chart, by `gate/check`. */
  readonly chartsRendered = new Map<string, RenderedChart>();
  /** Charts loaded, by report timestamp, gate and check: loaded once per report. */
  private readonly charts = new Map<string, Promise<ChartSet>>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDisposed: () => void,
    /** The folder the checklist belongs to (chosen once, by the multi-root policy of src/providers/shared/folders.ts). */
    private readonly folder: vscode.WorkspaceFolder | undefined,
    /** Asks before signing what the checklist decides NO-GO (the person decides; a modal by default). */
    private readonly confirm: (warning: string) => Thenable<boolean>,
    /** The Prometheus credentials the charts of failing checks are queried with. */
    private readonly secrets: vscode.SecretStorage,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'aurora.svg');
    this.load = loadWebview(
      panel,
      () => checklistHtml({ readMedia: mediaText(extensionUri) }),
      () => this.readyCount > 0,
      () => log.warn('checklist: the webview did not start; loading its page again'),
    );
    this.disposables.push(
      this.load,
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      this.refill,
      // Readiness runs only in a trusted workspace: once trusted, the evidence is read again.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.session?.invalidate();
        this.refill();
      }),
    );
    const root = this.root();
    this.session = root ? new ChecklistSession(root, () => this.options()) : undefined;
    if (root) {
      // New gate reports, canary results, audits, locks or VERSION change the answers: refill.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '{artifacts/**,**/*.lock.json,**/*.yaml.lock,VERSION}'));
      const changed = (uri: vscode.Uri) => {
        if (uri.fsPath === this.current?.stateFile) return;
        this.session?.invalidate();
        this.refill();
      };
      this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
  }

  root(): string | undefined {
    return this.folder?.uri.fsPath;
  }

  private options(): LoadOptions {
    return { lockChecker: checkWorkspaceLocks, runReadiness: vscode.workspace.isTrusted, ssh: this.ssh };
  }

  /** Fills in what `aurora-ga verify` would find for the current state, then draws. */
  private async showVerified(c: EvaluatedChecklist): Promise<void> {
    const root = this.root();
    try {
      if (root) c.view.verification = await verifyCurrent(root, c, this.abort.signal);
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.log.warn(`checklist: verification failed to run: ${(err as Error).message}`);
    }
    this.show(c.view);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private show(view: ChecklistView): void {
    this.post({ type: 'view', view });
  }

  /** Runs one job at a time: a change must see the state the previous change wrote. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Redraws from the kept evidence; `reread` (the webview's Refresh, a reveal) reads it again first. */
  refresh(reread = false): Promise<void> {
    return this.serial(async () => {
      const session = this.session;
      if (!session) {
        this.post({ type: 'notice', level: 'error', text: 'Open a folder: the checklist reads its artifacts/ and keeps its state in artifacts/ga/checklist.json.' });
        void vscode.window.showWarningMessage('Aurora: open a folder to use the GA checklist.');
        return;
      }
      const t0 = Date.now();
      if (reread) session.invalidate();
      this.current = await session.evaluate(this.abort.signal);
      this.log.info(`checklist: ${this.current.decision.decision} (${Date.now() - t0} ms)`);
      await this.showVerified(this.current);
    });
  }

  /** Handles a message exactly as it came from the webview: validated first, anything else ignored and logged. */
  receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.log.warn(`checklist: ignored an invalid message from the webview (${issue.path.join('.') || 'message'}: ${issue.message})`);
      return Promise.resolve();
    }
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
        this.readyCount++;
        return this.refresh();
      case 'refresh':
        return this.refresh(true);
      case 'rendered':
        this.rendered = { ...m, at: Date.now() };
        return Promise.resolve();
      case 'exportMarkdown':
        return this.exportMarkdown();
      case 'openSource':
        return this.openSource(m.file);
      case 'openReport':
        return this.openReport(m.as);
      case 'chart':
        return this.chart(m.gate, m.check);
      case 'openInPrometheus':
        return this.openInPrometheus(m.gate, m.check);
      case 'chartRendered':
        this.chartsRendered.set(`${m.gate}/${m.chart.checkId}`, m.chart);
        return Promise.resolve();
      default:
        return this.change(m);
    }
  }

  private change(m: StateChange): Promise<void> {
    return this.serial(async () => {
      const session = this.session;
      if (!session) return;
      try {
        const change = m.type === 'signOff' ? await this.signing(session, m) : m;
        if (!change) return;
        this.current = await session.update(change, this.abort.signal);
        this.log.info(`checklist: ${m.type}${'id' in m ? ` ${m.id}` : ''}${'role' in m ? ` ${m.role}` : ''} saved to ${this.current.stateFile}`);
        if (m.type === 'signOff') {
          const s = this.current.view.signoffs.find((x) => x.role === m.role);
          void vscode.window.showInformationMessage(`Aurora: ${s?.title ?? m.role} sign-off saved — ${s?.signatureDetail ?? ''}; bound to gate report ${this.current.fingerprint.gateReportSha256?.slice(0, 12)}…`);
        }
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        this.log.warn(`checklist: ${m.type} refused: ${err.format()}`);
        this.post({ type: 'notice', level: 'error', text: `Nothing was saved: ${err.format()}` });
        this.current = await session.evaluate(this.abort.signal);
      }
      await this.showVerified(this.current);
    });
  }

  /**
   * A sign-off from the webview: warns on NO-GO (the person decides), then signs with the SSH key of
   * `auroraGa.signing.key`; without one, only a policy that counts unsigned sign-offs records a name.
   * Returns undefined when nothing is to be saved (and says why).
   */
  private async signing(session: ChecklistSession, m: Extract<StateChange, { type: 'signOff' }>): Promise<ChecklistChange | undefined> {
    session.invalidate();
    const now = await session.evaluate(this.abort.signal);
    for (const w of signingWarnings(now)) {
      if (!(await this.confirm(`Aurora: ${w}`))) {
        this.post({ type: 'notice', level: 'info', text: 'Nothing was signed: signing was cancelled at the NO-GO warning.' });
        return undefined;
      }
    }
    const key = vscode.workspace.getConfiguration('auroraGa.signing', this.folder).get<string>('key', '').trim();
    if (!key) {
      if (now.trust.policy.count_unsigned) return m;
      const open = 'Open Settings';
      this.post({ type: 'notice', level: 'error', text: "Nothing was signed: set auroraGa.signing.key to your SSH key (as for git commit signing); name-only sign-offs do not count under this repository's policy." });
      void vscode.window.showErrorMessage('Aurora: no signing key — set auroraGa.signing.key to your SSH key (a private key file, or a .pub with the key in ssh-agent).', open).then((c) => {
        if (c === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'auroraGa.signing.key');
      });
      return undefined;
    }
    const signer = await prepareSigner(session.root, key.replace(/^~(?=\/)/, os.homedir()), m.role, m.name, this.ssh, this.abort.signal);
    return { ...m, name: signer.principal, signer: signer.sign };
  }

  private async exportMarkdown(): Promise<void> {
    const root = this.root();
    const session = this.session;
    if (!root || !session) return;
    const c = await this.serial(() => session.evaluate(this.abort.signal));
    const file = path.join(root, EXPORT_PATH);
    await writeFileAtomic(file, renderMarkdown(c.view, c.answers));
    this.log.info(`checklist: exported ${file}`);
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  /** The gate report the checklist read (never a path from the webview): as a readable preview, or its JSON. */
  private async openReport(as: 'preview' | 'json'): Promise<void> {
    const root = this.root();
    const file = this.current?.view.sources.find((s) => s.name === 'Gate report')?.file;
    if (!root || !file) {
      this.post({ type: 'notice', level: 'error', text: 'There is no gate report to open: evaluate the gates first.' });
      return;
    }
    const abs = path.resolve(root, file);
    try {
      if (as === 'json') await showGateReportJson(abs);
      else this.log.info(`checklist: gate report preview ${(await showGateReportPreview(abs, this.abort.signal)).fsPath}`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.post({ type: 'notice', level: 'error', text: `The gate report cannot be shown: ${err.format()}` });
    }
  }

  /** The current report's gate and check, as a chart source: the window its evaluation used. */
  private chartSource(gateKey: string, checkId: string): { report: GateReport; source: ChartSource } | undefined {
    const gates = this.current?.inputs.gates;
    if (gates?.state !== 'ok') return undefined;
    const report = gates.value;
    const gate = report.gates.find((g) => g.key === gateKey);
    if (!gate?.checks.some((c) => c.check_id === checkId)) return undefined;
    const source: ChartSource = { kind: 'report', gateKey, gateName: gate.gate_name, checkIds: [checkId], at: report.evaluated_at ?? report.timestamp, windowHours: report.window_hours, ...(report.gates_file ? { gatesFile: report.gates_file } : {}) };
    return { report, source };
  }

  /** Loads a check's chart once per report (a refill redraws from the webview's copy) and sends it. */
  private async chart(gateKey: string, checkId: string): Promise<void> {
    const found = this.chartSource(gateKey, checkId);
    if (!found) return;
    const key = `${found.report.timestamp}|${gateKey}|${checkId}`;
    let set = this.charts.get(key);
    if (!set) {
      set = loadSource(found.source, this.secrets, AbortSignal.any([this.abort.signal, AbortSignal.timeout(120_000)]));
      this.charts.set(key, set);
      // A failure is not kept: the next refill may find the server up.
      set.catch(() => this.charts.delete(key));
    }
    const head = { type: 'chart' as const, timestamp: found.report.timestamp, gate: gateKey, check: checkId };
    try {
      const s = await set;
      const chart = s.charts[0];
      this.post({ ...head, result: chart ? { ok: true, chart, stepSeconds: s.stepSeconds } : { ok: false, error: 'the gates file has no such check' } });
    } catch (err) {
      if (this.abort.signal.aborted) return;
      const error = err instanceof InputError ? err.format() : (err as Error).message;
      this.log.warn(`checklist: no chart of ${gateKey}/${checkId}: ${error}`);
      this.post({ ...head, result: { ok: false, error } });
    }
  }

  private async openInPrometheus(gateKey: string, checkId: string): Promise<void> {
    const found = this.chartSource(gateKey, checkId);
    const link = found && (await this.charts.get(`${found.report.timestamp}|${gateKey}|${checkId}`)?.catch(() => undefined))?.charts[0]?.link;
    if (link) await openLink(link, this.log);
  }

  private async openSource(file: string): Promise<void> {
    const root = this.root();
    if (!root) return;
    const abs = path.resolve(root, file);
    // Only files of this workspace: the message comes from a webview and is not trusted.
    if (path.relative(root, abs).startsWith('..') || path.isAbsolute(path.relative(root, abs))) {
      this.log.warn(`checklist: refused to open ${file} (outside the workspace)`);
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(abs), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    this.abort.abort();
    this.onDisposed();
    disposeAll(this.disposables);
    this.panel.dispose();
  }
}
