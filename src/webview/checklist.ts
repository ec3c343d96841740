// The GA checklist webview. Everything shown comes from the extension as a ChecklistView and is
// drawn with DOM APIs: text goes through text nodes only (never innerHTML), handlers are attached
// with addEventListener (the CSP forbids inline ones), and the last view is kept with setState so a
// reload or a restart shows it at once, before the extension sends a fresh one — with the filter and
// the collapsed sections as they were.
import { FILTER_LABELS, ITEM_FILTERS, itemMatches, type ItemFilter } from '../core/checklist/filter';
import type { ChecklistChart, ChecklistView, GateCheckView, HostMessage, ItemView, Role, SectionView, SignoffView, WebviewMessage } from '../core/checklist/messages';
import { drawChart, type DrawnChart } from './lib/chart';
import { button, h, type VsCodeApi } from './lib/dom';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage) => vscode.postMessage(m);
const app = document.getElementById('app') as HTMLElement;

/** What the webview keeps across a reload (setState): the last view and how the person arranged it. */
interface Saved {
  view?: ChecklistView;
  filter?: ItemFilter;
  collapsed?: string[];
}
const saved = (vscode.getState() ?? {}) as Saved;
const ui: { view: ChecklistView | undefined; filter: ItemFilter; collapsed: Set<string> } = {
  view: saved.view?.decision ? saved.view : undefined,
  filter: ITEM_FILTERS.includes(saved.filter as ItemFilter) ? (saved.filter as ItemFilter) : 'all',
  collapsed: new Set(Array.isArray(saved.collapsed) ? saved.collapsed.filter((x) => typeof x === 'string') : []),
};
const keep = () => vscode.setState({ view: ui.view, filter: ui.filter, collapsed: [...ui.collapsed] } satisfies Saved);

/** The checklist's own texts use **bold** and `code`; turned into elements, never parsed as HTML. */
function rich(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const part of text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) frag.append(h('strong', {}, part.slice(2, -2)));
    else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) frag.append(h('code', {}, part.slice(1, -1)));
    else frag.append(part);
  }
  return frag;
}

const STATUS_ICON: Record<ItemView['status'], string> = { satisfied: '✔', warn: '⚠', failed: '✖', no_data: '?', open: '○' };
const STATUS_WORD: Record<ItemView['status'], string> = { satisfied: 'satisfied', warn: 'conditional', failed: 'failed', no_data: 'no data', open: 'open' };

