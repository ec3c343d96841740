import { readFileSync } from 'node:fs';
import path from 'node:path';

// Reading the shipped Grafana dashboard for the tests: its targets and template variables.

export interface DashboardTarget { expr: string; refId: string; instant?: boolean }
export interface DashboardPanel { id: number; type: string; title: string; datasource?: { uid?: string }; targets?: DashboardTarget[]; gridPos: { h: number; w: number; x: number; y: number } }
export interface DashboardVariable { name: string; type: string; query?: string; allValue?: string; datasource?: { uid?: string } }
export interface Dashboard { panels: DashboardPanel[]; templating: { list: DashboardVariable[] } }

export const dashboardFile = path.join(process.cwd(), 'configs/monitoring/aurora_dashboard.json');

export function loadDashboard(): Dashboard {
  return JSON.parse(readFileSync(dashboardFile, 'utf8')) as Dashboard;
}

export function panelTargets(d: Dashboard): { panel: DashboardPanel; target: DashboardTarget }[] {
  return d.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel, target })));
}

/**
 * What Grafana sends to Prometheus: variables replaced (`$x`, `${x}`, `[[x]]`; a multi-value
 * selection becomes a regex alternation, All becomes allValue) and `$__rate_interval` resolved.
 */
export function interpolate(expr: string, values: Record<string, string[]>): string {
  const value = (name: string) => {
    if (name === '__rate_interval') return '4m';
    const v = values[name];
    if (!v) throw new Error(`no value for variable $${name} in ${expr}`);
    return v.length === 1 ? v[0] : `(${v.join('|')})`;
  };
  return expr.replace(/\$\{(\w+)\}|\[\[(\w+)\]\]|\$(\w+)/g, (_m, a, b, c) => value(a ?? b ?? c));
}
