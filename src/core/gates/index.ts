// The gates module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { type DataSource, evaluateGatesRecorded, type EvaluateOptions, type GateProgress } from './evaluate';
export { BUILTIN_VARIABLES } from './load';
export { locateChecks, type CheckLocations } from './checkLines';
export { resolveProfile } from './profileLock';
export { renderJson } from './render/json';
export { renderGithub } from './render/github';
export { renderJunit } from './render/junit';
export { renderMarkdown } from './render/markdown';
export { renderGateMetrics } from './render/metrics';
export { dataModeLine } from './render/text';
export { type ConnectionRequest, currentReportFile, type GatesRequest, type PrometheusAuth, replacesCurrent, REQUEST_DEFAULTS, resolveConnection, runGates, writeCurrentReport, writeReport, writeText } from './request';
export { urlProblem } from './url';
export { type CheckSeries, checkSeries, type GateSeries, type SeriesRule, type SeriesTarget } from './series';
