// The VS Code face of the DCTS audit: "Aurora: Run DCTS Audit", and the audit's status, kept current
// from artifacts/dcts_audit/report.json (written by the command or by `aurora-ga dcts-audit`) and
// published through the API and an event for the Gates view.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { InputError } from '../../core/util';
import { buildAuditView, unreadableAuditView, type AuditViewModel } from './model';
import { AUDIT_REPORT } from './settings';
import { debounce, disposeAll, toDisposable } from '../shared';

const POLL_MS = 3000;

export interface AuditApi {
  /** The last audit's status (undefined while no report exists). */
  readonly current: AuditViewModel | undefined;
  /** Fires whenever `current` changes: after the command, or when a report is written or removed. */
  readonly onDidChange: vscode.Event<AuditViewModel | undefined>;
  /** Whether the view showing the status is visible: the backup poll runs only then (and checks at once when it becomes visible). */
  setVisible(visible: boolean): void;
  /** Whether the backup poll is running (for tests). */
  readonly polling: boolean;
}

export function registerAudit(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AuditApi {
  const changed = new vscode.EventEmitter<AuditViewModel | undefined>();
  let current: AuditViewModel | undefined;
  let generation = 0;

  const set = (model: AuditViewModel | undefined) => {
    current = model;
    changed.fire(model);
  };

  // What each report file looked like when it was last read; the poll below reloads whenever the
  // file differs from that, so a missed or superseded event can never leave the status stale.
  const loaded = new Map<string, string>();
  const stampOf = (file: string) => fs.stat(file).then((st) => `${st.mtimeMs}:${st.size}`, () => 'absent');

  // The first folder holding a report wins; reads that finish out of order cannot overwrite a newer one.
  const reload = async () => {
    const mine = ++generation;
    const { readAuditReport } = await import('./reportFile.js');
    let next: AuditViewModel | undefined;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = path.join(folder.uri.fsPath, AUDIT_REPORT);
      loaded.set(file, await stampOf(file));
      try {
        next = buildAuditView(await readAuditReport(file, AbortSignal.timeout(10_000)), file);
        break;
      } catch (err) {
        if (err instanceof InputError && err.code === 'not-found') continue;
        const problem = err instanceof InputError ? err.format() : (err as Error).message;
        log.warn(`DCTS audit report: ${problem}`);
        next = unreadableAuditView(file, problem);
        break;
      }
    }
    if (mine !== generation) return;
    log.debug(`DCTS audit status: ${next ? `${next.status} from ${next.reportFile}` : 'no report'}`);
    set(next);
  };

  const scheduleReload = debounce(() => void reload(), 150);
  // One watcher per folder, on the exact path. Watchers can stay silent for a whole session (seen in
  // code-server on a loaded machine; also known on network and WSL file systems), so a cheap stat
  // every few seconds backs them up: the status never lags a CLI run by more than that.
  const watchers: vscode.Disposable[] = [];
  const watch = () => {
    disposeAll(watchers);
    watchers.push(...(vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, AUDIT_REPORT));
      return [w, w.onDidCreate(scheduleReload), w.onDidChange(scheduleReload), w.onDidDelete(scheduleReload)];
    }));
  };
  watch();
  const checkStamps = () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = path.join(folder.uri.fsPath, AUDIT_REPORT);
      void stampOf(file).then((stamp) => {
        if (loaded.has(file) && loaded.get(file) !== stamp) scheduleReload();
      });
    }
  };
  // Nobody sees the status while its view is hidden: the poll then stops (the watchers stay).
  let poll: NodeJS.Timeout | undefined;
  const setVisible = (visible: boolean) => {
    if (visible && !poll) {
      checkStamps();
      poll = setInterval(checkStamps, POLL_MS);
    } else if (!visible && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  };

  context.subscriptions.push(
    toDisposable(() => setVisible(false)),
    changed,
    toDisposable(() => disposeAll(watchers)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      scheduleReload();
    }),
    scheduleReload,
    vscode.commands.registerCommand('aurora.runDctsAudit', async () => {
      // The audit itself (globbing, reading, statistics, history) loads when it is first run.
      const { runAuditCommand } = await import('./runCommand.js');
      const run = await runAuditCommand(log);
      if (!run) return undefined;
      generation++;
      set(buildAuditView({ ...run.report, legacy: false }, run.reportFile));
      const open = 'Open Summary';
      const status = run.report.status === 'NO_DATA' ? 'NO DATA' : run.report.status;
      const say = run.report.status === 'PASS' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
      void say(`Aurora: DCTS audit ${status} — ${current!.description}`, open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(run.summaryFile));
      });
      return run.report;
    }),
  );
  void reload();

  return {
    get current() {
      return current;
    },
    onDidChange: changed.event,
    setVisible,
    get polling() {
      return poll !== undefined;
    },
  };
}
