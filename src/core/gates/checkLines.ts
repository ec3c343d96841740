import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findQueries } from './outline';
import { LineIndex } from '../pyyaml';

/** Where a report's checks are defined: the gates file as a repository path, and each check's line. */
export interface CheckLocations {
  /** Relative to the root, with `/`; undefined when the file lies outside it (an annotation there would attach to nothing). */
  file?: string;
  /** `gateKey/checkId` → 1-based line of the check's definition. */
  lines: Map<string, number>;
}

export const checkKey = (gateKey: string, checkId: string) => `${gateKey}/${checkId}`;

/** The line of every check in a gates file's text (read leniently, as the editor reads it). */
export function checkLines(text: string): Map<string, number> {
  const index = new LineIndex(text);
  const lines = new Map<string, number>();
  for (const c of findQueries(text).checks) if (c.gateKey && c.checkId) lines.set(checkKey(c.gateKey, c.checkId), index.at(c.start).line);
  return lines;
}

/** The gates file a report names, located under `root`; a file that cannot be read gives no lines, never an error. */
export async function locateChecks(gatesFile: string | undefined, root: string): Promise<CheckLocations> {
  if (!gatesFile) return { lines: new Map() };
  const rel = path.relative(root, path.resolve(root, gatesFile));
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  const text = await fs.readFile(path.resolve(root, gatesFile), 'utf8').catch(() => undefined);
  return { ...(inside ? { file: rel.split(path.sep).join('/') } : {}), lines: text === undefined ? new Map() : checkLines(text) };
}
