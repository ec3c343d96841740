import assert from 'node:assert/strict';
import { renderExposition } from '../../../src/core/metrics/exposition';

describe('renderExposition', () => {
  it('writes HELP, TYPE and escaped label values', () => {
    const text = renderExposition([
      { name: 'aurora_ga_gate_status', help: 'Gate status\nsee docs', type: 'gauge', samples: [{ labels: { gate: 'a"b\\c' }, value: 3 }] },
    ]);
    assert.equal(text, '# HELP aurora_ga_gate_status Gate status\\nsee docs\n# TYPE aurora_ga_gate_status gauge\naurora_ga_gate_status{gate="a\\"b\\\\c"} 3\n');
  });

  it('spells special floats the way Prometheus parses them', () => {
    const text = renderExposition([{ name: 'x', help: 'h', type: 'gauge', samples: [{ value: NaN }, { value: Infinity }, { value: -Infinity }] }]);
    assert.deepEqual(text.trim().split('\n').slice(2), ['x NaN', 'x +Inf', 'x -Inf']);
  });

  it('refuses invalid metric and label names', () => {
    assert.throws(() => renderExposition([{ name: '1bad', help: '', type: 'gauge', samples: [] }]), /invalid metric name/);
    assert.throws(() => renderExposition([{ name: 'ok', help: '', type: 'gauge', samples: [{ labels: { 'a-b': 'x' }, value: 1 }] }]), /invalid label name/);
  });
});
