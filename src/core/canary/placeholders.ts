import { InputError } from '../util/errors';

/** The placeholders a canary command may use (spec §4, plus the two that make a portable config). */
export const PLACEHOLDERS = ['profile', 'runId', 'runDir', 'gating', 'node', 'configDir'] as const;
export type PlaceholderValues = Record<(typeof PLACEHOLDERS)[number], string>;

const PATTERN = /\$\{([^}]*)\}/g;

/** Fails early, before any run, on a placeholder the runner would not fill. */
export function checkPlaceholders(args: string[], file: string): void {
  for (const arg of args) {
    for (const m of arg.matchAll(PATTERN)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1])) {
        throw new InputError(`unknown placeholder \${${m[1]}} in '${arg}' (known: ${PLACEHOLDERS.map((p) => `\${${p}}`).join(' ')})`, { file });
      }
    }
  }
}

/** Replaces every ${name} in one argument; each argument stays one argv entry (no shell, no splitting). */
export function expand(arg: string, values: PlaceholderValues): string {
  return arg.replace(PATTERN, (_, name: keyof PlaceholderValues) => values[name]);
}
