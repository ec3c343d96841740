/**
 * A link to the Prometheus expression browser graphing each expression (one panel each) over the
 * window [end − range, end]: `/graph?g0.expr=…&g0.tab=0&g0.range_input=…&g0.end_input=…`. The end
 * is UTC in the UI's own "YYYY-MM-DD HH:mm:ss" format; an unreadable time leaves the UI at "now".
 */
export function graphLink(baseUrl: string, exprs: readonly string[], view: { end: string; range: string; stepSeconds?: number }): string {
  const end = new Date(view.end);
  const endInput = Number.isNaN(end.getTime()) ? '' : end.toISOString().slice(0, 19).replace('T', ' ');
  const params = new URLSearchParams();
  exprs.forEach((expr, i) => {
    params.set(`g${i}.expr`, expr);
    params.set(`g${i}.tab`, '0');
    params.set(`g${i}.range_input`, view.range);
    if (endInput) params.set(`g${i}.end_input`, endInput);
    if (view.stepSeconds) params.set(`g${i}.step_input`, String(view.stepSeconds));
  });
  // URLSearchParams writes spaces as '+', which the UI reads back as spaces: a PromQL '+' is %2B, a space %20.
  return `${baseUrl.replace(/\/+$/, '')}/graph?${params.toString().replace(/\+/g, '%20')}`;
}