function badge(text: string, cls: string): HTMLElement {
  return h('span', { class: `badge ${cls}` }, text);
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** Shows a deciding item: its section opened and the filter widened if they hide it, then scrolled to. */
function flash(id: string): void {
  const section = ui.view?.sections.find((s) => s.groups.some((g) => g.items.some((i) => i.id === id)));
  const it = section?.groups.flatMap((g) => g.items).find((i) => i.id === id);
  if (section && it && (ui.collapsed.has(section.id) || !itemMatches(ui.filter, it))) {
    ui.collapsed.delete(section.id);
    if (!itemMatches(ui.filter, it)) ui.filter = 'all';
    keep();
    redraw();
  }
  const el = document.getElementById(`item-${id}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

function header(v: ChecklistView): HTMLElement {
  const target = h('input', { class: 'inline', key: 'header.targetVersion', id: 'header-target' });
  target.value = v.header.targetVersion;
  target.placeholder = 'e.g. 0.4.0';
  target.addEventListener('change', () => post({ type: 'setHeader', field: 'targetVersion', value: target.value.trim() }));
  const date = h('input', { class: 'inline', key: 'header.date', id: 'header-date' });
  date.value = v.header.date;
  date.addEventListener('change', () => post({ type: 'setHeader', field: 'date', value: date.value.trim() }));
  return h('header', {},
    h('h1', {}, 'AURORA GA Promotion Checklist'),
    h('p', { class: 'muted' }, 'Production Release Decision Framework'),
    h('div', { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: 'header-date' }, 'Date'), date),
      h('div', { class: 'field' }, h('span', { class: 'field-name' }, 'RC Version'), h('strong', {}, v.header.rcVersion || '—')),
      h('div', { class: 'field' }, h('label', { for: 'header-target' }, 'Target GA Version'), target),
      h('div', { class: 'field' }, h('span', { class: 'field-name' }, 'Release Manager'), h('strong', {}, v.header.releaseManager || '—')),
    ),
    h('div', { class: 'toolbar' }, button('Refresh', () => {
      forgetFailedCharts();
      post({ type: 'refresh' });
    }), button('Export Markdown', () => post({ type: 'exportMarkdown' }), 'primary')),
  );
}

function banners(v: ChecklistView): HTMLElement {
  const box = h('div', { class: 'banners' });
  if (v.stateProblem) box.append(h('div', { class: 'banner error', role: 'alert' }, 'The checklist state cannot be read — nothing will be saved until it is fixed: ', h('code', {}, v.stateProblem)));
  for (const w of v.stateWarnings) box.append(h('div', { class: 'banner warn' }, w));
  if (v.gates && v.gates.dataMode !== 'live') box.append(h('div', { class: 'banner warn', role: 'alert' }, `Gate report is ${v.gates.dataMode.toUpperCase()} data — it cannot be used to promote.`));
  if (v.canary && v.canary.dataMode !== 'live') box.append(h('div', { class: 'banner warn', role: 'alert' }, `Canary results are ${v.canary.dataMode.toUpperCase()} runs — not evidence for promotion.`));
  return box;
}

function decision(v: ChecklistView): HTMLElement {
  const d = v.decision;
  const list = h('ul', { class: 'deciding' });
  for (const item of d.deciding) {
    const li = h('li', {});
    if (item.itemId) {
      // An inline link, not a button: a button is an inline block, so a reason that wraps put the
      // list's bullet beside its last line instead of its first.
      const id = item.itemId;
      const a = h('a', { class: 'deciding-link' }, item.text);
      a.href = `#item-${id}`;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        flash(id);
      });
      li.append(a);
    } else li.append(item.text);
    list.append(li);
  }
  const cls = d.decision === 'GO' ? 'go' : d.decision === 'NO-GO' ? 'nogo' : 'conditional';
  return h('section', { class: `decision ${cls}`, id: 'decision' },
    h('h2', {}, d.headline),
    d.deciding.length ? h('p', { class: 'muted' }, d.decision === 'GO' ? '' : 'Deciding items:') : h('p', { class: 'muted' }, 'Every CRITICAL and HIGH item is satisfied, from live data, with three current sign-offs.'),
    d.deciding.length ? list : null,
  );
}

function sources(v: ChecklistView): HTMLElement {
  const row = h('div', { class: 'sources' });
  for (const s of v.sources) {
    // What the source says (e.g. "Readiness: NOT READY — …"); "read fine" is not worth a word.
    const said = s.state === 'ok' ? s.detail : s.state === 'missing' ? 'NO DATA (not found)' : 'ERROR';
    const chip = h('span', { class: `source ${s.state} ${s.verdict ?? ''}`, title: `${s.where}${s.state !== 'ok' && s.detail ? ` — ${s.detail}` : ''}` }, h('strong', {}, `${s.name}:`), ` ${said}`);
    if (s.file && s.state !== 'missing') {
      const file = s.file;
      chip.append(' ', button('open', () => post({ type: 'openSource', file }), 'link small'));
    }
    row.append(chip);
  }
  return row;
}

