import assert from 'node:assert/strict';
import { measuredAgainst, requirementText } from '../../../src/core/verdict';
import type { CheckOutcome, Comparator } from '../../../src/core/verdict';

const say = (value: number | null, comparator: Comparator, threshold: number, outcome: CheckOutcome) => measuredAgainst({ value, comparator, threshold, outcome });

describe('verdict phrase: measured against required', () => {
  it('words an upper limit, a minimum and an equality by the outcome', () => {
    assert.equal(say(0.24981, '<=', 0.15, 'FAIL'), '0.2498 — above the limit 0.15');
    assert.equal(say(0.03, '<=', 0.05, 'PASS'), '0.03 — within the limit 0.05');
    assert.equal(say(0.15, '<', 0.15, 'FAIL'), '0.15 — at the limit 0.15 (must be below)');
    assert.equal(say(0.97, '>=', 0.95, 'PASS'), '0.97 — meets the minimum 0.95');
    assert.equal(say(0.9, '>=', 0.95, 'WARN'), '0.9 — below the minimum 0.95');
    assert.equal(say(1, '==', 0, 'FAIL'), '1 — not equal to 0');
    assert.equal(say(0, '==', 0, 'PASS'), '0 — equal to 0');
  });

  it('says what is missing and what was required', () => {
    assert.equal(say(null, '<=', 0.85, 'NO_DATA'), 'no data — required at most 0.85');
    assert.equal(say(null, '>=', 0.95, 'ERROR'), 'not measured (error) — required at least 0.95');
    assert.equal(say(Number.POSITIVE_INFINITY, '<=', 1, 'NO_DATA'), '+Inf — not a measurement, required at most 1');
    assert.equal(say(Number.NaN, '<=', 1, 'FAIL'), 'NaN — not a measurement, required at most 1');
    assert.equal(say(Number.NEGATIVE_INFINITY, '>=', 0.5, 'FAIL'), '-Inf — not a measurement, required at least 0.5');
    assert.equal(say(Number.NEGATIVE_INFINITY, '>=', 0.5, 'NO_DATA'), '-Inf — not a measurement, required at least 0.5');
    // A value-less outcome other than NO_DATA/ERROR (a hand-edited report) still says nothing was measured.
    assert.equal(say(null, '<', 2, 'FAIL'), 'no value — required below 2');
  });

  it('does not contradict an outcome the judge reached on more than the point value', () => {
    assert.equal(say(0.0025, '<=', 0.1, 'FAIL'), '0.0025 — failed against at most 0.1');
    assert.equal(say(0.5, '<=', 0.1, 'PASS'), '0.5 — passed against at most 0.1');
    assert.equal(say(1.2, '<=', 1.5, 'INCONCLUSIVE'), '1.2 — cannot tell against at most 1.5');
    assert.equal(requirementText('>', 3), 'above 3');
    assert.equal(requirementText('==', 0), 'equal to 0');
  });
});
