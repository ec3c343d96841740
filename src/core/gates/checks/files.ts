import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseLenientJson } from '../../util/lenientJson';
import { outsideScope, type FileScope } from './confine';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; missing: boolean; message: string };

/** A JSON artifact larger than this is not one: refused rather than read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Reads a JSON artifact inside the file scope. Errors name the file and the position, never its
 * content (the file may not be what the gates file says it is).
 */
export async function readJsonFile(file: string, checkId: string, scope: FileScope, signal: AbortSignal): Promise<ReadResult<unknown>> {
  const refused = await outsideScope(file, scope);
  if (refused) return { ok: false, missing: false, message: `check '${checkId}': ${refused}` };
  let text: string;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, missing: false, message: `${file} is not a regular file` };
    if (st.size > MAX_JSON_BYTES) return { ok: false, missing: false, message: `${file} is ${st.size} bytes, more than the ${MAX_JSON_BYTES / 1024 / 1024} MiB a JSON artifact may have` };
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    signal.throwIfAborted();
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', message: code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? (err as Error).message}` };
  }
  try {
    return { ok: true, value: parseLenientJson(text) };
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const where = pos ? ` at line ${text.slice(0, Number(pos[1])).split('\n').length}` : '';
    return { ok: false, missing: false, message: `not valid JSON${where}` };
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
    // Symlinks too: where they point is judged by the file scope, not silently skipped.
    for (const e of entries) if ((e.isFile() || e.isSymbolicLink()) && re.test(e.name)) found.add(path.join(dir, e.name));
  }
  return [...found].sort();
}
