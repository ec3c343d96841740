import { LOCK_RULES, type LockProblem, type LockRule } from '../lock';
import { sarifLog, type SarifRule } from './log';

const ruleId = (rule: LockRule) => `lock/${rule}`;

/** Every lock rule, so a result's rule is always described; each makes the lock check fail, hence errors. */
export const LOCK_SARIF_RULES: SarifRule[] = (Object.keys(LOCK_RULES) as LockRule[]).map((rule) => ({ id: ruleId(rule), name: LOCK_RULES[rule].name, description: LOCK_RULES[rule].description, help: LOCK_RULES[rule].help, level: 'error' }));

/** `lock --check` as SARIF: one result per problem, at the changed key when it is known. */
export function lockSarif(problems: LockProblem[], root: string, version: string): object {
  return sarifLog(
    { name: 'aurora-ga', version },
    LOCK_SARIF_RULES,
    problems.map((p) => ({ ruleId: ruleId(p.rule), level: 'error', message: p.message, file: p.file, ...(p.start ? { start: p.start } : {}), ...(p.end ? { end: p.end } : {}) })),
    root,
  );
}