function bar(c: GateCheckView): HTMLElement {
  const row = h('div', { class: `check ${c.countsAs.toLowerCase()}`, title: `${c.query ?? ''}${c.query ? '\n' : ''}${c.source}\n${c.message}` });
  row.append(h('span', { class: 'check-name' }, c.name));
  if (c.value === null) {
    row.append(h('span', { class: 'bar-empty' }, `${c.outcome === 'ERROR' ? 'ERROR' : 'NO DATA'} (${c.comparator} ${fmt(c.threshold)})`));
    return row;
  }
  const scale = Math.max(Math.abs(c.value), Math.abs(c.threshold)) * 1.25 || 1;
  const track = h('span', { class: 'bar', role: 'img' });
  track.setAttribute('aria-label', `${c.name}: ${fmt(c.value)} ${c.comparator} ${fmt(c.threshold)}`);
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.min(100, (Math.abs(c.value) / scale) * 100)}%`;
  const mark = h('span', { class: 'mark' });
  mark.style.left = `${Math.min(100, (Math.abs(c.threshold) / scale) * 100)}%`;
  track.append(fill, mark);
  row.append(track, h('span', { class: 'check-value' }, `${fmt(c.value)} ${c.comparator} ${fmt(c.threshold)}`), badge(c.outcome, c.countsAs.toLowerCase()));
  return row;
}

// Failing and warning checks with a query show their series over the window (lib/chart.ts), asked of
// the extension once per report and kept here, so a refill redraws them without querying again.
const charts = new Map<string, Extract<ChecklistChart['result'], { ok: true }> | { ok: false; error: string }>();
const requested = new Set<string>();
let drawnCharts: DrawnChart[] = [];
let shownTimestamp: string | undefined;

/** Refresh asks again for the charts that could not be drawn (the server may be up now). */
function forgetFailedCharts(): void {
  for (const [k, r] of charts) {
    if (r.ok) continue;
    charts.delete(k);
    requested.delete(k);
  }
}
const chartKey = (timestamp: string, gate: string, check: string) => `${timestamp}|${gate}|${check}`;

function fillChart(box: HTMLElement, gate: string, check: string, r: NonNullable<ReturnType<typeof charts.get>>): void {
  box.replaceChildren();
  if (!r.ok) {
    box.append(h('p', { class: 'muted' }, `No chart: ${r.error}`));
    return;
  }
  const d = drawChart(box, r.chart, { stepSeconds: r.stepSeconds, heading: 'h4', onOpenLink: () => post({ type: 'openInPrometheus', gate, check }) });
  drawnCharts.push(d);
  void d.rendered.then((chart) => post({ type: 'chartRendered', gate, chart }));
}

/** The chart boxes just drawn: filled from what is kept, or asked for. */
function placeCharts(timestamp: string): void {
  for (const box of app.querySelectorAll<HTMLElement>('.check-chart')) {
    const { gate = '', check = '' } = box.dataset;
    const key = chartKey(timestamp, gate, check);
    const kept = charts.get(key);
    if (kept) fillChart(box, gate, check, kept);
    else if (!requested.has(key)) {
      requested.add(key);
      post({ type: 'chart', gate, check });
    }
  }
}

function gates(v: ChecklistView): HTMLElement | null {
  if (!v.gates) return null;
  const box = h('section', { class: 'gates' }, h('h2', {}, 'Gate checks'), h('p', { class: 'muted' }, `${v.gates.decision} · ${v.gates.dataMode} data · ${v.gates.timestamp} · ${v.gates.source}`),
    h('div', { class: 'toolbar' }, button('Open Report', () => post({ type: 'openReport', as: 'preview' }), 'primary open-report'), button('Open JSON', () => post({ type: 'openReport', as: 'json' }), 'open-json')));
  for (const g of v.gates.gates) {
    box.append(h('div', { class: 'gate' },
      h('h3', {}, `Gate ${g.gateId}: ${g.name} `, badge(g.status, g.status.toLowerCase()), g.failAction !== 'NO-GO' ? badge(g.failAction, 'muted') : null),
      ...g.checks.flatMap((c) => {
        const row = bar(c);
        if (!c.query || (c.countsAs !== 'FAIL' && c.countsAs !== 'WARN')) return [row];
        const chart = h('div', { class: 'check-chart' }, h('p', { class: 'muted', role: 'status' }, 'Loading the chart…'));
        Object.assign(chart.dataset, { gate: g.key, check: c.checkId });
        return [row, chart];
      }),
    ));
  }
  return box;
}

function canary(v: ChecklistView): HTMLElement | null {
  const c = v.canary;
  if (!c) return null;
  const strip = h('div', { class: 'strip', role: 'list' });
  for (const r of c.runs) {
    const ok = r.success && r.healthy !== false;
    const cell = h('span', { class: `run ${ok ? 'ok' : 'bad'}`, role: 'listitem', title: `run ${r.runId}: ${r.success ? (r.healthy === false ? 'unhealthy' : 'ok') : `failed, exit ${r.exitCode}`} · ${fmt(r.durationS)}s${r.reason ? ` — ${r.reason}` : ''}` }, ok ? '' : '✖');
    cell.setAttribute('aria-label', cell.title);
    strip.append(cell);
  }
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return h('section', { class: 'canary' },
    h('h2', {}, 'Canary runs ', badge(c.status, c.status === 'PASS' ? 'pass' : 'fail')),
    h('p', { class: 'muted' }, `${c.profile} · ${c.dataMode} · success ${pct(c.successRate)} (≥ ${pct(c.successThreshold)}) · health ${pct(c.healthRate)} (≥ ${pct(c.healthThreshold)}) · ${c.timestamp}`),
    strip,
  );
}

function item(i: ItemView): HTMLElement {
  const row = h('li', { class: `item ${i.status} depth${i.depth}`, id: `item-${i.id}` });
  const box = h('input', { key: `check.${i.id}`, id: `check-${i.id}` });
  box.type = 'checkbox';
  box.checked = i.checked;
  box.dataset.item = i.id;
  box.dataset.kind = i.kind;
  if (i.kind === 'auto') {
    box.disabled = true;
    box.title = 'Answered from the results';
  } else box.addEventListener('change', () => post({ type: 'setItem', id: i.id, checked: box.checked }));
  // The title is what the item asks; the original checklist's wording (what the export keeps) is its detail.
  const original = i.text.replace(/\*\*|`/g, '');
  const label = h('label', { class: 'title', for: `check-${i.id}`, title: original }, i.title);
  const meta = h('span', { class: 'meta' }, i.phase === 'after' ? badge('after GO', 'muted') : badge(i.impact, `impact ${i.impact.toLowerCase()}`), i.optional ? badge('optional', 'muted') : null, i.kind === 'auto' ? badge('auto', 'muted') : null);
  row.append(
    h('span', { class: 'icon', title: STATUS_WORD[i.status] }, STATUS_ICON[i.status]),
    box,
    h('div', { class: 'body' },
      label,
      original !== i.title ? h('div', { class: 'original muted' }, rich(i.text)) : null,
      i.kind === 'auto' || i.status !== 'open' ? h('div', { class: 'summary' }, i.summary) : null,
      evidence(i),
      note(i)),
    meta,
  );
  return row;
}

