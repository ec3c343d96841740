// PromQL functions and aggregation operators as Prometheus documents them (querying/functions,
// querying/operators): the editor's completion, hover and unknown-name check read this one table.

export interface PromqlFunction {
  name: string;
  /** Argument list as the Prometheus docs write it. */
  args: string;
  returns: 'instant vector' | 'scalar' | 'range vector';
  doc: string;
}

const fn = (name: string, args: string, doc: string, returns: PromqlFunction['returns'] = 'instant vector'): PromqlFunction => ({ name, args, returns, doc });
const overTime = (name: string, what: string): PromqlFunction => fn(name, 'v range-vector', `The ${what} of all points in the range, per series.`);

export const PROMQL_FUNCTIONS: readonly PromqlFunction[] = [
  fn('abs', 'v instant-vector', 'Absolute value of every sample.'),
  fn('absent', 'v instant-vector', '1 if the vector has no elements, else empty — for alerting on a missing series.'),
  fn('absent_over_time', 'v range-vector', '1 if the range vector has no elements, else empty.'),
  fn('ceil', 'v instant-vector', 'Rounds every sample up to the nearest integer.'),
  fn('changes', 'v range-vector', 'How often the value changed within the range.'),
  fn('clamp', 'v instant-vector, min scalar, max scalar', 'Clamps every sample to [min, max].'),
  fn('clamp_max', 'v instant-vector, max scalar', 'Clamps every sample to at most max.'),
  fn('clamp_min', 'v instant-vector, min scalar', 'Clamps every sample to at least min.'),
  fn('day_of_month', 'v=vector(time()) instant-vector', 'Day of the month (1–31) in UTC.'),
  fn('day_of_week', 'v=vector(time()) instant-vector', 'Day of the week (0 = Sunday) in UTC.'),
  fn('day_of_year', 'v=vector(time()) instant-vector', 'Day of the year (1–366) in UTC.'),
  fn('days_in_month', 'v=vector(time()) instant-vector', 'Number of days in the month in UTC.'),
  fn('delta', 'v range-vector', 'Difference between the first and last value of a gauge in the range, extrapolated.'),
  fn('deriv', 'v range-vector', 'Per-second derivative by simple linear regression (gauges).'),
  fn('exp', 'v instant-vector', 'e to the power of every sample.'),
  fn('floor', 'v instant-vector', 'Rounds every sample down to the nearest integer.'),
  fn('histogram_avg', 'v instant-vector', 'Arithmetic average of native histogram observations.'),
  fn('histogram_count', 'v instant-vector', 'Count of observations of native histograms.'),
  fn('histogram_sum', 'v instant-vector', 'Sum of observations of native histograms.'),
  fn('histogram_fraction', 'lower scalar, upper scalar, v instant-vector', 'Estimated fraction of observations between lower and upper.'),
  fn('histogram_quantile', 'φ scalar, b instant-vector', 'φ-quantile (0 ≤ φ ≤ 1) from histogram buckets (le label) or native histograms.'),
  fn('histogram_stddev', 'v instant-vector', 'Estimated standard deviation of native histogram observations.'),
  fn('histogram_stdvar', 'v instant-vector', 'Estimated variance of native histogram observations.'),
  fn('holt_winters', 'v range-vector, sf scalar, tf scalar', 'Smoothed value (double exponential smoothing); renamed double_exponential_smoothing in Prometheus 3.'),
  fn('double_exponential_smoothing', 'v range-vector, sf scalar, tf scalar', 'Smoothed value by double exponential smoothing (Prometheus 3).'),
  fn('hour', 'v=vector(time()) instant-vector', 'Hour of the day (0–23) in UTC.'),
  fn('idelta', 'v range-vector', 'Difference between the last two samples in the range.'),
  fn('increase', 'v range-vector', 'Increase of a counter in the range, with resets handled and extrapolated to the range.'),
  fn('irate', 'v range-vector', 'Per-second instant rate from the last two samples of a counter.'),
  fn('label_join', 'v instant-vector, dst_label string, separator string, src_label_1 string, …', 'Joins the values of source labels into a destination label.'),
  fn('label_replace', 'v instant-vector, dst_label string, replacement string, src_label string, regex string', 'Sets a label from a regex match on another label.'),
  fn('ln', 'v instant-vector', 'Natural logarithm of every sample.'),
  fn('log2', 'v instant-vector', 'Binary logarithm of every sample.'),
  fn('log10', 'v instant-vector', 'Decimal logarithm of every sample.'),
  fn('minute', 'v=vector(time()) instant-vector', 'Minute of the hour (0–59) in UTC.'),
  fn('month', 'v=vector(time()) instant-vector', 'Month of the year (1–12) in UTC.'),
  fn('predict_linear', 'v range-vector, t scalar', 'Predicted value t seconds from now by linear regression.'),
  fn('rate', 'v range-vector', 'Per-second average rate of increase of a counter in the range.'),
  fn('resets', 'v range-vector', 'Number of counter resets in the range.'),
  fn('round', 'v instant-vector, to_nearest=1 scalar', 'Rounds every sample to the nearest multiple of to_nearest.'),
  fn('scalar', 'v instant-vector', 'The single sample as a scalar; NaN unless the vector has exactly one element.', 'scalar'),
  fn('sgn', 'v instant-vector', 'Sign of every sample: 1, -1 or 0.'),
  fn('sort', 'v instant-vector', 'Sorted by value, ascending (instant queries only).'),
  fn('sort_desc', 'v instant-vector', 'Sorted by value, descending (instant queries only).'),
  fn('sort_by_label', 'v instant-vector, label string, …', 'Sorted by the given labels, ascending.'),
  fn('sort_by_label_desc', 'v instant-vector, label string, …', 'Sorted by the given labels, descending.'),
  fn('sqrt', 'v instant-vector', 'Square root of every sample.'),
  fn('time', '', 'Seconds since 1970-01-01 UTC at the evaluation time.', 'scalar'),
  fn('timestamp', 'v instant-vector', 'Timestamp of every sample, in seconds.'),
  fn('vector', 's scalar', 'The scalar as a vector with no labels.'),
  fn('year', 'v=vector(time()) instant-vector', 'Year in UTC.'),
  overTime('avg_over_time', 'average value'),
  overTime('min_over_time', 'minimum value'),
  overTime('max_over_time', 'maximum value'),
  overTime('sum_over_time', 'sum'),
  overTime('count_over_time', 'count'),
  overTime('stddev_over_time', 'population standard deviation'),
  overTime('stdvar_over_time', 'population variance'),
  overTime('last_over_time', 'most recent value'),
  overTime('present_over_time', 'presence (1 for any point)'),
  overTime('mad_over_time', 'median absolute deviation'),
  fn('quantile_over_time', 'φ scalar, v range-vector', 'The φ-quantile (0 ≤ φ ≤ 1) of the values in the range, per series.'),
  ...['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'sin', 'sinh', 'tan', 'tanh'].map((n) => fn(n, 'v instant-vector', `Trigonometric ${n} of every sample (radians).`)),
  fn('deg', 'v instant-vector', 'Radians to degrees.'),
  fn('rad', 'v instant-vector', 'Degrees to radians.'),
  fn('pi', '', 'π.', 'scalar'),
];

/** Aggregation operators: written like functions, with optional `by (…)` / `without (…)`. */
export const PROMQL_AGGREGATORS: readonly PromqlFunction[] = [
  fn('sum', 'v instant-vector', 'Sum over dimensions; `sum by (label) (…)` keeps label.'),
  fn('min', 'v instant-vector', 'Minimum over dimensions.'),
  fn('max', 'v instant-vector', 'Maximum over dimensions.'),
  fn('avg', 'v instant-vector', 'Average over dimensions.'),
  fn('group', 'v instant-vector', '1 for every group.'),
  fn('stddev', 'v instant-vector', 'Population standard deviation over dimensions.'),
  fn('stdvar', 'v instant-vector', 'Population variance over dimensions.'),
  fn('count', 'v instant-vector', 'Number of elements.'),
  fn('count_values', 'label string, v instant-vector', 'Number of elements with the same value, in the given label.'),
  fn('bottomk', 'k scalar, v instant-vector', 'The k smallest elements.'),
  fn('topk', 'k scalar, v instant-vector', 'The k largest elements.'),
  fn('quantile', 'φ scalar, v instant-vector', 'φ-quantile over dimensions.'),
  fn('limitk', 'k scalar, v instant-vector', 'k elements, chosen deterministically (Prometheus 3).'),
  fn('limit_ratio', 'r scalar, v instant-vector', 'A deterministic ratio r of the elements (Prometheus 3).'),
];

/** Words that are followed by `(` without being functions. */
export const PROMQL_KEYWORDS: readonly string[] = ['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset'];

const byName = new Map([...PROMQL_FUNCTIONS, ...PROMQL_AGGREGATORS].map((f) => [f.name, f]));

export function promqlFunction(name: string): PromqlFunction | undefined {
  return byName.get(name);
}
