// Judge benchmarks (printed figures, no assertions):
//  1. A/A false-alarm rates: seeded simulations with baseline and candidate from the same
//     distribution; every rate must stay within α plus the stated tolerance (3 binomial standard errors);
//  2. power: the share of injected shifts, spread increases and error-rate increases detected;
//  3. speed of one judgement on a 48 h window at 1 m (2,881 samples per side) against a sort of the pooled samples.
import { judgeCounts, judgeSamples, kolmogorovSmirnov, mannWhitney, type SampleSettings } from '../../src/core/judge';
import { normals, seeded } from '../support/seeded';

const ALPHA = 0.02;
const SIMS = 2000;
const TOLERANCE = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / SIMS);
const STRICT: SampleSettings = { direction: 'increase', effect: 'relative', allowed: 0, confidence: 1 - ALPHA, minSamples: 5, nan: 'remove', spreadAllowed: 0 };
const GATE: SampleSettings = { ...STRICT, allowed: 0.05, spreadAllowed: 0.5 };

type Shape = 'normal' | 'lognormal' | 'rounded';
function draw(z: () => number, shape: Shape, n: number, shift = 0, scale = 1): number[] {
  return Array.from({ length: n }, () => {
    const e = z() * scale;
    if (shape === 'lognormal') return 100 * Math.exp(0.3 * e) * (1 + shift);
    if (shape === 'rounded') return Math.round(20 * (1 + 0.05 * e) * (1 + shift));
    return 100 * (1 + 0.05 * e) * (1 + shift);
  });
}

/** Binomial(n, p) draws by counting Bernoulli trials (slow, but plainly right). */
function binomials(u: () => number): (n: number, p: number) => number {
  return (n, p) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (u() < p) k++;
    return k;
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const verdictFlag = (ok: boolean) => (ok ? 'within' : 'ABOVE');

function aa(): void {
  console.log(`  A/A false alarms, α = ${ALPHA}, ${SIMS} seeded simulations per row, tolerance α + 3 SE = ${pct(ALPHA + TOLERANCE)}`);
  console.log('  shape      n     MW p<α    KS p<α    judge FAIL (allowed 0, spread 0)   judge FAIL (gate: 5 %, spread +50 %)');
  let seed = 1;
  for (const shape of ['normal', 'lognormal', 'rounded'] as Shape[]) {
    for (const n of shape === 'normal' ? [8, 30, 121, 500] : [8, 30, 121]) {
      const z = normals(seeded(seed++));
      let mw = 0;
      let ks = 0;
      let strict = 0;
      let gate = 0;
      for (let s = 0; s < SIMS; s++) {
        const b = draw(z, shape, n);
        const c = draw(z, shape, n);
        if (mannWhitney(c, b, { confidence: 1 - ALPHA }).p < ALPHA) mw++;
        if (kolmogorovSmirnov(c, b).p < ALPHA) ks++;
        if (judgeSamples(c, b, STRICT).verdict === 'FAIL') strict++;
        if (judgeSamples(c, b, GATE).verdict === 'FAIL') gate++;
      }
      const r = (k: number) => `${pct(k / SIMS).padStart(7)} ${verdictFlag(k / SIMS <= ALPHA + TOLERANCE)}`;
      console.log(`  ${shape.padEnd(9)} ${String(n).padStart(4)}  ${r(mw)}  ${r(ks)}  ${r(strict).padEnd(33)}  ${r(gate)}`);
    }
  }
  const binom = binomials(seeded(99));
  let fails = 0;
  let passes = 0;
  for (let s = 0; s < SIMS; s++) {
    const j = judgeCounts({ errors: binom(20_000, 0.005), requests: 20_000 }, { errors: binom(20_000, 0.005), requests: 20_000 }, { allowed: 0, confidence: 1 - ALPHA, minRequests: 1000 });
    if (j.verdict === 'FAIL') fails++;
    const g = judgeCounts({ errors: binom(20_000, 0.005), requests: 20_000 }, { errors: binom(20_000, 0.005), requests: 20_000 }, { allowed: 0.5, confidence: 1 - ALPHA, minRequests: 1000 });
    if (g.verdict === 'PASS') passes++;
  }
  console.log(`  error rates 0.5 % vs 0.5 % in 20,000 requests: FAIL (allowed 0) ${pct(fails / SIMS)} ${verdictFlag(fails / SIMS <= ALPHA + TOLERANCE)}; PASS with allowed +50 %: ${pct(passes / SIMS)}`);
}

function power(): void {
  const sims = 300;
  console.log(`  power (share of ${sims} seeded simulations that FAIL), normal noise sd 5 %, α = ${ALPHA}`);
  console.log('  injected                  n=30     n=121    n=500    (judge with allowed 0; gate column: allowed 5 %, n=121)');
  const row = (label: string, make: (z: () => number, n: number) => [number[], number[]]) => {
    const cells: string[] = [];
    let gateHits = 0;
    let seed = label.length * 1000;
    for (const n of [30, 121, 500]) {
      const z = normals(seeded(seed++));
      let hits = 0;
      for (let s = 0; s < sims; s++) {
        const [c, b] = make(z, n);
        if (judgeSamples(c, b, STRICT).verdict === 'FAIL') hits++;
        if (n === 121 && judgeSamples(c, b, GATE).verdict === 'FAIL') gateHits++;
      }
      cells.push(pct(hits / sims).padStart(7));
    }
    console.log(`  ${label.padEnd(24)} ${cells.join('  ')}   gate ${pct(gateHits / sims)}`);
  };
  for (const shift of [0.01, 0.02, 0.05, 0.1, 0.2]) row(`shift +${shift * 100} %`, (z, n) => [draw(z, 'normal', n, shift), draw(z, 'normal', n)]);
  for (const scale of [1.5, 2, 3]) row(`spread × ${scale}, same median`, (z, n) => [draw(z, 'normal', n, 0, scale), draw(z, 'normal', n)]);
  const binom = binomials(seeded(7));
  for (const factor of [1.5, 2, 3]) {
    let hits = 0;
    for (let s = 0; s < sims; s++) {
      const j = judgeCounts({ errors: binom(20_000, 0.005 * factor), requests: 20_000 }, { errors: binom(20_000, 0.005), requests: 20_000 }, { allowed: 0, confidence: 1 - ALPHA, minRequests: 1000 });
      if (j.verdict === 'FAIL') hits++;
    }
    console.log(`  error rate × ${factor} (0.5 % base, 20,000 requests per side): ${pct(hits / sims)}`);
  }
}

function speed(): void {
  const z = normals(seeded(3));
  const b = draw(z, 'normal', 2881);
  const c = draw(z, 'normal', 2881, 0.03);
  const time = (fn: () => void, reps: number) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) fn();
    return Number(process.hrtime.bigint() - t0) / 1e6 / reps;
  };
  const judge = time(() => judgeSamples(c, b, GATE), 20);
  const sort = time(() => [...c, ...b].sort((x, y) => x - y), 200);
  console.log(`  one judgement, 2,881 vs 2,881 samples (48 h at 1 m): ${judge.toFixed(1)} ms; sorting the 5,762 pooled samples: ${sort.toFixed(2)} ms; ratio ${(judge / sort).toFixed(0)}`);
}

aa();
power();
speed();