function evidence(i: ItemView): HTMLElement | null {
  if (!i.evidence.length) return null;
  return h('details', { class: `evidence ${i.status}` }, h('summary', {}, `Evidence (${i.evidence.length})`), h('ul', {}, ...i.evidence.map((e) => h('li', {}, h('code', {}, e)))));
}

function note(i: ItemView): HTMLElement {
  const area = h('textarea', { key: `note.${i.id}` });
  area.value = i.note;
  area.rows = 2;
  area.maxLength = 4000;
  area.placeholder = 'Note';
  area.addEventListener('change', () => post({ type: 'setNote', id: i.id, note: area.value }));
  const d = h('details', { class: 'note' }, h('summary', {}, i.note ? 'Note' : 'Add note'), area);
  d.open = i.note !== '';
  return d;
}

function filterBar(v: ChecklistView): HTMLElement {
  const items = v.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
  const bar = h('div', { class: 'filter', role: 'group' });
  bar.setAttribute('aria-label', 'Show items');
  for (const f of ITEM_FILTERS) {
    const b = button(`${FILTER_LABELS[f]} (${items.filter((i) => itemMatches(f, i)).length})`, () => {
      ui.filter = f;
      keep();
      redraw();
    }, `filter-${f}${ui.filter === f ? ' selected' : ''}`);
    b.dataset.key = `filter.${f}`;
    b.setAttribute('aria-pressed', String(ui.filter === f));
    bar.append(b);
  }
  return bar;
}

function section(s: SectionView): HTMLElement {
  const collapsed = ui.collapsed.has(s.id);
  const all = s.groups.flatMap((g) => g.items);
  const shown = all.filter((i) => itemMatches(ui.filter, i));
  const failing = all.filter((i) => itemMatches('failing', i)).length;
  const toggle = button(`${collapsed ? '▸' : '▾'} ${s.title}`, () => {
    if (ui.collapsed.has(s.id)) ui.collapsed.delete(s.id);
    else ui.collapsed.add(s.id);
    keep();
    redraw();
  }, 'section-toggle');
  toggle.dataset.key = `section.${s.id}`;
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.setAttribute('aria-controls', `section-body-${s.id}`);
  const body = h('div', { class: 'section-body', id: `section-body-${s.id}` });
  body.hidden = collapsed;
  for (const g of s.groups) {
    const items = g.items.filter((i) => itemMatches(ui.filter, i));
    if (items.length) body.append(h('h3', {}, g.title), h('ul', { class: 'items' }, ...items.map(item)));
  }
  if (!shown.length) body.append(h('p', { class: 'muted empty' }, `No ${FILTER_LABELS[ui.filter].toLowerCase()} items here.`));
  return h('section', { class: `section${collapsed ? ' collapsed' : ''}`, id: `section-${s.id}` },
    h('h2', {}, toggle, h('span', { class: 'counts muted' }, `${all.filter((i) => i.status === 'satisfied').length} of ${all.length} satisfied${failing ? ` · ${failing} failing` : ''}`)),
    body);
}

function sections(v: ChecklistView): HTMLElement {
  return h('div', { class: 'sections' }, filterBar(v), ...v.sections.map(section));
}

