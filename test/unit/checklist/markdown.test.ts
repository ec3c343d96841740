import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { escapeMd, renderMarkdown } from '../../../src/core/checklist/markdown';
import { buildChecklist } from '../../../src/core/checklist/view';
import { captureIO } from '../cli/main.test';
import { completeState, inputs, verified } from './fixtures';
import { makeWorkspace, rm } from './workspace';
import { originalKitFile } from '../../support/originalKit';

const signal = new AbortController().signal;
/** Markdown headings outside fenced code blocks (a bash `# comment` is not a heading). */
function headings(md: string): string[] {
  let fenced = false;
  return md.split('\n').filter((l) => {
    if (l.trimStart().startsWith('```')) fenced = !fenced;
    return !fenced && /^#{1,3} /.test(l);
  }).map((l) => l.trimEnd());
}

describe('checklist Markdown export', () => {
  it('keeps the original checklist\'s headings, in order', () => {
    const original = fs.readFileSync(originalKitFile('ga_promotion_checklist.md'), 'utf8');
    const c = buildChecklist(inputs(), { ok: true, loaded: { state: completeState(), existed: true, unknownItems: [] } }, new Date(), verified());
    const md = renderMarkdown(c.view, c.answers);
    const ours = headings(md);
    // Every heading of the original appears, in the original's order (ours adds "Release Readiness").
    let at = 0;
    for (const h of headings(original)) {
      const found = ours.indexOf(h, at);
      assert.ok(found >= 0, `missing or out of order: ${h}`);
      at = found + 1;
    }
  });

  it('ticks answered items, fills the blanks, the matrix and the decision box, and lists the signatures with their time', () => {
    const c = buildChecklist(inputs(), { ok: true, loaded: { state: completeState(), existed: true, unknownItems: [] } }, new Date(), verified());
    const md = renderMarkdown(c.view, c.answers);
    assert.match(md, /\*\*RC Version:\*\* 0\.4\.0-rc1 {2}\n\*\*Target GA Version:\*\* 0\.4\.0 {2}\n\*\*Release Manager:\*\* release\\_manager person/);
    assert.match(md, /- \[x\] \*\*CI Gating Violations:\*\* `exit=3` count = 0 \(last 48h\) — ✅ CI gating violations: 0 — equal to 0 \(PASS\)/);
    assert.match(md, /\| GA Gates \| ✅ PASS \| CRITICAL \| all satisfied \|/);
    assert.match(md, /\*\*☑ GO\*\* - Proceed with GA promotion {2}\n\*\*□ NO-GO\*\*/);
    assert.match(md, /SRE Lead: sre\\_lead person Date: 2026-11-27T00:00:00Z — SSH-signed, verified {2}/);
    assert.match(md, /- \*\*GA Gates:\*\* 5 \/ 5 PASS/);
  });

  it('labels non-live data and escapes notes so they cannot become markup', () => {
    const i = inputs();
    assert.equal(i.gates.state, 'ok');
    i.gates.value.data_mode = 'demo';
    const s = completeState();
    s.items['safety.panic'].note = '<script>alert(1)</script> | *x* [l](javascript:1)';
    const c = buildChecklist(i, { ok: true, loaded: { state: s, existed: true, unknownItems: [] } }, new Date(), verified());
    const md = renderMarkdown(c.view, c.answers);
    assert.match(md, /> \*\*DEMO DATA — this checklist cannot be used to promote\.\*\*/);
    assert.match(md, /_Note:_ \\<script\\>alert\(1\)\\<\/script\\> \\\| \\\*x\\\* \\\[l\\\]\(javascript:1\)/);
    assert.doesNotMatch(md, /<script>/);
    assert.equal(escapeMd('a|b\nc'), 'a\\|b c');
  });

  describe('aurora-ga checklist', function () {
    this.timeout(20000);
    let root: string;
    beforeEach(() => {
      root = makeWorkspace();
    });
    afterEach(() => rm(root));

    it('exits 1 (NO-GO) with the deciding items on stderr, 3 once only sign-offs are missing, and prints JSON with --format json', async () => {
      const io = captureIO(root);
      assert.equal(await runCli(['checklist'], io, signal), 1);
      assert.match(io.out, /^# AURORA GA Promotion Checklist v1\.0/);
      assert.match(io.err, /^data: gate report LIVE · canary LIVE\n/);
      assert.match(io.err, /❌ NO-GO — Address issues and re-evaluate\n {2}- CRITICAL · Gate 3 · Trend: Stable coverage tracking — OPEN: not ticked\n$/);

      const state = { schema_version: 1, header: {}, items: { 'gate3.c3': { checked: true, note: '', updated_at: 't' } }, rationale: '', signoffs: {}, history: [] };
      fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), JSON.stringify(state));
      const json = captureIO(root);
      assert.equal(await runCli(['checklist', '--format', 'json'], json, signal), 3);
      const view = JSON.parse(json.out);
      assert.equal(view.decision.decision, 'CONDITIONAL');
      assert.deepEqual(view.decision.deciding.map((d: { text: string }) => d.text), ['Sign-off missing: Release Manager', 'Sign-off missing: SRE Lead', 'Sign-off missing: Product Owner']);
    });

    it('exits 2 on a bad flag, and reports a corrupt state without touching it', async () => {
      const bad = captureIO(root);
      assert.equal(await runCli(['checklist', '--format', 'html'], bad, signal), 2);
      fs.writeFileSync(path.join(root, 'artifacts/ga/checklist.json'), '{ nope');
      const io = captureIO(root);
      assert.equal(await runCli(['checklist', '--output', 'out.md'], io, signal), 1);
      assert.match(io.err, /warning: .*checklist\.json:1:\d+: invalid JSON/);
      assert.match(fs.readFileSync(path.join(root, 'out.md'), 'utf8'), /> Checklist state unreadable:/);
      assert.equal(fs.readFileSync(path.join(root, 'artifacts/ga/checklist.json'), 'utf8'), '{ nope');
    });
  });
});
