// The state behind the Canary view: the sequence running now, the ones on disk, and "Run Canary".
import { ARTIFACTS } from '../../core/artifacts';
import path from 'node:path';
import * as vscode from 'vscode';
import { pickFolder, withCancellableProgress } from '../shared';
import type { CanaryOverrides, CanaryPlan, CanaryResults, GatingMode } from '../../core/canary';
import { InputError } from '../../core/util';
import { runNode, runningNode, runningSequence, type RunNodeModel } from './model';
import { pickGating, pickProfile, pickRuns } from './pick';
import { readCanarySettings } from './settings';
import type { CanaryTreeProvider } from './tree';

/** Arguments of aurora.runCanary; with `profile` or `demo` given nothing is asked. */
export interface RunCanaryArgs {
  profile?: string;
  demo?: boolean;
  runs?: number;
  gating?: GatingMode;
  timeout?: number;
  interval?: number;
  concurrency?: number;
  configFile?: string;
}

const DEFAULT_ARTIFACTS: string = ARTIFACTS.canaryDir;

export class CanaryController implements vscode.Disposable {
  private running: Promise<CanaryResults | undefined> | undefined;
  private live: { name: string; planned: number; demo: boolean; runs: Map<number, RunNodeModel> } | undefined;
  private artifactsDir = DEFAULT_ARTIFACTS;
  private abort: AbortController | undefined;
  /** The last message shown to the user about a run (tests read it through the API). */
  lastMessage: string | undefined;
  resultsFile: string | undefined;

