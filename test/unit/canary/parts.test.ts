import assert from 'node:assert/strict';
import { canaryMetricFamilies, profileLabel } from '../../../src/core/canary/metrics';
import { checkPlaceholders, expand } from '../../../src/core/canary/placeholders';
import type { CanaryResults } from '../../../src/core/canary/results';
import { lastChars, TailBuffer } from '../../../src/core/canary/tail';
import { renderExposition } from '../../../src/core/metrics/exposition';
import { InputError } from '../../../src/core/util/errors';

describe('canary parts: placeholders, tails, metrics', () => {
  it('expands placeholders inside one argv entry, never splitting it', () => {
    const v = { profile: '/p/my profile.yaml', runId: '7', runDir: '/a/run-07', gating: 'hard', node: '/usr/bin/node', configDir: '/c' };
    assert.equal(expand('--config=${profile}', v), '--config=/p/my profile.yaml');
    assert.equal(expand('${runDir}/out-${runId}.log', v), '/a/run-07/out-7.log');
    assert.equal(expand('$HOME ${gating}', v), '$HOME hard', 'no shell expansion');
  });

  it('rejects an unknown placeholder before any run', () => {
    assert.throws(() => checkPlaceholders(['run', '${run_dir}'], 'c.yaml'), (e: unknown) => e instanceof InputError && /unknown placeholder \$\{run_dir\}/.test(e.message) && e.location?.file === 'c.yaml');
    checkPlaceholders(['${profile}', '${runId}', '${runDir}', '${gating}', '${node}', '${configDir}'], 'c.yaml');
  });

  it('names the bad placeholder, its argument and every known one; any argument may hold it', () => {
    assert.throws(() => checkPlaceholders(['ok ${runId}', 'x-${}'], 'c.yaml'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.message, "unknown placeholder ${} in 'x-${}' (known: ${profile} ${runId} ${runDir} ${gating} ${node} ${configDir})");
      return true;
    });
  });

  it('keeps only the last bytes of a stream and counts the rest', () => {
    const t = new TailBuffer(10);
    for (const s of ['hello ', 'world ', 'and more']) t.push(Buffer.from(s));
    assert.equal(t.text(), 'd and more');
    assert.equal(t.total, 20);
    assert.equal(t.truncated, true);
    const none = new TailBuffer(0);
    none.push(Buffer.from('x'));
    assert.equal(none.text(), '');
    assert.equal(lastChars('abcdef', 3), 'def');
    assert.equal(lastChars('ab', 3), 'ab');
    assert.equal(lastChars('abc', 0), '', 'zero keeps nothing (slice(-0) would keep everything)');
  });

  it('is not truncated while the bytes seen fit exactly; a character cut at the start becomes U+FFFD', () => {
    const exact = new TailBuffer(6);
    exact.push(Buffer.from('abc'));
    exact.push(Buffer.from('def'));
    assert.deepEqual([exact.text(), exact.total, exact.truncated], ['abcdef', 6, false]);
    exact.push(Buffer.from('g'));
    assert.deepEqual([exact.text(), exact.total, exact.truncated], ['bcdefg', 7, true]);
    const cut = new TailBuffer(1);
    cut.push(Buffer.from('é')); // two bytes: only the second is kept
    assert.equal(cut.text(), '\uFFFD');
  });

  it('exports the agreed canary metric names with a profile label', () => {
    assert.equal(profileLabel('configs/profiles/r2.yaml'), 'r2');
    assert.equal(profileLabel('C:\\x\\smoke.yaml'), 'smoke');
    assert.equal(profileLabel('profiles/r2.v1.yaml'), 'r2.v1', 'only the last extension goes');
    const results = {
      timestamp: '2026-11-27T02:00:00.000Z',
      config: { profile: 'configs/profiles/r2.yaml', runs: 10, gating: 'soft' },
      evaluation: { total_runs: 10, successful_runs: 9, healthy_runs: 6, success_rate: 0.9, health_rate: 0.6, avg_duration: 1, success_threshold: 0.7, health_threshold: 0.7, overall_passed: false, status: 'FAIL' },
      run_results: [],
      health_results: [],
    } as CanaryResults;
    const families = canaryMetricFamilies(results);
    assert.ok(families.every((f) => f.type === 'gauge' && f.help.length > 0), 'each a gauge that says what it measures');
    const text = renderExposition(families);
    assert.match(text, /^aurora_canary_success_rate\{profile="r2"\} 0\.9$/m);
    assert.match(text, /^aurora_canary_health_rate\{profile="r2"\} 0\.6$/m);
    assert.match(text, /^aurora_canary_passed\{profile="r2"\} 0$/m);
    assert.match(text, /^aurora_canary_runs\{profile="r2"\} 10$/m);
    assert.match(text, /^aurora_canary_timestamp_seconds\{profile="r2"\} 1795744800$/m);
  });
});
