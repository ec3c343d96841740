import { InputError } from '../util/errors';
import { type JNode, legacyChecksum, parseExactJson } from '../pyyaml';
import { legacyLockPathFor } from './lockPaths';

export interface LegacyLockCheck {
  lockPath: string;
  status: 'valid' | 'mismatch' | 'unreadable';
  expected?: string;
  current?: string;
  problem?: InputError;
}

/** The 16-hex checksum stored in a legacy `<profile>.yaml.lock` (validate_profiles.py --lock). */
export function parseLegacyLock(text: string, lockFile: string): string {
  const root = parseExactJson(text, lockFile);
  const node = root.kind === 'object' ? root.entries.find((e) => e.key === 'checksum')?.value : undefined;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !/^[0-9a-f]{16}$/.test(node.value)) {
    throw new InputError("legacy lock needs a 'checksum' of 16 lowercase hex digits", { file: lockFile, line: 1, column: 1 });
  }
  return node.value;
}

/** Checks a profile against its legacy lock's text; `root` is the loaded profile (undefined: it could not be read). */
export function checkLegacyLock(legacyText: string, profilePath: string, profileText: string, root: JNode | undefined): LegacyLockCheck {
  const lockPath = legacyLockPathFor(profilePath);
  try {
    const expected = parseLegacyLock(legacyText, lockPath);
    const current = root ? legacyChecksum(root, profileText, profilePath) : undefined;
    return { lockPath, status: current === expected ? 'valid' : 'mismatch', expected, current };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { lockPath, status: 'unreadable', problem: err };
  }
}
