// The baseline-vs-candidate judge: pure, deterministic statistics (no randomness anywhere) and the
// rules that turn them into PASS / FAIL / INCONCLUSIVE / NO_DATA, shared by gates and canary.
export { judgeCounts, judgeSamples, type CountsJudgement, type Judgement, type JudgeRule, type JudgeVerdict, type SamplesJudgement, type SideSummary } from './classify';
export { clopperPearson, compareCounts, fisherExact, type CountsResult } from './counts';
export { describeJudgement, judgementFacts } from './describe';
export { allowedShiftLimits } from './limits';
export { kolmogorovSmirnov, pKolmogorov, type KolmogorovResult } from './kolmogorov';
export { hodgesLehmann, mannWhitney, type MannWhitneyResult } from './mannWhitney';
export { scoreMetrics, type GroupScore, type ScoredMetric, type ScoreResult, type ScoreSettings, type ScoreStatus } from './score';
export type { CountSettings, Direction, EffectMeasure, NanPolicy, SampleSettings } from './settings';
export { brownForsythe, type SpreadResult } from './spread';
