import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

function findUpwards(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'aurora-ga') return dir;
      } catch {
        // a foreign or broken package.json on the way up is not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folder holding Aurora GA's own package.json (and so `configs/`): the same code runs bundled
 * from `dist/`, compiled from `out/` in tests, and installed from a VSIX, at different depths.
 * Tests compiled outside the checkout (AURORA_OUT=/tmp/…) are run from it, hence the cwd.
 */
export function packageRoot(): string {
  cached ??= findUpwards(__dirname) ?? findUpwards(process.cwd());
  if (!cached) throw new Error(`Aurora GA: cannot find its package.json above ${__dirname}`);
  return cached;
}

/** A path inside the shipped `configs/` folder. */
export function bundledConfig(...parts: string[]): string {
  return path.join(packageRoot(), 'configs', ...parts);
}
