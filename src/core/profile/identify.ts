// Which YAML files are profiles: the one rule behind the editor's profile tracking and the
// "Lock Profile" pick list. A file is a profile by location (a `profiles` folder, the original's
// configs/profiles layout), by having a lock beside it, or by content (a mapping holding every
// section the profile schema requires). Anything else (configs/canary.yaml, CI files) is not.
import path from 'node:path';
import { loadYaml11 } from '../pyyaml';
import { REQUIRED_SECTIONS } from './schema';

export type ProfileEvidence = 'location' | 'lock' | 'content';

/** A YAML file inside a folder named `profiles`. */
export function inProfilesFolder(file: string): boolean {
  return path.dirname(file).split(/[\\/]/).includes('profiles');
}

/** Whether the text is a mapping with every required profile section (unreadable YAML is not). */
export function hasProfileSections(text: string, file: string): boolean {
  try {
    const { root } = loadYaml11(text, file);
    return root.kind === 'object' && REQUIRED_SECTIONS.every((s) => root.entries.some((e) => e.key === s));
  } catch {
    return false;
  }
}

/** Why `file` is a profile, or undefined when it does not look like one. `text` is read only when needed. */
export function profileEvidence(file: string, hasLock: boolean, text: () => string | undefined): ProfileEvidence | undefined {
  if (!/\.ya?ml$/i.test(file)) return undefined;
  if (inProfilesFolder(file)) return 'location';
  if (hasLock) return 'lock';
  const t = text();
  return t !== undefined && hasProfileSections(t, file) ? 'content' : undefined;
}
