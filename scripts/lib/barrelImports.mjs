// esbuild plugin: an import of a core module's public surface (`../../core/lock`, i.e. its index.ts,
// a list of `export { … } from './file'`) is bundled as an import of the files that define the names.
// The bindings are the same ones; what changes is chunking. esbuild gives a file to every chunk that
// can reach it through imports, so a surface imported by eager code would pull everything it
// re-exports into the eager chunk, including what a feature loads only with import() on first use.
import fs from 'node:fs';
import path from 'node:path';

const STATEMENT = /^(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*'([^']+)';/gm;

/** `a`, `type B`, `c as d` → { name, alias, type }. */
function specifiers(list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = /^(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s);
    return m && { type: Boolean(m[1]), name: m[2], alias: m[3] ?? m[2] };
  });
}

function barrelAt(dir) {
  const index = path.join(dir, 'index.ts');
  return fs.existsSync(index) ? index : undefined;
}

/** Exported name → { file, name } for a surface, following surfaces that re-export other surfaces. */
function surfaceOf(index, cache) {
  if (cache.has(index)) return cache.get(index);
  const map = new Map();
  cache.set(index, map);
  for (const [, kind, , list, spec] of fs.readFileSync(index, 'utf8').matchAll(STATEMENT)) {
    if (kind !== 'export' || !spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(index), spec);
    const nested = fs.existsSync(`${target}.ts`) ? undefined : barrelAt(target);
    for (const s of specifiers(list)) {
      if (!s) continue;
      const origin = nested ? surfaceOf(nested, cache).get(s.name) : { file: `${target}.ts`, name: s.name };
      if (origin) map.set(s.alias, origin);
    }
  }
  return map;
}

/** `coreDir`: the folder of the core modules (src/core); only files under `srcDir` are rewritten. */
export function barrelImports({ srcDir, coreDir }) {
  return {
    name: 'core-barrel-imports',
    setup(build) {
      const cache = new Map();
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(srcDir + path.sep)) return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        const rewritten = text.replace(STATEMENT, (all, kind, typeOnly, list, spec) => {
          if (typeOnly || !spec.startsWith('.')) return all;
          const target = path.resolve(path.dirname(args.path), spec);
          const index = path.dirname(target) === coreDir ? barrelAt(target) : undefined;
          if (!index || index === args.path) return all;
          const surface = surfaceOf(index, cache);
          const parts = specifiers(list);
          if (parts.some((s) => !s || (!s.type && !surface.has(s.name)))) return all;
          const byFile = new Map();
          for (const s of parts) {
            if (s.type) continue;
            const origin = surface.get(s.name);
            const names = byFile.get(origin.file) ?? [];
            names.push(origin.name === s.alias ? s.alias : `${origin.name} as ${s.alias}`);
            byFile.set(origin.file, names);
          }
          // As many lines as the statement had, so the source map's lines stay those of the source.
          const lines = '\n'.repeat(all.split('\n').length - 1);
          return [...byFile].map(([file, names]) => `${kind} { ${names.join(', ')} } from ${JSON.stringify(file)};`).join(' ') + lines;
        });
        return { contents: rewritten, loader: 'ts' };
      });
    },
  };
}
