// The original AURORA GA kit's data files, copied byte-for-byte into the repository
// (test/fixtures/original-kit/MANIFEST.md lists their source paths and SHA-256) so a clone tests itself.
import path from 'node:path';

/** Tests run from the repository root (npm test, mocha, Stryker's sandbox), like the other fixture paths. */
export const ORIGINAL_KIT = path.resolve('test/fixtures/original-kit');

export function originalKitFile(name: string): string {
  return path.join(ORIGINAL_KIT, name);
}
