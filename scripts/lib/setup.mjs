// First-run set-up shared by `npm test`, `npm start` and the bench: installs what is missing and
// says what it is doing. Everything is idempotent, so a second run costs well under a second.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function step(text) {
  console.log(`\n▶ ${text}`);
}

export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/**
 * npm dependencies, Debian packages (Prometheus, PyYAML for the lock reference), the VS Code host.
 * With `aptOptional` a failed apt install (no apt, no network) only warns: `npm start` then falls
 * back to demo replay instead of stopping.
 */
export function ensureSetup({ host = true, aptOptional = false } = {}) {
  const modules = path.join(root, 'node_modules');
  const stamp = path.join(modules, '.package-lock.json');
  const linked = fs.lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink();
  if (linked) {
    // Another checkout's install (a git worktree): `npm ci` here would empty that checkout's node_modules
    // through the link; a fresh checkout's package-lock.json is always newer than the install's stamp.
    if (!fs.existsSync(stamp)) console.warn(`⚠ node_modules links to ${fs.realpathSync(modules)}, which has no install; run npm ci there`);
  } else if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < fs.statSync(path.join(root, 'package-lock.json')).mtimeMs) {
    step('installing npm dependencies (npm ci)');
    sh('npm', ['ci', '--no-audit', '--no-fund']);
  }
  const apt = ['prometheus', 'prometheus-pushgateway', 'python3-yaml', 'victoria-metrics', 'libxml2-utils', 'openssh-client', 'openssl', 'r-base-core'];
  if (apt.some((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0)) {
    step(`installing Debian packages: ${apt.join(', ')}`);
    if (!aptOptional) sh('bash', ['scripts/apt-install.sh', ...apt]);
    else if (spawnSync('bash', ['scripts/apt-install.sh', ...apt], { cwd: root, stdio: 'inherit' }).status !== 0) {
      console.warn(`⚠ could not install ${apt.join(', ')}; continuing without them`);
    }
  }
  if (host) sh('bash', ['scripts/setup-vscode-host.sh', path.join(root, '.vscode-host')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Where tsc puts compiled sources and tests; AURORA_OUT lets parallel work use its own folder. */
export const outDir = path.resolve(root, process.env.AURORA_OUT || 'out');

/** Bundles with esbuild and compiles with tsc; with `strict` false a type error only warns (tsc still emits). */
export function build({ strict = true } = {}) {
  step('building bundles (esbuild) and compiling tests (tsc)');
  sh('node', ['scripts/build.mjs']);
  fs.rmSync(outDir, { recursive: true, force: true });
  const r = spawnSync('npx', ['tsc', '-p', '.', '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  // Output outside the checkout (AURORA_OUT=/tmp/…) must still resolve our node_modules, also in
  // the VS Code extension host, which does not pass NODE_PATH on.
  if (path.relative(root, outDir).startsWith('..')) fs.symlinkSync(path.join(root, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  if (r.status !== 0) {
    if (strict) process.exit(r.status || 1);
    console.warn('⚠ type errors above; continuing because the check layer is not selected');
  }
}
