import assert from 'node:assert/strict';
import { chartMessageSchema } from '../../../src/core/charts/messages';

describe('chart webview messages (zod)', () => {
  const drawn = { checkId: 'ratio', canvas: true, series: 1, points: 61, beyond: 20, nonFinite: 1, lines: [0.3] };

  it('accepts each message the webview sends', () => {
    for (const m of [{ type: 'ready' }, { type: 'refresh' }, { type: 'openInPrometheus', chart: 0 }, { type: 'rendered', charts: [drawn] }, { type: 'rendered', charts: [] }]) {
      assert.equal(chartMessageSchema.safeParse(m).success, true, JSON.stringify(m));
    }
  });

  it('rejects unknown types, extra keys, and counts that are not counts', () => {
    for (const m of [
      null,
      'ready',
      { type: 'open', url: 'https://evil.example' },
      { type: 'ready', extra: 1 },
      { type: 'openInPrometheus', chart: -1 },
      { type: 'openInPrometheus', chart: 0.5 },
      { type: 'openInPrometheus', chart: 0, url: 'https://evil.example' },
      { type: 'rendered', charts: [{ ...drawn, points: -1 }] },
      { type: 'rendered', charts: [{ ...drawn, canvas: 'yes' }] },
      { type: 'rendered', charts: [{ ...drawn, extra: true }] },
      { type: 'rendered', charts: [{ ...drawn, lines: Array(11).fill(0) }] },
    ]) assert.equal(chartMessageSchema.safeParse(m).success, false, JSON.stringify(m));
  });
});
