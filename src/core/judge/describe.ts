import type { CountsJudgement, Judgement, JudgeRule, SamplesJudgement } from './classify';

// The judgement in words, made once here so the report, the Gates view and the checklist say the
// same thing: "candidate p95 latency is 18% higher, 98% CI [12%, 25%], above the allowed 10%".

const sig = (x: number, digits = 3) => (Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : x > 0 ? '∞' : x < 0 ? '−∞' : 'n/a');
const pct = (x: number) => `${sig(x * 100)}%`;
const pValue = (p: number) => (p < 1e-4 ? 'p < 0.0001' : `p = ${sig(p, 2)}`);

function samplesSentence(j: SamplesJudgement, metric: string): string {
  const n = `n = ${j.candidate.n} vs ${j.baseline.n}`;
  if (j.rule === 'nan_samples') return `${metric}: NaN samples (candidate ${j.candidate.nan}, baseline ${j.baseline.nan}) and nan: no_data — no verdict`;
  if (j.rule === 'infinite_samples') return `${metric}: ±Inf samples are not measurements — no verdict`;
  if (j.rule === 'too_few_samples') return `${metric}: too few samples to compare (${n})`;
  if (j.rule === 'baseline_median_zero') return `${metric}: the baseline median is 0, so a relative shift is undefined (use effect: absolute); ${n}`;
  const e = j.effect!;
  const fmt = e.measure === 'relative' ? pct : (x: number) => sig(x, 4);
  const mag = (x: number) => (e.measure === 'relative' ? pct(Math.abs(x)) : sig(Math.abs(x), 4));
  const word = e.estimate > 0 ? 'higher' : e.estimate < 0 ? 'lower' : 'different';
  const head = e.estimate === 0 ? `candidate ${metric} is unchanged` : `candidate ${metric} is ${mag(e.estimate)} ${word}`;
  const ci = `${Math.round(e.confidence * 1000) / 10}% CI [${fmt(e.ci[0])}, ${fmt(e.ci[1])}]`;
  const side = j.direction === 'decrease' ? 'below' : j.direction === 'either' ? 'beyond ±' : 'above';
  const allowed = `the allowed ${side === 'beyond ±' ? '±' : ''}${fmt(e.limits.allowed)}`;
  const tail = `(${n}, ${pValue(j.mannWhitney!.p)})`;
  switch (j.rule) {
    case 'beyond_critical':
      return `${head}, ${ci}, ${side} the critical ${fmt(e.limits.critical!)} ${tail}`;
    case 'beyond_allowed':
      return `${head}, ${ci}, ${side} ${allowed} ${tail}`;
    case 'spread_increase':
      return `${head}, but its spread is ${pct(j.spread!.ratio - 1)} wider (mean |x − median| ${sig(j.spread!.candidateSpread)} vs ${sig(j.spread!.baselineSpread)}, Brown–Forsythe ${pValue(j.spread!.p)}), above the allowed ${pct(j.spread!.allowed!)} ${tail}`;
    case 'within_allowed':
      return `${head}, ${ci}, within ${allowed} ${tail}`;
    default:
      return `${head}, ${ci}: the interval reaches past ${allowed}, so the data cannot tell yet ${tail}`;
  }
}

function countsSentence(j: CountsJudgement, metric: string): string {
  if (j.rule === 'invalid_counts') return `${metric}: error and request counts are not valid (negative, fractional, or more errors than requests)`;
  if (j.rule === 'too_little_exposure' || !j.counts) return `${metric}: too little exposure to compare error rates`;
  const c = j.counts;
  const rates = `${c.candidateErrors}/${c.candidateRequests} vs ${c.baselineErrors}/${c.baselineRequests} errors`;
  const ratio = Number.isNaN(c.ratio) ? 'no errors on either side' : c.ratio === Infinity ? `${c.candidateErrors} error(s), the baseline none` : `error rate ${sig(c.ratio)}× the baseline's`;
  const ci = `${Math.round(c.confidence * 1000) / 10}% CI [${sig(c.ci[0])}×, ${sig(c.ci[1])}×]`;
  const allowed = `the allowed ${sig(1 + j.limits.allowed)}×`;
  const tail = `(${rates}, Fisher ${pValue(c.p)})`;
  switch (j.rule) {
    case 'beyond_critical':
      return `candidate ${metric}: ${ratio}, ${ci}, above the critical ${sig(1 + j.limits.critical!)}× ${tail}`;
    case 'beyond_allowed':
      return `candidate ${metric}: ${ratio}, ${ci}, above ${allowed} ${tail}`;
    case 'within_allowed':
      return `candidate ${metric}: ${ratio}, ${ci}, within ${allowed} ${tail}`;
    case 'negligible_rate':
      return `candidate ${metric}: its error rate is at most ${pct(c.candidateRateUpper)} (${Math.round(c.confidence * 1000) / 10}% bound), below the negligible ${pct(j.limits.negligibleRate!)} ${tail}`;
    default:
      return `candidate ${metric}: ${ratio}, ${ci}: too few errors to tell whether the rate is within ${allowed} ${tail}`;
  }
}

