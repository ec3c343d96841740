// Checklist figures: filling the checklist from the artifacts (pure, and from disk with the real lock
// engine, git and promtool), a change round trip (read, apply, atomic write, refill), the Markdown
// export. Prints medians; asserts nothing.
import { performance } from 'node:perf_hooks';
import { renderMarkdown } from '../../src/core/checklist/markdown';
import { ChecklistSession, evaluateChecklist, updateChecklist } from '../../src/core/checklist/session';
import { buildChecklist } from '../../src/core/checklist/view';
import { completeState, inputs } from '../unit/checklist/fixtures';
import { loadOptions, makeWorkspace, rm } from '../unit/checklist/workspace';

async function median(n: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}

async function main(): Promise<void> {
  const signal = new AbortController().signal;
  const i = inputs();
  const state = { ok: true as const, loaded: { state: completeState(), existed: true, unknownItems: [] } };
  const pure = await median(500, () => buildChecklist(i, state));
  const c = buildChecklist(i, state);
  const md = await median(500, () => renderMarkdown(c.view, c.answers));
  const root = makeWorkspace();
  try {
    const disk = await median(15, () => evaluateChecklist(root, loadOptions, signal));
    const noReadiness = await median(15, () => evaluateChecklist(root, { ...loadOptions, runReadiness: false }, signal));
    let flip = false;
    const change = await median(15, () => updateChecklist(root, loadOptions, { type: 'setItem', id: 'safety.panic', checked: (flip = !flip) }, signal));
    // The editor's panel: the evidence is kept in a session, so a tick re-reads only the state file.
    const session = new ChecklistSession(root, () => loadOptions);
    await session.evaluate(signal);
    const sessionTick = await median(15, () => session.update({ type: 'setItem', id: 'safety.panic', checked: (flip = !flip) }, signal));
    console.log(`  checklist fill, pure (57 items, 5 gates, 10 canary runs): ${pure.toFixed(3)} ms`);
    console.log(`  Markdown export render: ${md.toFixed(3)} ms`);
    console.log(`  checklist fill from disk (reports, 2 real locks, readiness with git + promtool): ${disk.toFixed(1)} ms`);
    console.log(`  checklist fill from disk without readiness (untrusted workspace): ${noReadiness.toFixed(1)} ms`);
    console.log(`  tick round trip (refill + atomic state write + refill): ${change.toFixed(1)} ms`);
    console.log(`  tick in the editor's session (kept evidence; state read + atomic write + re-decide): ${sessionTick.toFixed(1)} ms, ${(change / sessionTick).toFixed(1)}x faster than the one-shot round trip`);
    console.log(`  fill with readiness / without: ${(disk / noReadiness).toFixed(1)}x`);
  } finally {
    rm(root);
  }
}

void main();
