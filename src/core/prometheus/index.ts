// The prometheus module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { type CatalogAnswer, countSeries, currentValue, type CurrentValue, labelNames, labelValues, metricMetadata, type MetricMetadata, metricNames } from './catalog';
export { type PrometheusConnection } from './connection';
export { HttpTransport } from './transport';
export { graphLink } from './graphLink';