  constructor(
    private readonly tree: CanaryTreeProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Stops the running sequence (the notification's Cancel does the same). */
  cancel(): void {
    this.abort?.abort();
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  folder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  /** Re-reads past sequences from artifacts/canary/ (the live sequence, if any, stays on top). */
  async refresh(): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    const root = folder.uri.fsPath;
    const { listSequences, modelFromHistory } = await import('./sequences.js');
    try {
      const model = modelFromHistory(await listSequences(path.resolve(root, this.artifactsDir), AbortSignal.timeout(10000)), root);
      if (this.live) {
        const liveName = this.live.name;
        const rest = [model.latest, ...model.past].filter((s) => s && s.name !== liveName) as typeof model.past;
        this.tree.model = { latest: this.liveModel(), past: rest };
      } else this.tree.model = model;
    } catch (err) {
      this.log.warn(`canary: cannot read ${this.artifactsDir}: ${(err as Error).message}`);
    }
  }

  private signature = '';

  /** Refreshes when artifacts/canary changed since the last look (a sequence run by the CLI, say). */
  async pollOnce(): Promise<void> {
    const folder = this.folder();
    if (!folder || this.running) return;
    const { historySignature } = await import('./sequences.js');
    const sig = await historySignature(path.resolve(folder.uri.fsPath, this.artifactsDir));
    if (sig === this.signature) return;
    this.signature = sig;
    await this.refresh();
  }

  private liveModel() {
    const l = this.live!;
    return runningSequence(l.name, l.planned, [...l.runs.values()], l.demo);
  }

  private showLive(): void {
    this.tree.model = { latest: this.liveModel(), past: this.tree.model.latest && this.tree.model.latest.name !== this.live!.name ? [this.tree.model.latest, ...this.tree.model.past] : this.tree.model.past };
  }

  run(args: RunCanaryArgs = {}): Promise<CanaryResults | undefined> {
    if (this.running) {
      void vscode.window.showInformationMessage('Aurora: a canary is already running; see its progress notification.');
      return this.running;
    }
    void vscode.commands.executeCommand('setContext', 'aurora.canaryRunning', true);
    this.running = this.runOnce(args).finally(() => {
      this.running = undefined;
      this.live = undefined;
      void vscode.commands.executeCommand('setContext', 'aurora.canaryRunning', false);
    });
    return this.running;
  }

  private async tell(kind: 'info' | 'warn' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    this.lastMessage = message;
    this.log[kind === 'warn' ? 'warn' : kind === 'error' ? 'error' : 'info'](message);
    const show = kind === 'info' ? vscode.window.showInformationMessage : kind === 'warn' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    return show(message, ...actions);
  }

  private async runOnce(args: RunCanaryArgs): Promise<CanaryResults | undefined> {
    if (!vscode.workspace.isTrusted) {
      // A canary executes the command the workspace configures; that is exactly what trust is for.
      const manage = 'Manage Workspace Trust';
      void this.tell('warn', 'Aurora: Run Canary is disabled in an untrusted workspace, because it would execute the command and profile this workspace configures. Trust the workspace to run a canary.', manage).then((c) => {
        if (c === manage) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return undefined;
    }
    const folder = await pickFolder('Run the canary');
    if (!folder) {
      void this.tell('warn', 'Aurora: open a folder first; the canary writes its results into artifacts/ of the workspace.');
      return undefined;
    }
    const settings = readCanarySettings(folder);
    const interactive = args.profile === undefined && !args.demo;
    const choice = interactive ? await pickProfile(folder, settings.profile) : args.demo ? { demo: true as const } : { demo: false as const, profile: args.profile! };
    if (!choice) return undefined;
    const runs = args.runs ?? (interactive ? await pickRuns(settings.overrides.runs ?? 10) : settings.overrides.runs);
    if (interactive && runs === undefined) return undefined;
    const gating = args.gating ?? (interactive ? await pickGating(settings.overrides.gating ?? 'soft') : settings.overrides.gating);
    if (interactive && gating === undefined) return undefined;

    const overrides: CanaryOverrides = {
      ...settings.overrides,
      runs,
      gating,
      ...(args.timeout !== undefined ? { timeout_seconds: args.timeout } : {}),
      ...(args.interval !== undefined ? { interval_seconds: args.interval } : {}),
      ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
    };
    const root = folder.uri.fsPath;
    const { currentWasReplaced, planCanary, ProfileLockError, runCanary } = await import('./runner.js');
    let plan: CanaryPlan;
    try {
      plan = await planCanary(
        { root, demo: choice.demo, profile: choice.demo ? undefined : choice.profile, configFile: choice.demo ? undefined : (args.configFile ?? settings.configFile), overrides, node: process.execPath },
        AbortSignal.timeout(30000),
      );
    } catch (err) {
      if (err instanceof ProfileLockError) {
        const open = 'Open Profile';
        void this.tell('error', `Aurora: canary not started — the profile lock is broken: ${err.message}`, open).then((c) => {
          if (c === open && !choice.demo) void vscode.window.showTextDocument(vscode.Uri.file(choice.profile));
        });
        return undefined;
      }
      if (err instanceof InputError) {
        void this.tell('error', `Aurora: canary not started: ${err.format()}`);
        return undefined;
      }
      throw err;
    }
    this.artifactsDir = plan.config.artifacts_dir;
    const demo = plan.config.data_mode === 'demo';
    this.log.info(`canary: ${plan.profile}, ${plan.config.runs} runs, gating ${plan.config.gating}, lock ${plan.lock.status}${demo ? ' (DEMO)' : ''}`);

    // Cancelled from the notification or by Aurora: Cancel Canary (this.abort), whichever comes first.
    const cancel = new AbortController();
    this.abort = cancel;
    const results = await withCancellableProgress(
      { title: `Aurora: Canary${demo ? ' (DEMO)' : ''}`, outer: cancel.signal },
      async (signal, progress) => {
        let healthy = 0;
        try {
          return await runCanary(plan, signal, (p) => {
            switch (p.kind) {
              case 'sequence-start':
                this.live = { name: path.basename(p.sequenceDir), planned: p.plannedRuns, demo, runs: new Map() };
                this.showLive();
                progress.report({ message: `starting ${p.plannedRuns} runs` });
                break;
              case 'run-start':
                this.live?.runs.set(p.runId, runningNode(p.runId, p.runDir, `seq:${this.live.name}`));
                this.showLive();
                break;
              case 'run-end':
                if (p.health.healthy) healthy++;
                this.live?.runs.set(p.run.run_id, runNode(p.run, p.health, root, `seq:${this.live.name}`));
                this.showLive();
                this.log.info(`canary run ${p.run.run_id}: ${p.run.outcome}${p.health.healthy ? ', healthy' : `, ${p.health.reason ?? p.run.reason ?? 'unhealthy'}`}`);
                progress.report({ increment: 100 / p.plannedRuns, message: `${p.finished}/${p.plannedRuns} runs · ${healthy} healthy` });
                break;
              case 'hard-trip':
                progress.report({ message: `hard gating tripped in run ${p.runId} — stopping` });
                break;
              case 'waiting':
                progress.report({ message: `${this.live?.runs.size ?? 0}/${p.plannedRuns} runs · ${healthy} healthy · next in ${(p.ms / 1000).toFixed(1)}s` });
                break;
            }
          });
        } finally {
          this.abort = undefined;
        }
      },
    );
    this.resultsFile = plan.output;
    this.live = undefined;
    await this.refresh();
    const e = results.evaluation;
    const label = demo ? ' (DEMO data)' : '';
    const rates = `success ${(e.success_rate * 100).toFixed(1)}%, health ${(e.health_rate * 100).toFixed(1)}%`;
    const show = 'Show Canary';
    const open = 'Open Results';
    const act = (c: string | undefined) => {
      if (c === show) void vscode.commands.executeCommand('aurora.canary.focus');
      if (c === open) void vscode.window.showTextDocument(vscode.Uri.file(plan.output));
    };
    const replaced = e.cancelled === true && (await currentWasReplaced(plan, results));
    if (e.cancelled) void this.askToReplace(plan, results, label, replaced).then(act);
    else if (e.hard_trip) void this.tell('error', `Aurora: canary FAIL — hard gating tripped in run ${e.hard_trip_run_id}${label}.`, show, open).then(act);
    else if (e.overall_passed) void this.tell('info', `Aurora: canary PASS — ${rates}${label}.`, show, open).then(act);
    else void this.tell('warn', `Aurora: canary FAIL — ${rates}: ${(e.failure_reasons ?? []).join('; ')}${label}.`, show, open).then(act);
    return results;
  }

  /** A cancelled sequence never silently replaces completed results: the user chooses. */
  private async askToReplace(plan: CanaryPlan, results: CanaryResults, label: string, replaced: boolean): Promise<string | undefined> {
    const e = results.evaluation;
    const partial = `Aurora: canary cancelled after ${e.total_runs} of ${e.planned_runs} runs${label}`;
    if (replaced) return this.tell('info', `${partial}; partial results written.`, 'Show Canary');
    const replace = 'Replace Current Results';
    const choice = await this.tell('warn', `${partial}. Its partial results are kept in ${results.sequence_dir}; the current results (a completed sequence) were left unchanged.`, 'Keep Current', replace, 'Show Canary');
    if (choice !== replace) return choice;
    const { writeCurrentResults } = await import('./runner.js');
    await writeCurrentResults(plan.output, results);
    this.log.info(`canary: partial results of ${results.sequence_dir} made current at the user's request`);
    await this.refresh();
    return undefined;
  }

  dispose(): void {
    // Closing the window must not leave a canary's process groups running.
    this.abort?.abort();
  }
}