const SIGNATURE_TEXT = { valid: '✔ SSH-signed, verified', unsigned: '⚠ Unsigned (a name only)', invalid: '✖ Bad signature' } as const;

/** What changed since the evaluation this sign-off approved: same verdicts (re-affirm) or changed verdicts (review). */
function since(s: SignoffView): HTMLElement | null {
  const x = s.since;
  if (!x || x.kind === 'current') return null;
  const when = x.approvedAt ? ` (you approved the evaluation of ${x.approvedAt})` : '';
  if (x.kind === 'same-verdicts') {
    return h('div', { class: 'since same', key: `since.${s.role}` },
      h('p', {}, `Newer evaluation, same verdicts${when}.`),
      x.valueDrift.length ? h('details', {}, h('summary', {}, `Values moved (${x.valueDrift.length})`), h('ul', {}, ...x.valueDrift.map((d) => h('li', {}, d)))) : h('p', { class: 'muted' }, 'No value moved.'));
  }
  if (x.kind === 'verdicts-changed') {
    return h('div', { class: 'since changed', role: 'alert' },
      h('p', { class: 'warn-text' }, `Verdicts changed since you signed${when}:`),
      h('ul', {}, ...x.verdictChanges.map((d) => h('li', {}, d))),
      x.valueDrift.length ? h('details', {}, h('summary', {}, `Other values moved (${x.valueDrift.length})`), h('ul', {}, ...x.valueDrift.map((d) => h('li', {}, d)))) : null);
  }
  return h('p', { class: 'warn-text' }, `⚠ Stale: ${s.staleReasons.join('; ')}`);
}

function signoff(s: SignoffView, v: ChecklistView): HTMLElement {
  const cls = s.name ? (s.stale ? 'stale' : s.counts ? 'signed' : 'unverified') : 'unsigned';
  const block = h('div', { class: `signoff ${cls}`, id: `signoff-${s.role}` }, h('h3', {}, s.title, s.required ? null : badge('not required', 'muted')));
  const role: Role = s.role;
  const hint = h('p', { class: 'muted hint', role: 'status' });
  if (s.name) {
    const name = s.name;
    block.dataset.signed = 'true';
    block.dataset.signature = s.signature ?? '';
    block.append(h('p', {}, h('strong', { class: 'signer' }, s.name), ` · ${s.time ?? ''}`));
    block.append(h('p', { class: `signature ${s.signature ?? ''}`, title: s.signatureDetail }, SIGNATURE_TEXT[s.signature ?? 'unsigned'], s.counts ? '' : ' — does not count'));
    if (!s.counts || s.signature !== 'valid') block.append(h('p', { class: 'muted' }, s.signatureDetail));
    if (s.stale) {
      block.append(since(s) ?? '');
      const again = button(s.since?.kind === 'same-verdicts' ? 'Re-affirm on the newest evaluation' : 'Review, then sign the newest evaluation', () => post({ type: 'signOff', role, name }), 'primary');
      if (!v.fingerprint.gateReportSha256) again.disabled = true;
      block.append(again);
    }
    block.append(button('Revoke', () => post({ type: 'revokeSignOff', role }), 'secondary'));
  }
  const name = h('input', { key: `sign.${role}` });
  name.placeholder = 'Your principal (as in allowed_signers)';
  name.maxLength = 100;
  const sign = button(`Sign as ${s.title}`, () => {
    if (name.value.trim()) {
      hint.textContent = '';
      post({ type: 'signOff', role, name: name.value.trim() });
    } else {
      hint.textContent = 'Nothing was signed: enter your principal — the name your key has in .aurora/allowed_signers (e.g. alice@example.com).';
      name.focus();
    }
  }, 'primary');
  if (!v.fingerprint.gateReportSha256) {
    sign.disabled = true;
    sign.title = 'No gate report to approve: evaluate the gates first';
  }
  if (!s.name || !s.counts) block.append(h('div', { class: 'sign-row' }, name, sign));
  block.append(hint);
  return block;
}

function verification(v: ChecklistView): HTMLElement | null {
  if (!v.verification) return null;
  const ok = v.verification.every((x) => x.ok);
  return h('section', { class: `verification ${ok ? 'ok' : 'bad'}`, id: 'verification' },
    h('h2', {}, ok ? '✔ Verifies as a promotion record would' : '✖ Would not verify as a promotion record'),
    h('p', { class: 'muted' }, 'The checks `aurora-ga verify` makes, for the current state:'),
    h('ul', {}, ...v.verification.map((x) => h('li', { class: x.ok ? 'ok' : 'bad' }, `${x.ok ? '✔' : '✖'} ${x.name}`, h('div', { class: 'muted' }, x.detail)))));
}

