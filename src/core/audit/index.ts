// The audit module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { renderAuditMarkdown } from './markdown';
export { type ReadAuditReport, readAuditReport } from './readReport';
export { runDctsAudit } from './runDctsAudit';
export { fmt } from './status';
export { type AuditThresholds, defaultAuditThresholds } from './thresholds';
export { type AuditStatus, type DctsAuditReport } from './types';
