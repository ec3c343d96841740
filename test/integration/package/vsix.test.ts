import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../../src/core/util/packageRoot';

const root = packageRoot();

/** Names inside a zip, read with Python's zipfile (python3 is on every machine of this kind). */
function zipEntries(file: string): string[] {
  const out = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('package: the VSIX', function () {
  this.timeout(120000);
  let tmp: string;
  let vsix: string;
  let entries: string[];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-vsix-'));
    vsix = path.join(tmp, 'aurora-ga.vsix');
    // The same command a user runs, so the test packages with the same flags.
    execFileSync('npm', ['run', 'package', '--', '-o', vsix], { cwd: root, stdio: 'pipe' });
    entries = zipEntries(vsix);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('contains the bundles, the manifest, the media and the shipped configs', () => {
    for (const needed of ['extension/package.json', 'extension/dist/extension.mjs', 'extension/dist/cli.js', 'extension/dist/cli.mjs', 'extension/dist/lock.cjs', 'extension/dist/dcts-audit.cjs', 'extension/media/aurora.svg', 'extension/media/dist/checklist.js']) {
      assert.ok(entries.includes(needed), `${needed} missing from the VSIX: ${entries.join(', ')}`);
    }
    // Every chunk the two entries import is packed (a missing one would fail only when its feature is used).
    const chunks = fs.readdirSync(path.join(root, 'dist/chunks')).map((f) => `extension/dist/chunks/${f}`);
    assert.ok(chunks.length > 0, 'dist/chunks is empty');
    assert.deepEqual(chunks.filter((c) => !entries.includes(c)), []);
    const configsOnDisk = fs.existsSync(path.join(root, 'configs')) && fs.readdirSync(path.join(root, 'configs')).length > 0;
    if (configsOnDisk) assert.ok(entries.some((e) => e.startsWith('extension/configs/')), 'configs/ missing from the VSIX');
  });

  it('contains no sources, tests, source maps, node_modules or the README pictures', () => {
    const leaked = entries.filter((e) => /^extension\/(src|test|out|scripts|node_modules|examples|docs)\//.test(e) || /\.(ts|map)$/.test(e));
    assert.deepEqual(leaked, []);
  });

  it('installs into the real VS Code host (code-server --install-extension)', () => {
    const codeServer = path.join(root, '.vscode-host/node_modules/.bin/code-server');
    assert.ok(fs.existsSync(codeServer), 'the VS Code host is not set up (scripts/setup-vscode-host.sh)');
    const exts = path.join(tmp, 'exts');
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'cfg') };
    const common = ['--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', exts];
    execFileSync(codeServer, [...common, '--install-extension', vsix], { env, stdio: 'pipe' });
    const listed = execFileSync(codeServer, [...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    assert.match(listed, new RegExp(`^${manifest.publisher}\\.${manifest.name}@${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
  });
});
