import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { gatesHistory, SHIPPED_ALERT_RULES, writeWorkspace, type HistoryOptions, type WorkspaceOptions } from '../../support/gatesHistory';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../../support/prometheus';
import { captureIO } from './cliIO';

export const END = Math.floor(Date.now() / 60_000) * 60;

/** A temporary workspace (artifacts, logs) and, if asked, a real Prometheus holding a history. */
export interface Fixture {
  dir: string;
  prom?: RunningServer;
  close(): Promise<void>;
}

/** `rules: false` starts Prometheus without the shipped alerting rules (its alert checks then have no proof). */
export async function fixture(o: { history?: Omit<HistoryOptions, 'end'>; workspace?: Omit<WorkspaceOptions, 'end'>; prometheus?: boolean; rules?: boolean } = {}): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-unit-'));
  writeWorkspace(dir, { end: END, ...o.workspace });
  const ruleFiles = o.rules === false ? [] : [SHIPPED_ALERT_RULES()];
  const prom = o.prometheus === false ? undefined : await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END, ...o.history })), ruleFiles });
  return {
    dir,
    prom,
    async close() {
      await prom?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs `aurora-ga gates ARGS` in the fixture's folder. */
export async function gatesCli(f: Fixture, args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIO(f.dir, env);
  const base = f.prom ? ['--prometheus-url', f.prom.url, '--at', String(END)] : [];
  const code = await runCli(['gates', ...base, ...args], io, AbortSignal.timeout(30_000));
  return { code, out: io.out, err: io.err };
}

export function findCheck(r: GateReport, gate: string, id: string): CheckResult {
  const c = r.gates.find((g) => g.key === gate)?.checks.find((x) => x.check_id === id);
  if (!c) throw new Error(`${gate}/${id} not in the report`);
  return c;
}

/** A gates file with one NO-GO gate `g` holding the given checks (YAML flow mappings). */
export function gatesYaml(...checks: string[]): string {
  return `schema_version: 1\ngates:\n  - {key: g, id: 1, name: G, fail_action: NO-GO, remediation: fix it, checks: [${checks.join(', ')}]}\n`;
}
