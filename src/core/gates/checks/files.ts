import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseLenientJson } from '../../util/lenientJson';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; missing: boolean; message: string };

export async function readJsonFile(file: string): Promise<ReadResult<unknown>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', message: code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? (err as Error).message}` };
  }
  try {
    return { ok: true, value: parseLenientJson(text) };
  } catch (err) {
    return { ok: false, missing: false, message: `not valid JSON: ${(err as Error).message}` };
  }
}

/** Walks `a.b[2].c`; undefined when a step is absent. */
export function valueAtPath(root: unknown, dotted: string): unknown {
  let cur: unknown = root;
  for (const part of dotted.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Expands paths whose file name may hold `*`/`?` (directories are literal), sorted; missing directories give nothing. */
export async function expandFiles(patterns: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const p of patterns) {
    const dir = path.dirname(p);
    const base = path.basename(p);
    if (!/[*?]/.test(base)) {
      if (await fs.stat(p).then((s) => s.isFile(), () => false)) found.add(p);
      continue;
    }
    const re = globToRegExp(base);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && re.test(e.name)) found.add(path.join(dir, e.name));
  }
  return [...found].sort();
}
