import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkLock } from '../lock';
import { InputError } from '../util/errors';

export interface ProfileForGates {
  /** `${profile}`: the file name without .yaml/.yml (the runtime's `profile` label). */
  name: string;
  lock: { enforced: boolean; status: string; detail: string };
}

/**
 * Resolves `gates --profile PATH`: its name, and its lock, which must validate unless the profile
 * itself says `profile_lock.enforced: false` (product spec §3, "Enforcement"). A lock that does not
 * validate is an InputError (exit 2) — gates are never evaluated for an unverified profile.
 */
export async function resolveProfile(file: string, signal: AbortSignal): Promise<ProfileForGates> {
  const name = path.basename(file).replace(/\.ya?ml$/i, '');
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    throw new InputError(`cannot read profile: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const pos = lines.linePos(doc.errors[0].pos[0]);
    throw new InputError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  const node = doc.getIn(['profile_lock', 'enforced'], true) as { value?: unknown; range?: [number, number, number] } | undefined;
  if (node !== undefined && typeof node.value !== 'boolean') {
    const pos = node.range ? lines.linePos(node.range[0]) : undefined;
    throw new InputError(`profile_lock.enforced must be true or false`, { file, line: pos?.line, column: pos?.col });
  }
  const enforced = node?.value !== false;
  const check = await checkLock(file, signal);
  const lockName = path.basename(check.lockPath);
  const detail =
    check.status === 'valid'
      ? `${lockName} validates`
      : check.status === 'missing'
        ? `no lock file ${check.lockPath} (create it with 'aurora-ga lock --in ${file}')`
        : check.status === 'mismatch'
          ? `${path.basename(file)} does not match ${lockName}: ${check.reason ?? 'hash mismatch'}`
          : check.problem?.format() ?? `${lockName}: ${check.status}`;
  if (enforced && check.status !== 'valid') throw new InputError(`profile lock does not validate: ${detail}; refusing to evaluate gates (profile_lock.enforced)`, { file });
  return { name, lock: { enforced, status: check.status, detail } };
}
