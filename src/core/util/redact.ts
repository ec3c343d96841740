// Credentials never leave in text: every URL a message, log line, report or recording carries goes
// through here first.

const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]*)@/gi;

/** Replaces the password (or a lone user/token) in every `scheme://user:pass@` of `text` with `***`. */
export function redactUrls(text: string): string {
  return text.replace(USERINFO, (_, scheme: string, info: string) => {
    const i = info.indexOf(':');
    return `${scheme}${i >= 0 ? `${info.slice(0, i)}:***` : '***'}@`;
  });
}

/** A URL split into the address to contact and the credentials written into it (percent-decoded). */
export interface UrlWithCredentials {
  /** The URL without user info. */
  url: string;
  username?: string;
  password?: string;
}

/** Takes `user:pass@` out of a URL; throws TypeError (without the URL's text) when it is not a URL. */
export function splitCredentials(raw: string): UrlWithCredentials {
  const u = new URL(raw);
  if (!u.username && !u.password) return { url: raw };
  const username = decodeURIComponent(u.username);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.username = '';
  u.password = '';
  return { url: u.toString(), username, ...(password !== undefined ? { password } : {}) };
}
