import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findMonitoringFiles } from './discover';
import type { ReadinessCheck } from './types';

interface Panel {
  title?: string;
  type?: string;
  targets?: { expr?: string; refId?: string }[];
  panels?: Panel[];
}

// Panels that show data need a query; rows and text panels do not.
const NO_QUERY = new Set(['row', 'text', 'news', 'dashlist']);

function flatten(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...flatten(Array.isArray(p.panels) ? p.panels : [])]);
}

/** Problems with one dashboard model (raw or wrapped in `{dashboard: …}`), or null when it is not a dashboard. */
export function dashboardProblems(data: unknown, rel: string): string[] | null {
  const model = (data && typeof data === 'object' && 'dashboard' in data ? (data as { dashboard: unknown }).dashboard : data) as
    | { panels?: unknown; templating?: { list?: { name?: string }[] } }
    | undefined;
  if (!model || typeof model !== 'object' || !('panels' in model)) return null;
  if (!Array.isArray(model.panels) || model.panels.length === 0) return [`${rel}: 'panels' is empty`];
  const problems: string[] = [];
  const panels = flatten(model.panels as Panel[]);
  for (const p of panels) {
    if (NO_QUERY.has(p.type ?? '')) continue;
    const queries = (p.targets ?? []).map((t) => t.expr?.trim() ?? '').filter(Boolean);
    if (queries.length === 0) problems.push(`${rel}: panel '${p.title ?? '(untitled)'}' has no query`);
  }
  // A variable counts as used when any panel refers to it: in a query, a datasource, a title, a repeat.
  const panelText = JSON.stringify(model.panels);
  for (const v of model.templating?.list ?? []) {
    if (!v.name) continue;
    const name = v.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const used = new RegExp(`\\$${name}(?![A-Za-z0-9_])|\\$\\{${name}[}:]|\\[\\[${name}\\]\\]|"repeat":"${name}"`).test(panelText);
    if (!used) problems.push(`${rel}: variable '${v.name}' is used by no panel`);
  }
  return problems;
}

/** Observability dashboard: valid JSON, every data panel has a query, every variable is used by a panel. */
export async function checkDashboards(root: string, files: string[] | undefined, signal: AbortSignal): Promise<{ check: ReadinessCheck; files: string[] }> {
  const base = { id: 'dashboard', name: 'Observability Dashboard' } as const;
  const candidates = files ?? (await findMonitoringFiles(root, ['.json'], signal));
  const problems: string[] = [];
  const dashboards: string[] = [];
  for (const file of candidates) {
    const rel = path.relative(root, file) || file;
    let data: unknown;
    try {
      data = JSON.parse(await fs.readFile(file, { encoding: 'utf8', signal }));
    } catch (err) {
      signal.throwIfAborted();
      problems.push(`${rel}: ${(err as Error).message}`);
      dashboards.push(rel);
      continue;
    }
    const found = dashboardProblems(data, rel);
    if (found === null) {
      if (files !== undefined) problems.push(`${rel}: not a Grafana dashboard (no 'panels')`);
      continue;
    }
    dashboards.push(rel);
    problems.push(...found);
  }
  if (dashboards.length === 0) return { files: [], check: { ...base, passed: false, message: 'no Grafana dashboard found (monitoring/, configs/monitoring/)', details: problems } };
  if (problems.length) return { files: dashboards, check: { ...base, passed: false, message: `${problems.length} problem(s) in dashboards`, details: problems } };
  return { files: dashboards, check: { ...base, passed: true, message: `${dashboards.length} dashboard(s) valid`, details: [] } };
}
