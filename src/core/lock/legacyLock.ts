import { InputError } from '../util/errors';
import { parseExactJson } from './exactJson';

/** The 16-hex checksum stored in a legacy `<profile>.yaml.lock` (validate_profiles.py --lock). */
export function parseLegacyLock(text: string, lockFile: string): string {
  const root = parseExactJson(text, lockFile);
  const node = root.kind === 'object' ? root.entries.find((e) => e.key === 'checksum')?.value : undefined;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !/^[0-9a-f]{16}$/.test(node.value)) {
    throw new InputError("legacy lock needs a 'checksum' of 16 lowercase hex digits", { file: lockFile, line: 1, column: 1 });
  }
  return node.value;
}
