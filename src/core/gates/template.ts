/** `${name}` placeholders; PromQL itself never uses `${`, so no escaping is needed. */
const PLACEHOLDER = /\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export function templateNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Substitutes every placeholder; an unknown name is returned, not guessed, so the caller can say where it is. */
export function resolveTemplate(text: string, vars: Readonly<Record<string, string>>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.hasOwn(vars, name)) return vars[name];
    unknown.push(name);
    return whole;
  });
  return { text: out, unknown };
}

/** A label value usable inside a PromQL regex matcher `=~"…"`: regex metacharacters and string escapes quoted. */
export function promqlRegexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Seconds of a Prometheus duration like 90s, 5m, 48h. */
export function durationSeconds(text: string): number {
  const m = /^(\d+)([smh])$/.exec(text);
  if (!m) throw new RangeError(`not a duration: ${text}`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
}

/** The shortest s/m/h spelling of a whole number of seconds. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
