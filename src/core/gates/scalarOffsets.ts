import type { Scalar } from 'yaml';

/**
 * For each character of a YAML scalar's value, its offset in the document (plus one entry for the
 * end), so a problem found in the value can be shown where it was typed. Folded lines, quotes,
 * escapes and block indentation are undone in reverse; where the rebuilt value differs from the
 * parser's (a form not handled here) the answer is undefined and callers mark the whole scalar.
 */
export function scalarOffsets(doc: string, node: Scalar): number[] | undefined {
  const [start, end] = node.range ?? [];
  if (start === undefined || end === undefined || typeof node.value !== 'string') return undefined;
  const raw = doc.slice(start, end);
  const built = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? block(raw, start, node.type === 'BLOCK_FOLDED') : flow(raw, start, node.type);
  if (!built || built.text !== node.value) return undefined;
  built.at.push(built.at.length ? built.at[built.at.length - 1] + 1 : start);
  return built.at;
}

interface Built {
  text: string;
  at: number[];
}

function lines(raw: string, base: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const line of raw.split('\n')) {
    out.push({ text: line.replace(/\r$/, ''), at: base + at });
    at += line.length + 1;
  }
  return out;
}

/** Plain and quoted scalars: one line break folds to a space, n empty lines to n newlines. */
function flow(raw: string, base: number, type: Scalar['type']): Built | undefined {
  const quote = type === 'QUOTE_DOUBLE' ? '"' : type === 'QUOTE_SINGLE' ? "'" : '';
  const inner = quote ? raw.slice(1, raw.endsWith(quote) ? -1 : undefined) : raw;
  const out: Built = { text: '', at: [] };
  let pending = 0;
  let joinNext = false;
  for (const [i, line] of lines(inner, base + quote.length).entries()) {
    const lead = i === 0 ? 0 : line.text.length - line.text.trimStart().length;
    const body = i === 0 ? line.text.replace(/\s+$/, '') : line.text.trim();
    if (!body) {
      if (i > 0) pending++;
      continue;
    }
    if (out.text && !joinNext) {
      const sep = pending ? '\n'.repeat(pending) : ' ';
      for (const ch of sep) push(out, ch, line.at + lead);
    }
    pending = 0;
    joinNext = false;
    let j = 0;
    while (j < body.length) {
      const at = line.at + lead + j;
      const c = body[j];
      if (quote === "'" && c === "'" && body[j + 1] === "'") {
        push(out, "'", at);
        j += 2;
      } else if (quote === '"' && c === '\\') {
        if (j === body.length - 1) {
          joinNext = true;
          j++;
          continue;
        }
        const esc = unescape(body, j);
        if (!esc) return undefined;
        push(out, esc.text, at);
        j += esc.length;
      } else {
        push(out, c, at);
        j++;
      }
    }
  }
  return out;
}

const SIMPLE: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

function unescape(body: string, j: number): { text: string; length: number } | undefined {
  const c = body[j + 1];
  if (c in SIMPLE) return { text: SIMPLE[c], length: 2 };
  const width = { x: 2, u: 4, U: 8 }[c as 'x' | 'u' | 'U'];
  if (!width) return undefined;
  const hex = body.slice(j + 2, j + 2 + width);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
  return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + width };
}

function push(out: Built, text: string, at: number): void {
  for (const ch of text) {
    out.text += ch;
    for (let k = 0; k < ch.length; k++) out.at.push(at);
  }
}

/** `|` and `>` block scalars: indentation removed; in folded ones a break between text lines is a space. */
function block(raw: string, base: number, folded: boolean): Built | undefined {
  const all = lines(raw, base);
  // A block scalar's range ends after its last line break: what follows it is no line (and no kept break).
  if (raw.endsWith('\n')) all.pop();
  const header = all.shift();
  if (!header) return undefined;
  const explicit = /[1-9]/.exec(header.text.replace(/#.*/, ''))?.[0];
  const keep = /^[|>][1-9]?\+|^[|>]\+/.test(header.text.trim());
  const strip = /^[|>][1-9]?-|^[|>]-/.test(header.text.trim());
  const indent = explicit ? Number(explicit) : Math.min(...all.filter((l) => l.text.trim()).map((l) => l.text.length - l.text.trimStart().length));
  if (!Number.isFinite(indent)) return { text: '', at: [] };
  const out: Built = { text: '', at: [] };
  let prevText = false;
  let prevMore = false;
  let pendingBreaks: number[] = [];
  for (const line of all) {
    const content = line.text.slice(indent);
    const empty = line.text.trim() === '';
    if (empty) {
      pendingBreaks.push(line.at + Math.min(line.text.length, indent));
      continue;
    }
    const more = /^\s/.test(content);
    if (prevText) {
      // A folded break between two text lines (neither more indented) is a space, unless empty lines were between.
      if (folded && !more && !prevMore) {
        if (pendingBreaks.length) for (const at of pendingBreaks) push(out, '\n', at);
        else push(out, ' ', line.at);
      } else {
        push(out, '\n', line.at);
        for (const at of pendingBreaks) push(out, '\n', at);
      }
    } else for (const at of pendingBreaks) push(out, '\n', at);
    pendingBreaks = [];
    for (let j = 0; j < content.length; j++) push(out, content[j], line.at + indent + j);
    prevText = true;
    prevMore = more;
  }
  if (!strip && out.text) {
    const end = out.at.length ? out.at[out.at.length - 1] + 1 : base;
    push(out, '\n', end);
    if (keep) for (const at of pendingBreaks) push(out, '\n', at);
  }
  return out;
}
