// The checklist module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { readGateReport } from './gateReport';
export { type LoadOptions } from './load';
export { renderMarkdown } from './markdown';
export { type ChecklistView, type HostMessage, type Role, ROLE_TITLES, ROLES, type WebviewMessage, webviewMessageSchema } from './messages';
export { type StateChange } from './model';
export { type ChecklistChange, ChecklistSession, evaluateChecklist, type EvaluatedChecklist, signingWarnings, updateChecklist } from './session';