export function describeJudgement(j: Judgement, metric: string): string {
  return j.kind === 'samples' ? samplesSentence(j, metric) : countsSentence(j, metric);
}

/** Which rule decided, in words. */
export const RULE_TEXT: Record<JudgeRule, string> = {
  too_few_samples: 'too few samples on a side → NO_DATA',
  nan_samples: 'NaN samples with nan: no_data → NO_DATA',
  infinite_samples: '±Inf samples (not measurements) → NO_DATA',
  too_little_exposure: 'too few requests on a side (minimum-exposure guard) → NO_DATA',
  invalid_counts: 'counts are not valid → NO_DATA',
  baseline_median_zero: 'baseline median 0, a relative shift is undefined → INCONCLUSIVE',
  beyond_critical: 'the whole interval is beyond the critical limit → FAIL (critical)',
  beyond_allowed: 'the whole interval is beyond the allowed limit → FAIL',
  spread_increase: 'the spread grew significantly beyond its allowed share → FAIL',
  within_allowed: 'the whole interval is within the allowed limit → PASS',
  negligible_rate: "the candidate's error rate is shown below the negligible rate → PASS",
  undecided: 'the interval reaches past the allowed limit without clearing it → INCONCLUSIVE',
};

/** The numbers behind a judgement as label/value pairs, in the order a reviewer checks them. */
export function judgementFacts(j: Judgement): [string, string][] {
  const facts: [string, string][] = [];
  if (j.kind === 'counts') {
    if (!j.counts) return [['rule', RULE_TEXT[j.rule]]];
    const c = j.counts;
    facts.push(['errors / requests', `candidate ${c.candidateErrors}/${c.candidateRequests}, baseline ${c.baselineErrors}/${c.baselineRequests}`]);
    facts.push(["Fisher's exact test", pValue(c.p)]);
    facts.push(['rate ratio', `${sig(c.ratio)} (${Math.round(c.confidence * 1000) / 10}% CI [${sig(c.ci[0])}, ${sig(c.ci[1])}], conditional binomial)`]);
    facts.push(['candidate rate bound', pct(c.candidateRateUpper)]);
    facts.push(['rule', RULE_TEXT[j.rule]]);
    return facts;
  }
  facts.push(['n', `candidate ${j.candidate.n}, baseline ${j.baseline.n}${j.candidate.nan || j.baseline.nan ? ` (NaN: ${j.candidate.nan} / ${j.baseline.nan})` : ''}`]);
  facts.push(['median', `candidate ${sig(j.candidate.median, 6)}, baseline ${sig(j.baseline.median, 6)}`]);
  const mw = j.mannWhitney;
  if (mw) {
    facts.push(['Mann–Whitney', `W = ${mw.w}, ${pValue(mw.p)} (${mw.method === 'exact' ? 'exact' : mw.method === 'constant' ? 'all values equal' : `normal approx., z = ${sig(mw.z!)}`})`]);
    facts.push(['Hodges–Lehmann shift', `${sig(mw.hl, 4)} (${Math.round(mw.confidence * 1000) / 10}% CI [${sig(mw.ci[0], 4)}, ${sig(mw.ci[1], 4)}])`]);
    facts.push(['P(candidate > baseline)', sig(mw.cles)]);
  }
  const lim = (x: number) => (j.effect?.measure === 'relative' ? pct(x) : sig(x, 4));
  if (j.effect) facts.push([`effect (${j.effect.measure})`, `${j.effect.measure === 'relative' ? pct(j.effect.estimate) : sig(j.effect.estimate, 4)}, CI [${j.effect.measure === 'relative' ? `${pct(j.effect.ci[0])}, ${pct(j.effect.ci[1])}` : `${sig(j.effect.ci[0], 4)}, ${sig(j.effect.ci[1], 4)}`}], allowed ${lim(j.effect.limits.allowed)}${j.effect.limits.critical !== undefined ? `, critical ${lim(j.effect.limits.critical)}` : ''}`]);
  if (j.spread) facts.push(['spread (Brown–Forsythe)', `ratio ${sig(j.spread.ratio)}, ${pValue(j.spread.p)}${j.spread.allowed === null ? ', not judged' : `, allowed +${pct(j.spread.allowed)}`}`]);
  if (j.ks) facts.push(['Kolmogorov–Smirnov', `D = ${sig(j.ks.d)}, ${pValue(j.ks.p)} (shape, reported)`]);
  facts.push(['rule', RULE_TEXT[j.rule]]);
  return facts;
}
