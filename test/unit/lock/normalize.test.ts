import assert from 'node:assert/strict';
import { normalizeProfile } from '../../../src/core/lock';
import { pythonFloatRepr, pythonJsonString } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';
import { APPENDIX_C } from './appendixC';

function loadError(text: string): InputError {
  try {
    normalizeProfile(text, 'p.yaml');
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be refused`);
}

describe('locks: normalization (PyYAML safe_load + json.dumps)', () => {
  for (const [yaml, expected] of APPENDIX_C) {
    it(`Appendix C: ${JSON.stringify(yaml)} → ${expected instanceof Error ? `error (${expected.message})` : expected}`, () => {
      if (expected instanceof Error) loadError(yaml);
      else assert.equal(normalizeProfile(yaml, 'p.yaml').json, expected);
    });
  }

  it('hashes the empty document to the hash of null', () => {
    assert.equal(normalizeProfile('', 'p.yaml').sha256, '74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b');
  });

  it('keeps 1.0 a float and 1 an int all the way', () => {
    assert.equal(normalizeProfile('a: 1.0\nb: 1\nc: 1.50', 'p.yaml').json, '{"a":1.0,"b":1,"c":1.5}');
  });

  it('reprs floats like Python at the notation thresholds', () => {
    const cases: [number, string][] = [
      [1e16, '1e+16'], [9999999999999998, '9999999999999998.0'], [1e-4, '0.0001'], [9.99e-5, '9.99e-05'], [1e22, '1e+22'],
      [1.5e300, '1.5e+300'], [-2.5e-10, '-2.5e-10'], [123.456, '123.456'], [0.1 + 0.2, '0.30000000000000004'], [5e-324, '5e-324'],
      [-0, '-0.0'], [100, '100.0'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    ];
    for (const [x, s] of cases) assert.equal(pythonFloatRepr(x), s, String(x));
  });

  it('escapes strings like ensure_ascii, with surrogate pairs', () => {
    assert.equal(pythonJsonString('a"b\\c\n\t\u0001\u007f~ é😀'), '"a\\"b\\\\c\\n\\t\\u0001\\u007f~ \\u00e9\\ud83d\\ude00"');
  });

  it('sorts keys by code point, not by UTF-16 unit', () => {
    assert.equal(normalizeProfile('"\\uFF61": 1\n"\\U00010000": 2', 'p.yaml').json, '{"\\uff61":1,"\\ud800\\udc00":2}');
  });

  it('sorts numeric keys numerically and merges 1, 1.0 and true into one key', () => {
    assert.equal(normalizeProfile('10: a\n9: b\n1: c\n1.0: d\ntrue: e', 'p.yaml').json, '{"1":"e","9":"b","10":"a"}');
  });

  it('reads big integers exactly', () => {
    assert.equal(normalizeProfile('n: 123456789012345678901234567890123', 'p.yaml').json, '{"n":123456789012345678901234567890123}');
  });

  it('reads CRLF input like LF input', () => {
    assert.equal(normalizeProfile('a:\r\n  b: 1.0\r\n', 'p.yaml').sha256, normalizeProfile('a:\n  b: 1.0\n', 'p.yaml').sha256);
  });

  it('applies merge lists with earlier sources winning and own keys last', () => {
    const text = 'x: &x {k: 1, a: 1}\ny: &y {k: 2, b: 2}\nz:\n  <<: [*x, *y]\n  a: 9';
    assert.equal(normalizeProfile(text, 'p.yaml').json, '{"x":{"a":1,"k":1},"y":{"b":2,"k":2},"z":{"a":9,"b":2,"k":1}}');
  });

  it('names file, line and column for a date, mixed keys, an unknown tag and bad YAML', () => {
    assert.equal(loadError('a: 1\nwhen: 2025-08-21\n').format().startsWith('p.yaml:2:7: '), true);
    assert.match(loadError('a: 1\nm: {1: a, b: c}').format(), /^p\.yaml:2:4: mapping mixes key types/);
    assert.match(loadError('a: !custom x').format(), /^p\.yaml:1:12: could not determine a constructor for the tag '!custom'/);
    assert.match(loadError('a: [1, 2\nb: 3').format(), /^p\.yaml:\d+:\d+: invalid YAML/);
    assert.match(loadError('a:\n\t- b').format(), /^p\.yaml:2:1: invalid YAML: found character '\\t' that cannot start any token/);
    assert.match(loadError('a: 0b_').format(), /^p\.yaml:1:4: invalid literal/);
  });

  it('refuses recursive aliases and alias bombs instead of hanging', () => {
    assert.match(loadError('a: &a [*a]').message, /recursive/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    assert.match(loadError(bomb).message, /expand/);
  });
});
