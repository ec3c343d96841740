import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { renderAuditMarkdown } from '../../../src/core/audit/markdown';
import { runDctsAudit } from '../../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../../src/core/audit/thresholds';
import { summariesDir, summary } from './fixtures';

describe('audit: Markdown summary', () => {
  let dir: string;
  before(() => {
    dir = summariesDir({ 'a.json': summary(0.5, 0.4, 0.4, { '1.0': 0.5, '0.5': 0.45 }), 'b|ad.json': '{' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the original layout, ends with a newline, never prints None, escapes pipes', async () => {
    const r = await runDctsAudit({ summaries: ['*.json'], cwd: dir, thresholds: defaultAuditThresholds }, new AbortController().signal);
    const md = renderAuditMarkdown(r);
    assert.ok(md.startsWith('# DCTS Audit Summary\n'));
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
    assert.doesNotMatch(md, /None|undefined|null|NaN/);
    assert.match(md, /^\*\*Status: WARN\*\*/m);
    assert.match(md, /^N base=1 robust=1$/m);
    assert.match(md, /^\| dcts_robust \| 1 \| 0\.4 \| 0 \|$/m);
    assert.match(md, /^var_ratio = n\/a$/m);
    assert.match(md, /^robust_is_min_fraction = 1$/m);
    assert.ok(md.indexOf('| 0.5 |') < md.indexOf('| 1.0 |'), 'grids sorted by key');
    assert.match(md, /^\| b\\\|ad\.json \| not JSON: .* \|$/m);
  });
});
