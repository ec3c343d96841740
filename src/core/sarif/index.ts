// SARIF 2.1.0 output for code scanning: lock and profile problems at the key they are about.
export { artifactLocation, renderSarif, SARIF_SCHEMA, type SarifFinding, type SarifRule } from './log';
export { LOCK_SARIF_RULES, lockSarif } from './lock';
export { PROFILE_SARIF_RULES, profilesSarif } from './profiles';
