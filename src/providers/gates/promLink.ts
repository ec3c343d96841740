/**
 * A link to the Prometheus expression browser showing `query` at the evaluation time: the table tab
 * at `g0.moment_input` (the instant the gate used), with the graph's range set to the gate's window.
 * `moment_input` is UTC in the UI's own "YYYY-MM-DD HH:mm:ss" format.
 */
export function promGraphUrl(baseUrl: string, query: string, evaluatedAt: string, window?: string): string {
  const at = new Date(evaluatedAt);
  const moment = Number.isNaN(at.getTime()) ? '' : at.toISOString().slice(0, 19).replace('T', ' ');
  const params = new URLSearchParams({ 'g0.expr': query, 'g0.tab': '1' });
  if (moment) {
    params.set('g0.moment_input', moment);
    params.set('g0.end_input', moment);
  }
  if (window) params.set('g0.range_input', window);
  // URLSearchParams writes spaces as '+', which Prometheus' UI reads back as '+' inside PromQL.
  return `${baseUrl.replace(/\/+$/, '')}/graph?${params.toString().replace(/\+/g, '%20')}`;
}
