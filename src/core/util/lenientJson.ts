// Python's json module writes NaN, Infinity and -Infinity as bare tokens (the checkpoint analyzer
// does), which JSON.parse rejects. Replace them outside strings with markers, then revive them.

const MARK = '\u0000aurora-nonfinite:';

export function parseLenientJson(text: string): unknown {
  // Most files are plain JSON: JSON.parse reads them as the marking below would, unless a string
  // already holds the marker (then only the marking path gives the old answer).
  if (!text.includes('aurora-nonfinite:')) {
    try {
      return JSON.parse(text);
    } catch {
      // NaN / Infinity tokens (or a real syntax error, reported below as before)
    }
  }
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((t) => text.startsWith(t, i));
    if (token) {
      out += JSON.stringify(MARK + token);
      i += token.length - 1;
      continue;
    }
    out += c;
  }
  return JSON.parse(out, (_k, v) => (typeof v === 'string' && v.startsWith(MARK) ? Number(v.slice(MARK.length)) : v));
}
