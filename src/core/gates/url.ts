// Whether a Prometheus URL can be used: its own file, so the settings that check it load without the evaluator.
import { redactUrls } from '../util/redact';

/** Why a Prometheus URL cannot be used, in words that never repeat its password; undefined when it can. */
export function urlProblem(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `'${redactUrls(raw)}' is not a URL: write it with its scheme, e.g. http://127.0.0.1:9090`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `'${redactUrls(raw)}' must start with http:// or https://`;
  if (u.username && !u.password) return `'${redactUrls(raw)}' names a user but no password: write user:password@ or use the token / basic-auth settings`;
  return undefined;
}
