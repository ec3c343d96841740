import assert from 'node:assert/strict';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { itemMatches, type ITEM_FILTERS } from '../../../src/core/checklist/filter';
import { renderMarkdown } from '../../../src/core/checklist/markdown';
import { buildChecklist } from '../../../src/core/checklist/view';
import { completeState, inputs, verified } from './fixtures';

// The panel titles items for people; the export keeps the original checklist's wording.

const build = (i = inputs()) => buildChecklist(i, { ok: true, loaded: { state: completeState(), existed: true, unknownItems: [] } }, new Date(), verified());

describe('checklist item titles, the item filter and the sources as shown', () => {
  it('gives every item a title for people: no template alternatives, no Markdown, no metric names', () => {
    for (const def of ALL_ITEMS) {
      assert.ok(def.title.trim().length > 3, `${def.id} has a title`);
      assert.doesNotMatch(def.title, /\*\*|`|✅|⚠️|❌| \/ |\(from /, `${def.id}: "${def.title}" reads as a template`);
    }
    const items = build().view.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
    const byId = new Map(items.map((i) => [i.id, i]));
    assert.equal(byId.get('gate1.status')?.title, 'Gate 1 passes as a whole');
    assert.equal(byId.get('gate1.status')?.text, '**Status:** ✅ PASS / ⚠️ WARN / ❌ FAIL', 'the original text is kept beside the title');
    assert.equal(byId.get('gate1.c2')?.title, 'Warning rate at most 5%');
    assert.equal(byId.get('gate1.c2')?.text, '**Warning Rate:** ≤ 5% (from `aurora_warn_rate`)');
  });

  it('exports the original wording, never the titles (the export keeps the original layout)', () => {
    const c = build();
    const md = renderMarkdown(c.view, c.answers);
    for (const def of ALL_ITEMS) {
      if (def.id === 'gates.overall') continue; // the original's "Overall GA Gates" line is filled in, not a checkbox
      assert.ok(md.includes(`] ${def.text}`), `${def.id}: original line kept`);
      if (def.title !== def.text) assert.ok(!md.includes(def.title), `${def.id}: title "${def.title}" not in the export`);
    }
  });

  it('filters: open is not yet satisfied, failing is FAIL / NO DATA / CONDITIONAL, manual is what a person ticks', () => {
    const statuses = ['satisfied', 'warn', 'failed', 'no_data', 'open'] as const;
    const pick = (f: (typeof ITEM_FILTERS)[number], kind: 'auto' | 'manual') => statuses.filter((status) => itemMatches(f, { status, kind }));
    assert.deepEqual(pick('all', 'auto'), [...statuses]);
    assert.deepEqual(pick('open', 'auto'), ['warn', 'failed', 'no_data', 'open']);
    assert.deepEqual(pick('failing', 'manual'), ['warn', 'failed', 'no_data']);
    assert.deepEqual(pick('manual', 'auto'), []);
    assert.deepEqual(pick('manual', 'manual'), [...statuses]);
  });

  it('shows readiness as what it says, with the reason, not as "ok · NOT_READY"', () => {
    const i = inputs();
    assert.equal(i.readiness.state, 'ok');
    Object.assign(i.readiness.value, { readiness_status: 'NOT_READY', overall_ready: false });
    i.readiness.value.results[4] = { id: 'git_clean', name: 'Git Tree', passed: false, message: '2 uncommitted files', details: [] };
    const src = build(i).view.sources;
    assert.deepEqual(src.find((s) => s.name === 'Readiness'), { name: 'Readiness', where: 'readiness checks', file: null, state: 'ok', verdict: 'fail', detail: 'NOT READY — Git Tree: 2 uncommitted files' });
    const ready = build().view.sources.find((s) => s.name === 'Readiness');
    assert.deepEqual([ready?.verdict, ready?.detail], ['pass', 'READY']);
    assert.equal(build().view.sources.find((s) => s.name === 'Gate report')?.verdict, 'pass');
  });
});
