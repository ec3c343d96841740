// The judge's statistics against R, computed in this test by one Rscript process over a generated
// corpus (ties, tiny samples, constant samples, shifts, spread changes): wilcox.test (normal
// approximation with continuity correction, and R's default exact test for small samples without
// ties), median(outer(x, y, "-")), ks.test(exact = FALSE), Brown–Forsythe via oneway.test on
// absolute deviations, fisher.test and binom.test.
import assert from 'node:assert/strict';
import { brownForsythe, compareCounts, hodgesLehmann, kolmogorovSmirnov, mannWhitney } from '../../../src/core/judge';
import { fromR, hasRscript, rNumbers, runR } from '../../support/rscript';
import { normals, seeded } from '../../support/seeded';

interface Pair {
  label: string;
  x: number[];
  y: number[];
  confidence: number;
}

/** The corpus: every kind of sample the judge meets, from a fixed seed. */
function corpus(): Pair[] {
  const u = seeded(20261201);
  const z = normals(u);
  const pairs: Pair[] = [];
  const sizes = [1, 2, 3, 4, 5, 7, 10, 15, 30, 49, 50, 80, 150, 400];
  const pick = <T>(xs: T[]) => xs[Math.floor(u() * xs.length)];
  const kinds = ['normal', 'shift', 'scale', 'rounded', 'integers', 'skewed', 'oneConstant', 'bothConstantEqual', 'bothConstantDifferent', 'mostlyTied'] as const;
  for (let i = 0; i < 420; i++) {
    const kind = kinds[i % kinds.length];
    const n = pick(sizes);
    const m = u() < 0.5 ? n : pick(sizes);
    const confidence = pick([0.9, 0.95, 0.98, 0.99]);
    const draw = (k: number, f: () => number) => Array.from({ length: k }, f);
    let x: number[];
    let y: number[];
    switch (kind) {
      case 'normal':
        x = draw(n, () => 10 + z());
        y = draw(m, () => 10 + z());
        break;
      case 'shift':
        x = draw(n, () => 10.8 + z());
        y = draw(m, () => 10 + z());
        break;
      case 'scale':
        x = draw(n, () => 10 + 3 * z());
        y = draw(m, () => 10 + z());
        break;
      case 'rounded':
        x = draw(n, () => Math.round((5 + z()) * 10) / 10);
        y = draw(m, () => Math.round((5.2 + z()) * 10) / 10);
        break;
      case 'integers':
        x = draw(n, () => Math.floor(u() * 5));
        y = draw(m, () => Math.floor(u() * 4));
        break;
      case 'skewed':
        x = draw(n, () => Math.exp(z()) * 120);
        y = draw(m, () => Math.exp(z()) * 100);
        break;
      case 'oneConstant':
        x = draw(n, () => 3);
        y = draw(m, () => Math.round((3 + z()) * 4) / 4);
        break;
      case 'bothConstantEqual':
        x = draw(n, () => 7);
        y = draw(m, () => 7);
        break;
      case 'bothConstantDifferent':
        x = draw(n, () => 7.5);
        y = draw(m, () => 7);
        break;
      case 'mostlyTied':
        x = draw(n, () => (u() < 0.8 ? 1 : 2 + Math.floor(u() * 3)));
        y = draw(m, () => (u() < 0.7 ? 1 : 2 + Math.floor(u() * 3)));
        break;
    }
    pairs.push({ label: `#${i} ${kind} n=${n} m=${m} conf=${confidence}`, x, y, confidence });
  }
  return pairs;
}

const R_SAMPLES = `
con <- file("stdin"); lines <- readLines(con); close(con)
num <- function(s) as.numeric(strsplit(s, " ")[[1]])
f <- function(v) paste(sprintf("%.17g", v), collapse = " ")
safe <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) NULL)
for (i in seq(1, length(lines), by = 3)) {
  conf <- as.numeric(lines[i]); x <- num(lines[i + 1]); y <- num(lines[i + 2])
  # R cannot give an interval when a sample has no spread left (all tied, or both constant): W and p still.
  a <- safe(wilcox.test(x, y, conf.int = TRUE, conf.level = conf, exact = FALSE, correct = TRUE))
  if (is.null(a)) { a <- safe(wilcox.test(x, y, exact = FALSE, correct = TRUE)); if (!is.null(a)) { a$conf.int <- c(NA, NA); a$estimate <- NA } }
  b <- safe(wilcox.test(x, y, conf.int = TRUE, conf.level = conf))
  if (is.null(b)) { b <- safe(wilcox.test(x, y)); if (!is.null(b)) { b$conf.int <- c(NA, NA); b$estimate <- NA } }
  ks <- safe(ks.test(x, y, exact = FALSE))
  dev <- c(abs(x - median(x)), abs(y - median(y))); g <- factor(c(rep("c", length(x)), rep("b", length(y))))
  bf <- safe(oneway.test(dev ~ g, var.equal = TRUE))
  out <- c(
    if (is.null(a)) rep(NA, 5) else c(a$statistic, a$p.value, a$conf.int[1:2], a$estimate),
    if (is.null(b)) rep(NA, 6) else c(b$statistic, b$p.value, b$conf.int[1:2], b$estimate, as.numeric(grepl("exact", b$method))),
    median(outer(x, y, "-")),
    if (is.null(ks)) rep(NA, 2) else c(ks$statistic, ks$p.value),
    if (is.null(bf)) rep(NA, 2) else c(bf$statistic, bf$p.value))
  cat(f(out), "\\n", sep = "")
}`;

