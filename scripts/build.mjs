// Bundles the extension, the CLI and the webview scripts with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { barrelImports } from './lib/barrelImports.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };
const webviewEntries = fs.existsSync(path.join(root, 'src/webview'))
  ? fs.readdirSync(path.join(root, 'src/webview')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => `src/webview/${f}`)
  : [];

// The extension and the CLI are one build: two ES-module entries over shared chunks, so the VSIX
// holds one copy of the engine, and every dynamic import() (each CLI command, each heavy feature of
// the extension) is a chunk parsed only when it is first used. VS Code (>= 1.100) loads an `.mjs`
// main as an ES module and resolves `import 'vscode'` for it. The banner gives the bundled CommonJS
// packages (undici, yaml, …) and packageRoot() the `require` and `__dirname` they expect.
const esmShims = [
  "import { createRequire as __auroraCreateRequire } from 'node:module';",
  "import { dirname as __auroraDirname } from 'node:path';",
  "import { fileURLToPath as __auroraFileURLToPath } from 'node:url';",
  'const require = __auroraCreateRequire(import.meta.url);',
  'const __filename = __auroraFileURLToPath(import.meta.url);',
  'const __dirname = __auroraDirname(__filename);',
].join('\n');
// Faces import core modules through their index.ts; this plugin bundles such an import from the defining files.
const barrels = () => barrelImports({ srcDir: path.join(root, 'src'), coreDir: path.join(root, 'src/core') });
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts', cli: 'src/cli/bin.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    banner: { js: esmShims },
    plugins: [barrels()],
  },
];
// The commands CI runs most, once more each as a single CommonJS file (see src/cli/runAlone.ts): no
// splitting, so only what the command uses of zod and of the engine is in it. The launcher
// (writeCliLauncher) loads dist/<command>.cjs for them.
const aloneCommands = { lock: 'src/cli/lockBin.ts', 'dcts-audit': 'src/cli/auditBin.ts' };
builds.push({
  ...common,
  entryPoints: aloneCommands,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [barrels()],
});
if (webviewEntries.length) {
  builds.push({ ...common, entryPoints: webviewEntries, outdir: 'media/dist', platform: 'browser', format: 'iife', target: 'es2022' });
}

// Start clean, so nothing left by an earlier build (a dev source map, a removed webview) is shipped.
for (const dir of ['dist', 'media/dist']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });

// The banner is for the chunks holding bundled CommonJS (or packageRoot()); in the others it only
// costs start-up (~0.3 ms a module, and the lock command alone loads 14). It is blanked there, line
// for line, so source maps still line up.
function dropUnusedShims() {
  const dirs = ['dist', 'dist/chunks'].map((d) => path.join(root, d));
  for (const file of dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.mjs')).map((f) => path.join(d, f)))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.startsWith(esmShims)) continue;
    if (/\brequire\b|__filename|__dirname/.test(text.slice(esmShims.length))) continue;
    fs.writeFileSync(file, esmShims.replace(/[^\n]/g, '') + text.slice(esmShims.length));
  }
}

// The package's bin stays dist/cli.js: a CommonJS file (the package is not "type": "module") that
// loads the ES-module CLI beside it.
function writeCliLauncher() {
  const file = path.join(root, 'dist/cli.js');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const alone = Object.keys(aloneCommands).map((c) => `'${c}'`).join(', ');
  fs.writeFileSync(
    file,
    `#!/usr/bin/env node\n// aurora-ga: the CLI is the ES module dist/cli.mjs (chunks shared with the extension); ${alone} are also\n// one CommonJS file each, which starts faster (src/cli/runAlone.ts).\nconst command = process.argv[2];\nif ([${alone}].includes(command)) require(\`./\${command}.cjs\`);\nelse import('./cli.mjs');\n`,
  );
  fs.chmodSync(file, 0o755);
}

// uPlot's own structural CSS, from the package as installed (its colours are overridden in media/chart.css).
// Found as Node finds the package: Stryker builds in a sandbox whose node_modules is a parent's.
const uplotCss = () => {
  fs.mkdirSync(path.join(root, 'media/dist'), { recursive: true });
  const uplotDist = path.dirname(createRequire(path.join(root, 'package.json')).resolve('uplot'));
  fs.copyFileSync(path.join(uplotDist, 'uPlot.min.css'), path.join(root, 'media/dist/uplot.css'));
};

const t0 = Date.now();
uplotCss();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  writeCliLauncher();
  console.log('build: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  dropUnusedShims();
  writeCliLauncher();
  console.log(`build: ${builds.length} builds${production ? ' (production)' : ''} in ${Date.now() - t0} ms`);
}
