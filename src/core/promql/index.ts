// PromQL knowledge shared by the editor and the CLI: functions, and what is wrong with a query.
export { PROMQL_AGGREGATORS, PROMQL_FUNCTIONS, PROMQL_KEYWORDS, promqlFunction, type PromqlFunction } from './functions';
export { lintPromql, type PromqlProblem } from './lint';
export { explainQuery, type ExplainDeps, type ExplainStep, type Explanation, type ProbeResult } from './explain';
