// Values of the environment that look secret (by the variable's name) and the connection's own
// credentials: no report, evidence quote or message may carry them. A quoted line that contains one
// is dropped whole (the rest of such a line, e.g. other variables of /proc/self/environ, is no safer).

const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|API_?KEY|PRIVATE|ACCESS_?KEY|CREDENTIAL|AUTH|COOKIE|SESSION|SIGNATURE/i;
/** Shorter values ("1", "true") would redact ordinary text and protect nothing. */
const MIN_LENGTH = 6;

export interface Secret {
  name: string;
  value: string;
}

export function secretsFrom(env: NodeJS.ProcessEnv, extra: Secret[] = []): Secret[] {
  const fromEnv = Object.entries(env)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && SECRET_NAME.test(e[0]))
    .map(([name, value]) => ({ name, value }));
  // Longest first, so a secret containing another is replaced whole.
  return [...fromEnv, ...extra].filter((s) => s.value.length >= MIN_LENGTH).sort((a, b) => b.value.length - a.value.length);
}

/** The line, or a note in its place when it carries a secret. */
export function redactLine(line: string, secrets: Secret[]): string {
  const hit = secrets.find((s) => line.includes(s.value));
  return hit ? `[line not shown: it contains the value of ${hit.name}]` : line;
}

/** The text with every secret value replaced by its name. */
export function redactText(text: string, secrets: Secret[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s.value)) out = out.split(s.value).join(`[${s.name} redacted]`);
  return out;
}
