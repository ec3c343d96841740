// Publishes the JSON Schemas of Aurora GA's input files from their zod schemas (the single source).
// Every `src/core/**/publishedSchema.ts` exports `publishedSchemas: { file, title, schema }[]`;
// each becomes configs/schemas/<file> (z.toJSONSchema, input side: keys with defaults are optional).
// Usage: node scripts/gen-schemas.mjs [--check]   (--check: exit 1 if a committed schema is stale)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? find(p) : d.name === 'publishedSchema.ts' ? [p] : [];
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-schemas-'));
let stale = 0;
try {
  for (const entry of find(path.join(root, 'src/core'))) {
    const outfile = path.join(tmp, `${path.relative(root, entry).replace(/[\\/]/g, '_')}.cjs`);
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
    const { publishedSchemas } = createRequire(import.meta.url)(outfile);
    for (const { file, text } of publishedSchemas.map((s) => ({ file: s.file, text: s.render() }))) {
      const target = path.join(root, 'configs/schemas', file);
      const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
      if (current === text) continue;
      if (check) {
        console.error(`stale: configs/schemas/${file} (run node scripts/gen-schemas.mjs)`);
        stale++;
      } else {
        fs.writeFileSync(target, text);
        console.log(`wrote configs/schemas/${file}`);
      }
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(stale ? 1 : 0);
