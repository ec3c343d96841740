import type { CanaryApi } from './canary/register';
import type { AuditApi } from './audit/register';
import type { ChartsApi } from './charts/register';
import type { ChecklistApi } from './checklist/register';
import type { GatesApi } from './gates/register';
import type { LocksApi } from './locks/register';

/**
 * What `activate()` returns. Extension tests (and other extensions) read the views' current models
 * through it instead of scraping the DOM; each feature adds its own field when it is wired.
 */
export interface AuroraApi {
  readonly version: string;
  readonly gates: GatesApi;
  readonly checklist: ChecklistApi;
  readonly charts: ChartsApi;
  readonly audit: AuditApi;
  readonly canary: CanaryApi;
  readonly locks: LocksApi;
}
