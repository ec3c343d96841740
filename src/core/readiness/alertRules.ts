import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { findMonitoringFiles } from './discover';
import type { ReadinessCheck } from './types';

const ruleSchema = z.object({
  alert: z.string().min(1).optional(),
  record: z.string().min(1).optional(),
  expr: z.union([z.string().min(1), z.number()]),
  for: z.string().optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
}).refine((r) => Boolean(r.alert) !== Boolean(r.record), { message: 'a rule needs exactly one of alert or record' });

const rulesFileSchema = z.object({
  groups: z.array(z.object({ name: z.string().min(1), rules: z.array(ruleSchema) })).min(1),
});

export interface AlertRulesResult {
  check: ReadinessCheck;
  alerts: string[];
  files: string[];
}

/** promtool's verdict on the files, or null when promtool is not installed. */
function promtool(files: string[], signal: AbortSignal): Promise<{ ok: boolean; output: string } | null> {
  return new Promise((resolve) => {
    const child = spawn('promtool', ['check', 'rules', ...files], { signal, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ENOENT' ? null : { ok: false, output: err.message }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** Parses one rules file; returns its alert names, or problems as `file:line: message`. */
async function readRules(file: string, rel: string, signal: AbortSignal): Promise<{ alerts: string[]; problems: string[]; isRules: boolean }> {
  const text = await fs.readFile(file, { encoding: 'utf8', signal });
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { alerts: [], problems: [`${rel}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`], isRules: true };
  }
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || !('groups' in data)) return { alerts: [], problems: [], isRules: false };
  const parsed = rulesFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A missing key is reported at the mapping that lacks it.
    let line = '';
    for (let n = issue.path.length; n >= 0 && !line; n--) {
      const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true) as { range?: [number, number] } | undefined;
      if (node?.range) line = `:${lc.linePos(node.range[0]).line}`;
    }
    return { alerts: [], problems: [`${rel}${line}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`], isRules: true };
  }
  return { alerts: parsed.data.groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : []))), problems: [], isRules: true };
}

/** Observability, alerts: the rule files parse, have the Prometheus shape, and pass `promtool check rules`. */
export async function checkAlertRules(root: string, files: string[] | undefined, signal: AbortSignal): Promise<AlertRulesResult> {
  const base = { id: 'alert_rules', name: 'Observability Alerts' } as const;
  const candidates = files ?? (await findMonitoringFiles(root, ['.yml', '.yaml'], signal));
  const problems: string[] = [];
  const alerts = new Set<string>();
  const ruleFiles: string[] = [];
  for (const file of candidates) {
    const rel = path.relative(root, file) || file;
    let r;
    try {
      r = await readRules(file, rel, signal);
    } catch (err) {
      signal.throwIfAborted();
      problems.push(`${rel}: cannot read: ${(err as Error).message}`);
      continue;
    }
    // Explicitly named files must be rule files; discovered YAML that is not (e.g. prometheus.yml) is skipped.
    if (!r.isRules && files === undefined) continue;
    if (!r.isRules) problems.push(`${rel}: not a Prometheus rules file (no top-level 'groups')`);
    ruleFiles.push(rel);
    problems.push(...r.problems);
    r.alerts.forEach((a) => alerts.add(a));
  }
  const found = { alerts: [...alerts].sort(), files: ruleFiles };
  if (ruleFiles.length === 0) return { ...found, check: { ...base, passed: false, message: 'no Prometheus alert rule files found (monitoring/, configs/monitoring/)', details: [] } };
  if (problems.length === 0) {
    const verdict = await promtool(ruleFiles.map((f) => path.resolve(root, f)), signal);
    if (verdict && !verdict.ok) problems.push(...verdict.output.trim().split('\n').filter((l) => /FAILED|error|:/i.test(l)).slice(0, 10));
    if (verdict === null) {
      return { ...found, check: { ...base, passed: true, message: `${ruleFiles.length} rule file(s), ${alerts.size} alert(s); structure checked (promtool not installed)`, details: [] } };
    }
  }
  if (problems.length) return { ...found, check: { ...base, passed: false, message: `${problems.length} problem(s) in alert rules`, details: problems } };
  return { ...found, check: { ...base, passed: true, message: `${ruleFiles.length} rule file(s), ${alerts.size} alert(s); promtool check rules passed`, details: [] } };
}
