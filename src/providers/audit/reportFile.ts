// Reading the audit's report (schema and all) for the status row, loaded with the first read after activation.
export { readAuditReport } from '../../core/audit';
