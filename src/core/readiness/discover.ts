import { promises as fs } from 'node:fs';
import path from 'node:path';

// Where monitoring assets live: the original kept them in `monitoring/`, Aurora ships them in
// `configs/monitoring/`. Both are looked at unless the caller names files.
const FOLDERS = ['monitoring', 'configs/monitoring'];

async function walk(dir: string, depth: number, signal: AbortSignal): Promise<string[]> {
  signal.throwIfAborted();
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) out.push(...(await walk(p, depth - 1, signal)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Monitoring files under the conventional folders whose name ends with one of `exts`, sorted. */
export async function findMonitoringFiles(root: string, exts: string[], signal: AbortSignal): Promise<string[]> {
  const files = (await Promise.all(FOLDERS.map((f) => walk(path.join(root, f), 2, signal)))).flat();
  return files.filter((f) => exts.some((x) => f.endsWith(x))).sort();
}
