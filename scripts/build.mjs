// Bundles the extension, the CLI and the webview scripts with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };
const webviewEntries = fs.existsSync(path.join(root, 'src/webview'))
  ? fs.readdirSync(path.join(root, 'src/webview')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => `src/webview/${f}`)
  : [];

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
];
if (webviewEntries.length) {
  builds.push({ ...common, entryPoints: webviewEntries, outdir: 'media/dist', platform: 'browser', format: 'iife', target: 'es2022' });
}

// Start clean, so nothing left by an earlier build (a dev source map, a removed webview) is shipped.
for (const dir of ['dist', 'media/dist']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });

// uPlot's own structural CSS, from the package as installed (its colours are overridden in media/chart.css).
// Found by module resolution, not at root/node_modules: Stryker builds its sandbox before linking node_modules in.
const uplotCss = () => {
  fs.mkdirSync(path.join(root, 'media/dist'), { recursive: true });
  fs.copyFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css'), path.join(root, 'media/dist/uplot.css'));
};

const t0 = Date.now();
uplotCss();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('build: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  console.log(`build: ${builds.length} bundles${production ? ' (production)' : ''} in ${Date.now() - t0} ms`);
}
