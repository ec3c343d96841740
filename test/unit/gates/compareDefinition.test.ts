// The compare check kind in gates files: its defaults, and the clear errors for the ways it can be
// written wrong (no form, both forms, half a counts form, ${side} outside a compare check).
import assert from 'node:assert/strict';
import { parseGates } from '../../../src/core/gates/load';
import { InputError } from '../../../src/core/util/errors';

const gates = (check: string) => `schema_version: 1
gates:
  - key: compare
    id: 1
    name: Compare
    fail_action: NO-GO
    remediation: look at the candidate
    checks:
      - id: c
        name: latency
${check}`;

function fails(text: string, pattern: RegExp): void {
  assert.throws(() => parseGates(text, 'gates.yaml'), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.match(err.format(), pattern);
    return true;
  });
}

describe('gates: the compare check kind', () => {
  it('applies the defaults a reviewer would sign: 98 % confidence, ≥ 10 samples, spread judged, missing data inconclusive', () => {
    const { definitions } = parseGates(gates('        type: compare\n        query: lat{version="${side}"}\n        allowed: 0.1\n'), 'gates.yaml');
    const c = definitions.gates[0].checks[0];
    assert.ok(c.type === 'compare');
    assert.deepEqual(
      [c.baseline, c.candidate, c.direction, c.effect, c.confidence, c.min_samples, c.nan, c.spread_allowed, c.on_missing, c.must_have_data, c.group, c.weight],
      ['${baseline}', '${candidate}', 'increase', 'relative', 0.98, 10, 'remove', 0.5, 'inconclusive', false, 'default', 1],
    );
  });

  it('names what is wrong: no query, both forms, half a counts form, an unknown key, a critical limit below allowed, ${side} elsewhere', () => {
    fails(gates('        type: compare\n        allowed: 0.1\n'), /needs either 'query' \(samples\) or 'errors' and 'requests' \(counts\)/);
    fails(gates('        type: compare\n        query: x\n        errors: y\n        requests: z\n        allowed: 0.1\n'), /needs either 'query'/);
    fails(gates('        type: compare\n        errors: y{v="${side}"}\n        allowed: 0.1\n'), /needs both 'errors' and 'requests'/);
    fails(gates('        type: compare\n        query: x\n        alowed: 0.1\n'), /unknown key 'alowed'/);
    fails(gates('        type: compare\n        query: x\n        allowed: 0.2\n        critical_limit: 0.1\n'), /critical_limit 0\.1 is below allowed 0\.2/);
    fails(gates('        type: promql\n        query: x{v="${side}"}\n        comparator: "<="\n        threshold: 1\n'), /unknown variable \$\{side\}/);
  });
});