const R_COUNTS = `
con <- file("stdin"); lines <- readLines(con); close(con)
f <- function(v) paste(sprintf("%.17g", v), collapse = " ")
for (l in lines) {
  v <- as.numeric(strsplit(l, " ")[[1]]); ec <- v[1]; nc <- v[2]; eb <- v[3]; nb <- v[4]; conf <- v[5]
  p <- fisher.test(matrix(c(ec, eb, nc - ec, nb - eb), 2))$p.value
  ci <- if (ec + eb > 0) binom.test(ec, ec + eb, conf.level = conf)$conf.int[1:2] else c(0, 1)
  up <- binom.test(ec, nc, conf.level = 2 * conf - 1)$conf.int[2]
  cat(f(c(p, ci, up)), "\\n", sep = "")
}`;

/** |a − b| within an absolute-or-relative tolerance; NaN only matches NaN. */
function near(actual: number, expected: number, abs: number, rel: number, what: string) {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return assert.ok(Number.isNaN(expected) && Number.isNaN(actual), `${what}: ${actual} vs R ${expected}`);
  if (actual === expected) return;
  assert.ok(Math.abs(actual - expected) <= abs + rel * Math.abs(expected), `${what}: ${actual} vs R ${expected}`);
}

/** Where R gives no interval, both samples are constant and the shift is known exactly. */
function constantShift(p: Pair, ci: [number, number]) {
  assert.ok(new Set(p.x).size === 1 && new Set(p.y).size === 1, `${p.label}: R gave no interval for samples with spread`);
  assert.deepEqual(ci, [p.x[0] - p.y[0], p.x[0] - p.y[0]], `${p.label}: the constant shift`);
}

const describeIfR = hasRscript() ? describe : describe.skip;

