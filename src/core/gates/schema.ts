import * as z from 'zod';

// The gate definitions file (configs/gates/aurora-ga.yaml or a user's own). Strict objects: a typo in a
// key is an error that names the key, never a silently ignored setting. Published as JSON Schema in
// configs/schemas/gates.schema.json (scripts/gen-schemas.mjs).

const comparator = z.enum(['<=', '<', '>=', '>', '==']).describe('How the measured value is compared with the threshold.');
const policy = z.enum(['fail', 'warn', 'inconclusive']);
/** A number, or a template such as "${tolerance}" that must resolve to one. */
const numberOrTemplate = z.union([z.number().finite(), z.string().regex(/\$\{[a-zA-Z_][a-zA-Z0-9_]*\}/, 'a number or a ${variable} template')]);

const common = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case').describe('Stable id, unique within its gate (the `check` label of exported metrics).'),
  name: z.string().min(1).describe('Human-readable name.'),
  comparator,
  threshold: numberOrTemplate.describe('The threshold; may be a ${variable}.'),
  severity: z.enum(['fail', 'warn']).default('fail').describe('What a failed comparison counts as.'),
  on_missing: policy.default('fail').describe('What NO_DATA (no series, missing file, NaN, null) counts as.'),
  on_error: policy.default('fail').describe('What ERROR (rejected query, timeout, unreadable file) counts as.'),
  on_infinite: policy.optional().describe('What a +Inf/-Inf value counts as (it never passes a comparison); default: as on_missing says.'),
};

export const promqlCheck = z.strictObject({
  ...common,
  type: z.literal('promql').describe('Instant query at the evaluation time; every series is compared, the worst decides.'),
  query: z.string().min(1).describe('PromQL template: ${window}, ${step}, ${profile}, ${profile_re} and variables.'),
  on_empty: z.enum(['no_data', 'zero']).default('no_data').describe('An answer with no series: NO_DATA (default) or the value 0.'),
  result_type: z
    .enum(['vector', 'scalar'])
    .default('vector')
    .describe('The answer the query must give: an instant vector (default) or, for scalar expressions on Prometheus, a scalar; anything else is ERROR.'),
});

export const promqlRangeCheck = z.strictObject({
  ...common,
  type: z.literal('promql_range').describe('Range query over the window at ${step}; samples reduced per series, the worst series decides.'),
  query: z.string().min(1),
  reduce: z.enum(['share', 'max', 'min', 'avg', 'last']).describe('share: fraction of the samples in the window that satisfy `where` (steps without a sample are not counted, as in PromQL *_over_time).'),
  where: z.strictObject({ comparator, value: numberOrTemplate }).optional(),
});

export const alertCheck = z.strictObject({
  ...common,
  type: z
    .literal('alert')
    .describe('Number of series of ALERTS{alertname, alertstate="firing"} seen firing at any time in the window; none firing counts as 0 only when the rules API shows the rule loaded, healthy and evaluated in the window (else NO_DATA).'),
  alertname: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/),
  labels: z.record(z.string(), z.string()).optional().describe('Extra label matchers (exact values).'),
});

export const logPatternCheck = z.strictObject({
  ...common,
  type: z.literal('log_pattern').describe('Number of log lines matching `pattern` dated inside the window.'),
  files: z.array(z.string().min(1)).min(1).describe('Paths or globs (wildcards in the file name only), templates allowed.'),
  pattern: z.string().min(1),
  regex: z.boolean().default(false).describe('Treat `pattern` as a regular expression (default: literal text).'),
});

export const jsonValueCheck = z.strictObject({
  ...common,
  type: z.literal('json_value').describe('A number read from a JSON file by path.'),
  file: z.string().min(1),
  path: z.string().min(1).describe('Dot path with [n] indexes, e.g. var_ratio or counts.robust.'),
});

export const checkpointReportCheck = z.strictObject({
  ...common,
  type: z.literal('checkpoint_report').describe('A measure of the checkpoint report, in the analyzer shape {analyses[]} or the flat {anomalies, min_cos_similarity, frozen_layers}.'),
  file: z.string().min(1),
  measure: z.enum(['anomalies', 'min_cosine', 'nonfinite', 'frozen']),
});

