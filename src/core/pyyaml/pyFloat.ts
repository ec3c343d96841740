/**
 * Python's `repr(float)`: the shortest digits that round-trip (JS finds the same ones), fixed
 * notation for 1e-4 <= |x| < 1e16 with `.0` on integral values, otherwise `d.ddde±XX`.
 * NaN and infinities are spelled as json.dumps spells them (allow_nan=True).
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  // In this range JS prints the same shortest digits in fixed notation; Python adds `.0` to integers.
  if (abs >= 1e-4 && abs < 1e16) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  // Outside it Python uses d.ddde±XX with at least two exponent digits (1e-05, 1e+16).
  const [mantissa, expText] = abs.toExponential().split('e');
  const exp = Number(expText);
  return `${x < 0 ? '-' : ''}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
