import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { CanaryResults } from '../../src/core/canary/results';
import { activateAurora, EXTENSION_ID, waitFor, workspaceRoot } from './util';

describe('canary in VS Code', function () {
  this.timeout(60000);

  it('runs a canary from aurora.runCanary with arguments and fills the Canary view run by run', async () => {
    const api = await activateAurora();
    const root = workspaceRoot();
    const seen: number[] = [];
    // Sample the view while the sequence runs: it must fill in as runs finish, not only at the end.
    const poll = setInterval(() => {
      const latest = api.canary.model.latest;
      if (latest?.status === 'RUNNING') seen.push(latest.runs.filter((r) => r.state !== 'running').length);
    }, 5);
    let results: CanaryResults | undefined;
    try {
      results = await vscode.commands.executeCommand<CanaryResults | undefined>('aurora.runCanary', { profile: 'canary/profile.yaml', configFile: 'canary/canary.yaml', runs: 4, gating: 'hard' });
    } finally {
      clearInterval(poll);
    }
    assert.ok(results, `no results: ${api.canary.lastMessage}`);
    assert.ok(seen.length > 0, 'the view showed the sequence while it ran');

    const latest = api.canary.model.latest!;
    assert.equal(latest.status, 'PASS');
    assert.equal(latest.successRate, 1);
    assert.equal(latest.healthRate, 0.75);
    assert.equal(latest.name, path.basename(results.sequence_dir!));
    assert.deepEqual(latest.runs.map((r) => r.state), ['healthy', 'healthy', 'unhealthy', 'healthy']);
    const sick = latest.runs[2];
    assert.match(sick.reason!, /has_decisions: r2_main_loop\.decisions = 0, needs > 0/);
    assert.deepEqual(sick.checks.map((c) => [c.label, c.ok]), [['has_decisions', false], ['has_executions', false], ['clean_exit', true], ['no_zero_budget', true]]);
    assert.ok(sick.durationS! > 0);
    assert.equal(results.profile_lock?.status, 'valid');
    assert.equal(api.canary.resultsFile, path.join(root, 'artifacts/canary_results.json'));
    assert.match(api.canary.lastMessage!, /^Aurora: canary PASS — success 100\.0%, health 75\.0%/);
    // The run got the gating flag the command was given.
    assert.match(fs.readFileSync(sick.logFile!, 'utf8'), /fixture run 3 gating --ci-gating hard/);

    // Opening a run's summary from its node shows that run's own file.
    await vscode.commands.executeCommand('aurora.canary.openSummary', sick);
    const editor = await waitFor('the summary editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === sick.summaryFile ? vscode.window.activeTextEditor : undefined);
    assert.equal(JSON.parse(editor.document.getText()).run, 3);
    await vscode.commands.executeCommand('aurora.canary.openLog', latest.runs[0]);
    await waitFor('the log editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === latest.runs[0].logFile);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists earlier sequences under past sequences and labels a demo run', async () => {
    const api = await activateAurora();
    const before = api.canary.model.latest?.name;
    const results = await vscode.commands.executeCommand<CanaryResults | undefined>('aurora.runCanary', { demo: true, runs: 3, interval: 0 });
    assert.ok(results, api.canary.lastMessage);
    assert.equal(results.data_mode, 'demo');
    const model = api.canary.model;
    assert.equal(model.latest!.dataMode, 'demo');
    assert.match(model.latest!.label, /^DEMO /);
    assert.equal(api.canary.view.description, 'DEMO data');
    assert.match(api.canary.lastMessage!, /\(DEMO data\)/);
    assert.ok(before && model.past.some((s) => s.name === before), 'the previous sequence moved to past sequences');
  });

  it('asks for profile, runs and gating when run from the palette', async () => {
    const api = await activateAurora();
    const cfg = vscode.workspace.getConfiguration('auroraGa.canary');
    await cfg.update('runs', 2, vscode.ConfigurationTarget.Workspace);
    await cfg.update('intervalSeconds', 0, vscode.ConfigurationTarget.Workspace);
    try {
      const pending = Promise.resolve(vscode.commands.executeCommand<CanaryResults | undefined>('aurora.runCanary'));
      // Answer whichever question the extension is asking now, again until it moves on: the quick
      // input may not take commands yet when the question is first asked (no API tells when it
      // does). A list is accepted only once the wanted item is highlighted, so an early command that
      // was ignored can never accept another item.
      // 1/3 profile: the demo is the last item; 2/3 runs: the pre-filled setting (2); 3/3 gating: the default (soft) comes first.
      const answers: [string, string, string | undefined][] = [
        ['(1/3)', 'quickInput.last', '$(beaker) Demo'],
        ['(2/3)', '', undefined],
        ['(3/3)', 'quickInput.first', 'soft'],
      ];
      let settled = false;
      void pending.finally(() => (settled = true));
      while (!settled) {
        const asked = api.canary.question;
        const answer = asked ? answers.find(([step]) => asked.includes(step)) : undefined;
        if (answer) {
          const [, move, wanted] = answer;
          if (move) await vscode.commands.executeCommand(move);
          const ready = wanted === undefined || (await waitFor(`"${wanted}" highlighted`, () => api.canary.highlighted === wanted || undefined, 1000).catch(() => false));
          if (ready) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
        await waitFor('the question to move on', () => settled || api.canary.question !== asked, 2000).catch(() => undefined);
      }
      const results = await pending;
      assert.ok(results, api.canary.lastMessage);
      assert.equal(results.data_mode, 'demo');
      assert.equal(results.config.runs, 2);
      assert.equal(results.config.gating, 'soft');
      assert.equal(api.canary.model.latest!.runs.length, 2);
    } finally {
      await cfg.update('runs', undefined, vscode.ConfigurationTarget.Workspace);
      await cfg.update('intervalSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('follows a canary the CLI runs in a terminal: the view fills from its progress file while visible', async () => {
    const api = await activateAurora();
    await vscode.commands.executeCommand('aurora.canary.focus');
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
    const child = spawn(process.execPath, [cli, 'canary', '--demo', '--runs', '6', '--interval', '0.4'], { cwd: workspaceRoot(), stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      const partial = await waitFor('the CLI sequence with some runs in the view', () => {
        const l = api.canary.model.latest;
        return l?.label === 'DEMO RUNNING (elsewhere)' && l.runs.length > 0 && l.runs.length < 6 ? l : undefined;
      }, 20000);
      assert.equal(partial.plannedRuns, 6);
      assert.equal(await exited, 0);
      const done = await waitFor('the CLI results in the view', () => (api.canary.model.latest?.name === partial.name && api.canary.model.latest.status === 'PASS' ? api.canary.model.latest : undefined), 10000);
      assert.equal(done.runs.length, 6);
    } finally {
      child.kill();
    }
  });

  it('refuses a profile whose lock is broken, with the reason, and starts no run', async () => {
    const api = await activateAurora();
    const root = workspaceRoot();
    const profile = path.join(root, 'canary/profile.yaml');
    const original = fs.readFileSync(profile, 'utf8');
    const countBefore = fs.readdirSync(path.join(root, 'artifacts/canary')).length;
    fs.writeFileSync(profile, original.replace('min_decisions: 1', 'min_decisions: 0'));
    try {
      const results = await vscode.commands.executeCommand('aurora.runCanary', { profile: 'canary/profile.yaml', configFile: 'canary/canary.yaml', runs: 1 });
      assert.equal(results, undefined);
      assert.match(api.canary.lastMessage!, /canary not started — the profile lock is broken: .*acceptance\.min_decisions 1 → 0/);
      assert.equal(fs.readdirSync(path.join(root, 'artifacts/canary')).length, countBefore);
    } finally {
      fs.writeFileSync(profile, original);
    }
  });

  it('cancels a running canary from the view: partial results, no run process left', async () => {
    const api = await activateAurora();
    const pending = vscode.commands.executeCommand<CanaryResults | undefined>('aurora.runCanary', { demo: true, runs: 50, interval: 0.3 });
    const latest = await waitFor('a run to finish', () => (api.canary.model.latest?.status === 'RUNNING' && api.canary.model.latest.runs.some((r) => r.state !== 'running') ? api.canary.model.latest : undefined));
    const seqDir = path.join(workspaceRoot(), 'artifacts/canary', latest.name);
    await vscode.commands.executeCommand('aurora.canary.cancel');
    const results = await pending;
    assert.ok(results);
    assert.equal(results.evaluation.cancelled, true);
    assert.ok(results.evaluation.total_runs < 50);
    assert.equal(api.canary.running, false);
    assert.match(api.canary.lastMessage!, /canary cancelled after \d+ of 50 runs/);
    // No process anywhere still has this sequence's run directory on its command line.
    const left = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(seqDir) && !/^[ZX]/.test(fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]);
      } catch {
        return false;
      }
    });
    assert.deepEqual(left, []);
  });
});
