import assert from 'node:assert/strict';
import { webviewMessageSchema } from '../../../src/core/checklist/messages';

describe('checklist webview messages (zod)', () => {
  it('accepts each message the webview sends', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'setItem', id: 'safety.panic', checked: true },
      { type: 'setNote', id: 'gate1.status', note: '<b>kept as text</b>' },
      { type: 'setHeader', field: 'targetVersion', value: '0.4.0' },
      { type: 'signOff', role: 'product_owner', name: '  Kim  ' },
      { type: 'revokeSignOff', role: 'sre_lead' },
      { type: 'rendered', decision: 'NO-GO', checked: ['safety.panic'], signed: [], filter: 'failing', visible: ['gate1.c1'], collapsed: ['locks'], titles: { 'gate1.c1': 'No CI gating violations' } },
      { type: 'openReport', as: 'preview' },
      { type: 'openReport', as: 'json' },
      { type: 'chart', gate: 'dcts', check: 'rel_diff_p95' },
      { type: 'openInPrometheus', gate: 'dcts', check: 'rel_diff_p95' },
      { type: 'chartRendered', gate: 'dcts', chart: { checkId: 'rel_diff_p95', canvas: true, series: 1, points: 2881, beyond: 3, nonFinite: 0, lines: [0.15] } },
    ]) assert.equal(webviewMessageSchema.safeParse(m).success, true, JSON.stringify(m));
    assert.equal((webviewMessageSchema.parse({ type: 'signOff', role: 'product_owner', name: '  Kim  ' }) as { name: string }).name, 'Kim');
  });

  it('rejects unknown types, extra keys, bad ids, roles and sizes', () => {
    for (const m of [
      null,
      'ready',
      { type: 'eval', code: '1' },
      { type: 'ready', extra: 1 },
      { type: 'setItem', id: '../../x', checked: true },
      { type: 'setItem', id: 'safety.panic', checked: 'true' },
      { type: 'setNote', id: 'safety.panic', note: 'x'.repeat(4001) },
      { type: 'signOff', role: 'ceo', name: 'x' },
      { type: 'signOff', role: 'sre_lead', name: '   ' },
      { type: 'setHeader', field: 'releaseManager', value: 'x' },
      { type: 'rendered', decision: 'MAYBE', checked: [], signed: [], filter: 'all', visible: [], collapsed: [], titles: {} },
      { type: 'rendered', decision: 'GO', checked: [], signed: [], filter: 'everything', visible: [], collapsed: [], titles: {} },
      { type: 'openReport', as: 'html' },
      // The report to open is the one the checklist read: the webview names no file.
      { type: 'openReport', as: 'json', file: '/etc/passwd' },
      { type: 'chart', gate: 'dcts' },
      { type: 'chart', gate: 'x'.repeat(201), check: 'c' },
      { type: 'chartRendered', gate: 'dcts', chart: { checkId: 'c', canvas: 'yes', series: 1, points: 1, beyond: 0, nonFinite: 0, lines: [] } },
    ]) assert.equal(webviewMessageSchema.safeParse(m).success, false, JSON.stringify(m));
  });
});
