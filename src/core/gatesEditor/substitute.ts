const PLACEHOLDER = /\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export interface Substituted {
  text: string;
  /** For each character of `text`, the template offset it came from (a substituted value maps to its `${`). */
  origin: number[];
  unknown: { name: string; from: number; to: number }[];
}

/** Template substitution that remembers where every character came from. */
export function substituteTracked(template: string, values: Readonly<Record<string, string>>): Substituted {
  const out: Substituted = { text: '', origin: [], unknown: [] };
  let last = 0;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) out.origin.push(i);
    out.text += template.slice(from, to);
  };
  for (const m of template.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    copy(last, at);
    const name = m[1];
    if (Object.hasOwn(values, name)) {
      out.text += values[name];
      for (let k = 0; k < values[name].length; k++) out.origin.push(at);
    } else {
      out.unknown.push({ name, from: at, to: at + m[0].length });
      copy(at, at + m[0].length);
    }
    last = at + m[0].length;
  }
  copy(last, template.length);
  out.origin.push(template.length);
  return out;
}
