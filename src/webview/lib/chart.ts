// One check's chart: its series over the evaluation window with uPlot, the check's lines and the
// points core judged beyond them or not a number. Colours are read from the theme's CSS variables;
// the plot is focusable and arrow keys move a cursor whose reading is announced; a table of the same
// points is the fallback. Counts of what was drawn are returned for the `rendered` message.
import uPlot from 'uplot';
import type { CheckChart, PointState, RenderedChart } from '../../core/charts/messages';
import { button, h } from './dom';

interface Theme {
  fg: string;
  grid: string;
  font: string;
  series: string[];
  limit: string;
  reference: string;
  beyond: string;
  nonFinite: string;
}

function cssVar(...names: string[]): string {
  const style = getComputedStyle(document.body);
  for (const n of names) {
    const v = style.getPropertyValue(n).trim();
    if (v) return v;
  }
  return '';
}

function theme(): Theme {
  return {
    fg: cssVar('--vscode-charts-foreground', '--vscode-foreground'),
    grid: cssVar('--vscode-charts-lines', '--vscode-panel-border'),
    font: `${cssVar('--vscode-font-size') || '13px'} ${cssVar('--vscode-font-family') || 'sans-serif'}`,
    series: ['--vscode-charts-blue', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-green'].map((n) => cssVar(n, '--vscode-foreground')),
    limit: cssVar('--vscode-charts-red', '--vscode-errorForeground'),
    reference: cssVar('--vscode-descriptionForeground', '--vscode-foreground'),
    beyond: cssVar('--vscode-charts-red', '--vscode-errorForeground'),
    nonFinite: cssVar('--vscode-charts-orange', '--vscode-editorWarning-foreground'),
  };
}

const STATE_WORDS: Record<PointState, string> = {
  within: 'within the line',
  beyond: 'beyond the line',
  nonfinite: 'not a number: never a pass',
  reference: 'baseline (the reference)',
};

function timeText(t: number, stepSeconds: number): string {
  return `${new Date(t * 1000).toISOString().slice(0, stepSeconds % 60 ? 19 : 16).replace('T', ' ')} UTC`;
}

/** Where a non-finite sample is marked: on the check's line (it has no place on the value axis). */
function markY(c: CheckChart, finite: number[]): number {
  return c.lines.find((l) => l.kind === 'limit')?.value ?? c.lines[0]?.value ?? (finite.length ? Math.min(...finite) : 0);
}

export interface DrawnChart {
  /** Resolves after the first draw, with what was drawn. */
  rendered: Promise<RenderedChart>;
  dispose(): void;
}

export interface ChartOptions {
  /** The window's step (formats times). */
  stepSeconds: number;
  /** Offers "Open Query in Prometheus" (when the chart has a link). */
  onOpenLink?: () => void;
  /** The chart's heading level in the page around it. */
  heading?: 'h2' | 'h4';
}

/** Draws `c` into `parent`. */
export function drawChart(parent: HTMLElement, c: CheckChart, o: ChartOptions): DrawnChart {
  const { stepSeconds, onOpenLink } = o;
  const t = theme();
  const id = `chart-${c.gateKey}-${c.checkId}`;
  const section = h('section', { class: 'chart', id, attrs: { 'aria-labelledby': `${id}-title` } });
  section.dataset.check = c.checkId;
  const title = h(o.heading ?? 'h2', { id: `${id}-title` }, c.checkName, h('span', { class: 'muted' }, ` · ${c.gateName}`));
  const rule = h('p', { class: 'rule', id: `${id}-rule` }, c.rule);
  const tools = h('div', { class: 'toolbar' });
  section.append(title, c.rule ? rule : '', c.problem ? h('p', { class: 'problem', role: 'alert' }, c.problem) : '', tools);
  parent.append(section);
  const queries = h('details', { class: 'queries' }, h('summary', {}, c.queries.length > 1 ? 'Queries' : 'Query'), ...c.queries.map((q) => h('pre', {}, h('code', {}, `${q.role === 'value' ? '' : `${q.role} ${q.side ?? ''}: `}${q.query}`))));
  if (onOpenLink && c.link) tools.append(button('Open Query in Prometheus', onOpenLink));

  const none: RenderedChart = { checkId: c.checkId, canvas: false, series: 0, points: 0, beyond: 0, nonFinite: 0, lines: [] };
  if (!c.series.length) {
    if (c.queries.length) section.append(queries);
    return { rendered: Promise.resolve(none), dispose: () => undefined };
  }

  const finite = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const mark = markY(c, finite);
  const lineValues = c.lines.map((l) => l.value);
  const legend = h('p', { class: 'key muted' },
    ...c.lines.map((l) => h('span', { class: `key-item line-${l.kind}` }, l.label)),
    c.counts.beyond ? h('span', { class: 'key-item beyond' }, `● beyond the line (${c.counts.beyond})`) : '',
    c.counts.nonFinite ? h('span', { class: 'key-item nonfinite' }, `✕ NaN or ±Inf (${c.counts.nonFinite})`) : '',
  );
  const plot = h('div', {
    class: 'plot',
    attrs: {
      tabindex: '0',
      role: 'group',
      'aria-roledescription': 'chart',
      'aria-label': `${c.checkName}: ${c.counts.points} points in ${c.series.length} series. Left and right arrows move along the window, up and down change series, Home and End jump to its ends.`,
      'aria-describedby': `${id}-rule`,
    },
  });
  const live = h('p', { class: 'reading', role: 'status', attrs: { 'aria-live': 'polite' } });
  const tableBox = h('div', { class: 'table', id: `${id}-table` });
  tableBox.hidden = true;
  const toggle = button('Show table', () => {
    tableBox.hidden = !tableBox.hidden;
    if (!tableBox.hidden && !tableBox.firstChild) tableBox.append(table(c, stepSeconds));
    toggle.textContent = tableBox.hidden ? 'Show table' : 'Hide table';
    toggle.setAttribute('aria-expanded', String(!tableBox.hidden));
  });
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', tableBox.id);
  tools.prepend(toggle);
  section.append(legend, plot, live, tableBox, queries);

  let resolveRendered: (r: RenderedChart) => void = () => undefined;
  const rendered = new Promise<RenderedChart>((r) => (resolveRendered = r));
  const drawn = { ...none };

  // Lines, breaching points and non-finite marks, over the series uPlot draws.
  const overlay = (u: uPlot) => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const px = devicePixelRatio;
    const counts = { beyond: 0, nonFinite: 0, lines: [] as number[] };
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    for (const l of c.lines) {
      const y = u.valToPos(l.value, 'y', true);
      ctx.strokeStyle = l.kind === 'limit' ? t.limit : t.reference;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash(l.kind === 'limit' ? [6 * px, 4 * px] : [2 * px, 3 * px]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      counts.lines.push(l.value);
    }
    ctx.setLineDash([]);
    c.series.forEach((s) => {
      s.states.forEach((state, i) => {
        if (state !== 'beyond' && state !== 'nonfinite') return;
        const x = u.valToPos(c.x[i], 'x', true);
        const y = u.valToPos(state === 'beyond' ? s.values[i]! : mark, 'y', true);
        if (state === 'beyond') {
          ctx.fillStyle = t.beyond;
          ctx.beginPath();
          ctx.arc(x, y, 3 * px, 0, 2 * Math.PI);
          ctx.fill();
          counts.beyond++;
        } else {
          const r = 4 * px;
          ctx.strokeStyle = t.nonFinite;
          ctx.lineWidth = 2 * px;
          ctx.beginPath();
          ctx.moveTo(x - r, y - r);
          ctx.lineTo(x + r, y + r);
          ctx.moveTo(x + r, y - r);
          ctx.lineTo(x - r, y + r);
          ctx.stroke();
          counts.nonFinite++;
        }
      });
    });
    ctx.restore();
    const onLine = c.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    Object.assign(drawn, { canvas: section.querySelector('canvas') !== null, series: u.series.length - 1, points: onLine + counts.nonFinite, beyond: counts.beyond, nonFinite: counts.nonFinite, lines: counts.lines });
    resolveRendered({ ...drawn });
  };

  const axis = { stroke: t.fg, font: t.font, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
  const opts: uPlot.Options = {
    width: Math.max(320, plot.clientWidth || section.clientWidth || 640),
    height: 260,
    // Times are shown in UTC, as in the table and the reports.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {
      x: { time: true },
      y: {
        // The lines are always in view, whatever the data.
        range: (_u, min, max) => {
          const vals = [...(min === null ? [] : [min]), ...(max === null ? [] : [max]), ...lineValues];
          const lo = vals.length ? Math.min(...vals) : 0;
          const hi = vals.length ? Math.max(...vals) : 1;
          const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
          return [lo - pad, hi + pad];
        },
      },
    },
    axes: [axis, { ...axis, size: 60 }],
    legend: { show: true, live: true },
    cursor: { focus: { prox: 16 } },
    series: [
      { value: (_u, v) => (v === null ? '—' : timeText(v, stepSeconds)) },
      ...c.series.map((s, k) => ({ label: s.name, stroke: t.series[k % t.series.length], width: 1.5, spanGaps: false })),
    ],
    hooks: { draw: [overlay] },
  };
  const data: uPlot.AlignedData = [c.x, ...c.series.map((s) => s.values)];
  const u = new uPlot(opts, data, plot);

  // The keyboard cursor: one series at a time, only where it has a sample.
  let si = 0;
  let xi = c.series[0].raw.findIndex((r) => r !== null);
  const step = (from: number, dir: number, s = c.series[si]) => {
    for (let i = from + dir; i >= 0 && i < c.x.length; i += dir) if (s.raw[i] !== null) return i;
    return from;
  };
  const show = () => {
    const s = c.series[si];
    const state = s.states[xi];
    const y = s.values[xi] ?? mark;
    u.setCursor({ left: u.valToPos(c.x[xi], 'x'), top: u.valToPos(y, 'y') });
    const limit = c.lines.find((l) => l.kind === 'limit');
    live.textContent = `${timeText(c.x[xi], stepSeconds)} · ${s.name}: ${s.raw[xi]} — ${state ? STATE_WORDS[state] : 'no sample'}${state === 'beyond' && limit ? ` (${limit.label})` : ''}`;
  };
  plot.addEventListener('keydown', (e) => {
    const last = c.x.length;
    if (e.key === 'ArrowRight') xi = step(xi, 1);
    else if (e.key === 'ArrowLeft') xi = step(xi, -1);
    else if (e.key === 'PageDown') for (let k = 0; k < 10; k++) xi = step(xi, 1);
    else if (e.key === 'PageUp') for (let k = 0; k < 10; k++) xi = step(xi, -1);
    else if (e.key === 'Home') xi = step(-1, 1);
    else if (e.key === 'End') xi = step(last, -1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      si = (si + (e.key === 'ArrowDown' ? 1 : c.series.length - 1)) % c.series.length;
      if (c.series[si].raw[xi] === null) xi = step(xi, -1) === xi ? step(xi, 1) : step(xi, -1);
    } else return;
    e.preventDefault();
    show();
  });
  plot.addEventListener('focus', show);

  const resize = new ResizeObserver(() => {
    const width = Math.max(320, plot.clientWidth);
    if (Math.abs(width - u.width) > 1) u.setSize({ width, height: u.height });
  });
  resize.observe(plot);
  return {
    rendered,
    dispose: () => {
      resize.disconnect();
      u.destroy();
    },
  };
}

/** The same points as rows: time, series, the sample as written, and how it stands. */
function table(c: CheckChart, stepSeconds: number): HTMLTableElement {
  const body = h('tbody');
  c.x.forEach((x, i) => {
    for (const s of c.series) {
      const state = s.states[i];
      if (s.raw[i] === null || !state) continue;
      const row = h('tr', { class: state }, h('td', {}, timeText(x, stepSeconds)), h('td', {}, s.name), h('td', { class: 'num' }, s.raw[i]), h('td', {}, STATE_WORDS[state]));
      body.append(row);
    }
  });
  return h('table', {},
    h('caption', {}, `${c.checkName}: every point of the window (${c.counts.points}); ${c.lines.map((l) => l.label).join(', ') || 'no line'}`),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Time'), h('th', { attrs: { scope: 'col' } }, 'Series'), h('th', { attrs: { scope: 'col' } }, 'Value'), h('th', { attrs: { scope: 'col' } }, 'Reading'))),
    body);
}