describeIfR('judge statistics agree with R (r-base-core), computed in the test', function () {
  this.timeout(120_000);
  const pairs = corpus();
  let rows: number[][];

  before(() => {
    const input = pairs.map((p) => `${p.confidence}\n${rNumbers(p.x)}\n${rNumbers(p.y)}`).join('\n');
    rows = runR(R_SAMPLES, `${input}\n`).map((l) => l.trim().split(' ').map(fromR));
    assert.equal(rows.length, pairs.length, 'one R row per pair');
  });

  it('covers ties, tiny and constant samples (a corpus of 420 pairs)', () => {
    assert.ok(pairs.length >= 400);
    assert.ok(pairs.filter((p) => p.x.length <= 3 || p.y.length <= 3).length >= 40, 'tiny samples');
    assert.ok(pairs.filter((p) => new Set([...p.x, ...p.y]).size < p.x.length + p.y.length).length >= 150, 'ties');
    assert.ok(pairs.filter((p) => new Set(p.x).size === 1).length >= 80, 'constant samples');
  });

  it('Mann–Whitney, normal approximation with tie and continuity correction: W, p-value and confidence interval as wilcox.test(exact = FALSE)', () => {
    let compared = 0;
    pairs.forEach((p, i) => {
      const [w, pv, lo, hi] = rows[i];
      const mine = mannWhitney(p.x, p.y, { confidence: p.confidence, exact: 'normal' });
      assert.equal(mine.w, w, `${p.label}: W`);
      if (mine.method === 'constant') {
        // Every observation tied: R has no variance to divide by; the answer is known exactly.
        assert.ok(new Set([...p.x, ...p.y]).size === 1, `${p.label}: constant only when all values are equal`);
        assert.deepEqual([mine.p, mine.ci, mine.hl], [1, [0, 0], 0]);
        return;
      }
      near(mine.p, pv, 1e-14, 1e-9, `${p.label}: p`);
      if (Number.isNaN(lo)) return constantShift(p, mine.ci);
      // R's uniroot stops within tol.root = 1e-4 of the jump; ours lands on the jump itself.
      near(mine.ci[0], lo, 2e-4, 1e-9, `${p.label}: CI low`);
      near(mine.ci[1], hi, 2e-4, 1e-9, `${p.label}: CI high`);
      compared++;
    });
    assert.ok(compared >= 300, `${compared} pairs compared`);
  });

  it("R's default (exact distribution for n < 50 without ties, else normal): same method, W, p-value and interval", () => {
    let exact = 0;
    pairs.forEach((p, i) => {
      const [w, pv, lo, hi, , rExact] = rows[i].slice(5);
      const mine = mannWhitney(p.x, p.y, { confidence: p.confidence });
      if (mine.method === 'constant') return;
      assert.equal(mine.method === 'exact' ? 1 : 0, rExact, `${p.label}: method`);
      assert.equal(mine.w, w, `${p.label}: W`);
      near(mine.p, pv, 1e-14, 1e-9, `${p.label}: p`);
      if (Number.isNaN(lo)) return constantShift(p, mine.ci);
      const tol = mine.method === 'exact' ? 0 : 2e-4;
      near(mine.ci[0], lo, tol, 1e-12, `${p.label}: CI low`);
      near(mine.ci[1], hi, tol, 1e-12, `${p.label}: CI high`);
      if (mine.method === 'exact') exact++;
    });
    assert.ok(exact >= 40, `${exact} exact cases`);
  });

  it('Hodges–Lehmann estimate: the median of all differences, as median(outer(x, y, "-")), and R\'s own estimate', () => {
    pairs.forEach((p, i) => {
      const hl = hodgesLehmann([...p.x].sort((a, b) => a - b), [...p.y].sort((a, b) => a - b));
      near(hl, rows[i][11], 0, 1e-12, `${p.label}: HL`);
      const est = rows[i][4];
      if (!Number.isNaN(est)) {
        // wilcox.test's normal-approximation estimate is a uniroot (tol 1e-4) of the rank sum's crossing,
        // which lies between the two middle differences.
        const diffs = p.x.flatMap((a) => p.y.map((b) => a - b)).sort((a, b) => a - b);
        const mid = diffs.length / 2;
        const [from, to] = diffs.length % 2 ? [diffs[mid - 0.5], diffs[mid - 0.5]] : [diffs[mid - 1], diffs[mid]];
        assert.ok(est >= from - 2e-4 && est <= to + 2e-4, `${p.label}: R estimate ${est} outside [${from}, ${to}] (HL ${hl})`);
      }
    });
  });

  it('Kolmogorov–Smirnov: D and the asymptotic p-value as ks.test(exact = FALSE)', () => {
    pairs.forEach((p, i) => {
      const [d, pv] = rows[i].slice(12, 14);
      const mine = kolmogorovSmirnov(p.x, p.y);
      near(mine.d, d, 1e-15, 1e-12, `${p.label}: D`);
      near(mine.p, pv, 1e-12, 1e-9, `${p.label}: p`);
    });
  });

  it('Brown–Forsythe spread test: F and p-value as oneway.test on absolute deviations (var.equal = TRUE)', () => {
    let compared = 0;
    pairs.forEach((p, i) => {
      const [f, pv] = rows[i].slice(14, 16);
      if (Number.isNaN(f) || !Number.isFinite(f)) return;
      const mine = brownForsythe(p.x, p.y);
      near(mine.f, f, 1e-9, 1e-7, `${p.label}: F`);
      near(mine.p, pv, 1e-12, 1e-7, `${p.label}: p`);
      compared++;
    });
    assert.ok(compared >= 250, `${compared} pairs compared`);
  });

  it("error counts: Fisher's exact p-value and the conditional binomial interval as fisher.test and binom.test", () => {
    const u = seeded(7);
    const cases: number[][] = [
      [3, 10_000, 0, 10_000, 0.98],
      [300, 10_000, 0, 10_000, 0.98],
      [0, 10_000, 0, 10_000, 0.98],
      [12, 5_000, 10, 5_000, 0.95],
    ];
    for (let i = 0; i < 300; i++) {
      const nc = 1 + Math.floor(u() * (u() < 0.3 ? 50 : 20_000));
      const nb = 1 + Math.floor(u() * (u() < 0.3 ? 50 : 20_000));
      const rate = u() < 0.2 ? 0 : u() * 0.05;
      const ec = Math.min(nc, Math.floor(nc * rate * (u() < 0.5 ? 1 : 3)));
      const eb = Math.min(nb, Math.floor(nb * rate));
      cases.push([ec, nc, eb, nb, [0.9, 0.95, 0.98][i % 3]]);
    }
    const ref = runR(R_COUNTS, `${cases.map((c) => c.join(' ')).join('\n')}\n`).map((l) => l.trim().split(' ').map(fromR));
    assert.equal(ref.length, cases.length);
    cases.forEach(([ec, nc, eb, nb, conf], i) => {
      const label = `${ec}/${nc} vs ${eb}/${nb} conf ${conf}`;
      const mine = compareCounts({ errors: ec, requests: nc }, { errors: eb, requests: nb }, conf);
      const [p, lo, hi, up] = ref[i];
      near(mine.p, p, 1e-12, 1e-8, `${label}: Fisher p`);
      const toRatio = (pi: number) => (pi >= 1 ? Infinity : (pi / (1 - pi)) * (nb / nc));
      near(mine.ci[0], toRatio(lo), 1e-12, 1e-8, `${label}: ratio CI low`);
      near(mine.ci[1], toRatio(hi), 1e-12, 1e-8, `${label}: ratio CI high`);
      near(mine.candidateRateUpper, up, 1e-12, 1e-8, `${label}: candidate rate bound`);
    });
  });
});