function signoffs(v: ChecklistView): HTMLElement {
  const rationale = h('textarea', { key: 'rationale' });
  rationale.value = v.rationale;
  rationale.rows = 3;
  rationale.maxLength = 4000;
  rationale.placeholder = 'Decision rationale';
  rationale.addEventListener('change', () => post({ type: 'setRationale', text: rationale.value }));
  const short = (x: string | null) => (x ? `${x.slice(0, 12)}…` : 'none');
  return h('section', { class: 'signoffs' },
    h('h2', {}, 'Decision rationale and sign-offs'),
    rationale,
    h('p', { class: 'muted' }, `A sign-off is an SSH signature over this evidence: gate report ${short(v.fingerprint.gateReportSha256)}, locks ${short(v.fingerprint.locksSha256)}, the decision and the role. If the evidence changes, the sign-off turns stale. Keys: ${v.trust.allowedSigners}; roles: ${v.trust.policyFile ?? 'no .aurora/policy.yaml (no role can be verified)'}${v.trust.countUnsigned ? '; unsigned sign-offs count' : ''}.`),
    v.trust.problem ? h('div', { class: 'banner error', role: 'alert' }, v.trust.problem) : null,
    h('div', { class: 'signoff-row' }, ...v.signoffs.map((s) => signoff(s, v))),
  );
}

/** Keeps focus, draft text and caret across a redraw (a refresh may arrive while someone types). */
function preserveFocus(draw: () => void): void {
  const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  const key = active?.dataset?.key;
  const draft = key && 'value' in active ? { value: active.value, start: active.selectionStart, end: active.selectionEnd } : null;
  const scroll = window.scrollY;
  draw();
  window.scrollTo(0, scroll);
  if (!key || !draft) return;
  const again = app.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-key="${CSS.escape(key)}"]`);
  if (!again) return;
  if (again.type !== 'checkbox') again.value = draft.value;
  again.focus();
  if (draft.start !== null && 'setSelectionRange' in again && again.type !== 'checkbox') again.setSelectionRange(draft.start, draft.end);
}

function render(v: ChecklistView): void {
  for (const d of drawnCharts) d.dispose();
  drawnCharts = [];
  preserveFocus(() => app.replaceChildren(header(v), banners(v), decision(v), sources(v), gates(v) ?? '', canary(v) ?? '', sections(v), signoffs(v), verification(v) ?? ''));
  const drawn = [...app.querySelectorAll<HTMLElement>('li.item')];
  shownTimestamp = v.gates?.timestamp;
  if (shownTimestamp) placeCharts(shownTimestamp);
  post({
    type: 'rendered',
    decision: v.decision.decision,
    checked: [...app.querySelectorAll<HTMLInputElement>('input[data-kind="manual"]:checked')].map((b) => b.dataset.item ?? ''),
    signed: [...app.querySelectorAll<HTMLElement>('.signoff[data-signed="true"]')].map((b) => b.id.replace('signoff-', '') as Role),
    verified: [...app.querySelectorAll<HTMLElement>('.signoff[data-signature="valid"]')].map((b) => b.id.replace('signoff-', '') as Role),
    filter: ui.filter,
    visible: drawn.map((e) => e.id.replace('item-', '')),
    collapsed: v.sections.filter((s) => document.getElementById(`section-body-${s.id}`)?.hidden).map((s) => s.id),
    titles: Object.fromEntries(drawn.map((e) => [e.id.replace('item-', ''), e.querySelector('.title')?.textContent ?? ''])),
  });
}

function redraw(): void {
  if (ui.view) render(ui.view);
}

function notice(level: 'info' | 'error', text: string): void {
  const n = h('div', { class: `toast ${level}`, role: level === 'error' ? 'alert' : 'status' }, text);
  document.body.append(n);
  setTimeout(() => n.remove(), 6000);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'view') {
    ui.view = m.view;
    keep();
    render(m.view);
  } else if (m.type === 'notice') notice(m.level, m.text);
  else if (m.type === 'chart') {
    charts.set(chartKey(m.timestamp, m.gate, m.check), m.result);
    const box = [...app.querySelectorAll<HTMLElement>('.check-chart')].find((b) => b.dataset.gate === m.gate && b.dataset.check === m.check);
    if (box && shownTimestamp === m.timestamp) fillChart(box, m.gate, m.check, m.result);
  }
});

redraw();
post({ type: 'ready' });
