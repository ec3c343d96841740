import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { findQueries, sampleValues, singleCheckGates, substituteTracked } from '../../core/gatesEditor';
import { runGates } from '../../core/gates';
import { explainQuery } from '../../core/promql';
import { InputError } from '../../core/util';
import type { CheckResult } from '../../core/verdict';
import { SHOW_CHART } from '../charts/commandIds';
import { resolveGateSettings } from '../gates/settings';
import type { GatesDocuments } from './documents';
import type { ServerCatalog } from './server';

import { EXPLAIN_CHECK, RUN_CHECK } from './commandIds';

const ICON: Record<CheckResult['outcome'], string> = { PASS: '$(pass)', WARN: '$(warning)', FAIL: '$(error)', INCONCLUSIVE: '$(circle-slash)', NO_DATA: '$(question)', ERROR: '$(debug-disconnect)' };

/** A check's last Run, shown in its lens: "0.2498 — above the limit 0.15". */
function resultTitle(c: CheckResult): string {
  const value = c.value === null ? 'no value' : String(Number(c.value.toPrecision(6)));
  if (c.outcome === 'ERROR' || c.outcome === 'NO_DATA') return `${ICON[c.outcome]} ${c.outcome}: ${c.message.slice(0, 80)}`;
  return `${ICON[c.outcome]} ${value} (required ${c.comparator} ${c.threshold}): ${c.outcome}`;
}

/** What the Run and Explain commands (registered at activation, register.ts) call. */
export interface CheckCommands {
  run(uri: vscode.Uri, gate: number, check: number): Promise<CheckResult | undefined>;
  explain(uri: vscode.Uri, gate: number, check: number): Promise<string | undefined>;
}

/**
 * CodeLens on each check of a gates file: "Run" evaluates that one check now with the engine and
 * settings Evaluate Gates uses and shows the result in the lens; "Explain" (checks with a query)
 * runs the query's parts and marks the first one that returns nothing; "Chart" (checks whose query is
 * a series) opens the chart panel (src/providers/charts).
 */
export function registerCheckLens(documents: GatesDocuments, catalog: ServerCatalog, secrets: vscode.SecretStorage, log: vscode.LogOutputChannel) {
  const results = new Map<string, CheckResult>();
  const changed = new vscode.EventEmitter<void>();
  const explained = vscode.languages.createDiagnosticCollection('aurora-explain');
  const key = (uri: vscode.Uri, c: { gate: number; check: number }) => `${uri.toString()}#${c.gate}/${c.check}`;

  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!documents.is(document)) return [];
      const outline = findQueries(document.getText());
      return outline.checks.flatMap((c) => {
        const at = new vscode.Range(document.positionAt(c.start), document.positionAt(c.start));
        const last = results.get(key(document.uri, c));
        const lenses = [new vscode.CodeLens(at, { title: last ? resultTitle(last) : '$(play) Run', command: RUN_CHECK, arguments: [document.uri, c.gate, c.check], tooltip: 'Evaluate this check now, as Evaluate Gates would' })];
        const queries = outline.queries.filter((q) => q.gate === c.gate && q.check === c.check);
        if (queries.length) {
          lenses.push(new vscode.CodeLens(at, { title: 'Explain', command: EXPLAIN_CHECK, arguments: [document.uri, c.gate, c.check], tooltip: 'Run the query’s parts and point at the first that returns nothing' }));
        }
        // A check's own `query` is a series over the window (promql, promql_range, a samples comparison).
        if (queries.some((q) => q.field === 'query')) {
          lenses.push(new vscode.CodeLens(at, { title: '$(graph-line) Chart', command: SHOW_CHART, arguments: [document.uri, c.gate, c.check], tooltip: 'Chart the check’s series over the evaluation window, with its threshold and the points beyond it' }));
        }
        return lenses;
      });
    },
  };

  async function run(uri: vscode.Uri, gate: number, check: number): Promise<CheckResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Aurora: Run evaluates the workspace’s gates file, so it needs a trusted workspace.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const settings = await resolveGateSettings(secrets);
    if (settings.missing) {
      void vscode.window.showWarningMessage(`Aurora: ${settings.missing.message}`);
      return undefined;
    }
    // The buffer as it is (unsaved edits included), reduced to this one check.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-run-'));
    const file = path.join(tmp, path.basename(uri.fsPath));
    try {
      fs.writeFileSync(file, singleCheckGates(document.getText(), gate, check, uri.fsPath));
      const { report } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Aurora: running check' }, () =>
        runGates({ ...settings.request, gatesFile: file }, AbortSignal.timeout(120_000)),
      );
      const result = report.gates[0]?.checks[0];
      if (!result) return undefined;
      results.set(key(uri, { gate, check }), result);
      changed.fire();
      log.info(`run ${result.check_id}: ${result.outcome} — ${result.message}`);
      return result;
    } catch (err) {
      const message = err instanceof InputError ? err.format() : (err as Error).message;
      void vscode.window.showErrorMessage(`Aurora: the check could not run: ${message}`);
      return undefined;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  async function explain(uri: vscode.Uri, gate: number, check: number): Promise<string | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const outline = findQueries(document.getText());
    const q = outline.queries.find((x) => x.gate === gate && x.check === check);
    const deps = await catalog.explainer();
    if (!q || !deps) {
      void vscode.window.showWarningMessage('Aurora: Explain needs a query and a Prometheus URL (auroraGa.prometheus.url) in a trusted workspace.');
      return undefined;
    }
    const settings = await resolveGateSettings(secrets);
    const values = sampleValues(outline.variables, outline.step, { window: `${settings.request.windowHours ?? 48}h`, ...(settings.request.variables ?? {}) });
    const sub = substituteTracked(q.template, values);
    const e = await explainQuery(sub.text, deps, AbortSignal.timeout(60_000));
    if (!e.culprit) {
      explained.delete(uri);
      void vscode.window.showInformationMessage(`Aurora: every part of ${q.checkId ?? 'the query'} returns series now (${e.steps.length} parts run).`);
      return undefined;
    }
    const from = q.offsets ? q.offsets[sub.origin[e.culprit.from]] : q.range[0];
    const to = q.offsets ? q.offsets[sub.origin[Math.max(e.culprit.from, e.culprit.to - 1)]] + 1 : q.range[1];
    const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(from), document.positionAt(to)), e.culprit.message, vscode.DiagnosticSeverity.Information);
    d.source = 'Aurora explain';
    explained.set(uri, [d]);
    void vscode.window.showInformationMessage(`Aurora: ${e.culprit.message}`);
    return e.culprit.message;
  }

  const disposable = vscode.Disposable.from(
    changed,
    explained,
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, provider),
    // A result belongs to the text it ran on.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const prefix = `${e.document.uri.toString()}#`;
      let any = false;
      for (const k of [...results.keys()]) if (k.startsWith(prefix)) any = results.delete(k) || any;
      explained.delete(e.document.uri);
      if (any) changed.fire();
    }),
  );
  return { disposable, commands: { run, explain } };
}