export const compareCheck = z.strictObject({
  id: common.id,
  name: common.name,
  type: z.literal('compare').describe('Candidate against baseline: one metric template evaluated for both sides and judged statistically (src/core/judge).'),
  query: z.string().min(1).optional().describe('Samples: PromQL template range-queried over the window at ${step} for each side, ${side} being the side\'s value; all series of a side are pooled.'),
  errors: z.string().min(1).optional().describe('Counts: instant query of the errors in the window for ${side} (e.g. sum(increase(x_errors_total{version="${side}"}[${window}])) or vector(0)).'),
  requests: z.string().min(1).optional().describe('Counts: instant query of the requests in the window for ${side}; needed with `errors`.'),
  baseline: z.string().min(1).default('${baseline}').describe('The value ${side} takes for the baseline (default the variable ${baseline}, --var baseline=…).'),
  candidate: z.string().min(1).default('${candidate}').describe('The value ${side} takes for the candidate (default ${candidate}).'),
  direction: z.enum(['increase', 'decrease', 'either']).default('increase').describe('Which change is bad: a higher candidate (latency, errors), a lower one (throughput), or either.'),
  effect: z.enum(['relative', 'absolute']).default('relative').describe('Samples: the shift as a share of the baseline median (0.1 = 10 %) or in the metric\'s unit. Counts: always the relative rate increase.'),
  allowed: numberOrTemplate.describe('Largest acceptable bad-side shift: PASS needs the whole confidence interval within it, FAIL the whole interval beyond it.'),
  critical_limit: numberOrTemplate.optional().describe('A shift shown beyond this fails as critical (a scored gate then scores 0).'),
  confidence: z.number().gt(0.5).lt(1).default(0.98).describe('Two-sided confidence of the intervals; α = 1 − confidence.'),
  min_samples: z.number().int().min(1).default(10).describe('Samples: fewer on either side (after NaN handling) is NO_DATA, never a pass.'),
  nan: z.enum(['remove', 'zero', 'no_data']).default('remove').describe('Samples: NaN values are left out, counted as 0, or make the check NO_DATA.'),
  spread_allowed: z.number().min(0).nullable().default(0.5).describe('Samples: a significant increase of the spread (mean |x − median|, Brown–Forsythe test) beyond this share fails; null turns it off.'),
  min_requests: z.number().int().min(1).default(1000).describe('Counts: fewer requests on either side is NO_DATA (the minimum-exposure guard).'),
  negligible_rate: z.number().gt(0).lt(1).optional().describe('Counts: a candidate whose error rate is shown below this passes even when the ratio cannot be judged (e.g. 0 vs 0 errors).'),
  critical: z.boolean().default(false).describe('A failure of this metric fails its scored gate outright (score 0).'),
  must_have_data: z.boolean().default(false).describe('No data counts as FAIL whatever on_missing says.'),
  group: z.string().min(1).default('default').describe('Score group (gate `score.groups` weighs groups).'),
  weight: z.number().positive().default(1).describe('Weight of this metric inside its group.'),
  severity: common.severity,
  on_missing: policy.default('inconclusive').describe('What NO_DATA (too few samples, no series, too little exposure) counts as.'),
  on_error: common.on_error,
});

export const checkDefinition = z.discriminatedUnion('type', [promqlCheck, promqlRangeCheck, alertCheck, logPatternCheck, jsonValueCheck, checkpointReportCheck, compareCheck]);

/** Gate scoring of its compare checks (Kayenta-style): groups' pass shares combined by weight. */
export const gateScore = z.strictObject({
  pass: z.number().min(0).max(100).default(95).describe('Score at or above this: the compare checks count as PASS.'),
  marginal: z.number().min(0).max(100).default(75).describe('At or above this (below pass): WARN; below: FAIL.'),
  groups: z.record(z.string(), z.number().positive()).default({}).describe('Group weights; a group not named weighs 1.'),
  min_judged: z.number().min(0).max(1).default(0.5).describe('Share of the weight that must be judged (PASS or FAIL); less is INCONCLUSIVE.'),
});

export const gateDefinition = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case').describe('Stable key (the `gate` label of exported metrics).'),
  id: z.number().int().positive().describe('The original report\'s gate_id.'),
  name: z.string().min(1),
  fail_action: z.enum(['NO-GO', 'CONDITIONAL', 'OBSERVE']).describe('NO-GO blocks; CONDITIONAL makes the decision conditional; OBSERVE is reported but never decides.'),
  remediation: z.string().min(1).describe('What to do when the gate does not pass (next_steps, tooltips).'),
  condition: z.string().optional().describe('The condition as shown in reports; default: built from the checks.'),
  checks: z.array(checkDefinition).min(1),
  score: gateScore.optional().describe('Score the gate\'s compare checks together instead of each on its own.'),
});

export const gatesFile = z.strictObject({
  schema_version: z.literal(1),
  step: z
    .string()
    .regex(/^\d+[smh]$/, 'a duration like 30s, 1m or 5m')
    .default('1m')
    .describe('Resolution of range queries and subqueries (${step}); raised automatically to keep a window under 10,000 points.'),
  variables: z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/), z.string()).default({}).describe('Defaults for ${variables}; --var NAME=VALUE overrides.'),
  gates: z.array(gateDefinition).min(1),
});

export type GatesFile = z.infer<typeof gatesFile>;
export type GateDefinition = z.infer<typeof gateDefinition>;
export type CheckDefinition = z.infer<typeof checkDefinition>;
export type CompareCheck = z.infer<typeof compareCheck>;
/** The checks that compare one measured value with a threshold. */
export type ThresholdCheck = Exclude<CheckDefinition, CompareCheck>;
