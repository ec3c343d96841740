// The faces use a core module only through its public surface (src/core/<module>/index.ts). The
// lint rule (eslint.config.mjs, coreInternals) says so while editing; this test fails the suite too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** `../../core/lock/diff` → `lock/diff`; undefined for a module's public surface (`../../core/lock`). */
function internal(spec: string): string | undefined {
  const m = /(?:^|\/)core\/([^/]+)\/(.+)$/.exec(spec);
  return m && m[2] !== 'index' ? `${m[1]}/${m[2]}` : undefined;
}

describe('layering: src/cli and src/providers import core modules only through their index.ts', () => {
  it('no import of a core internal in any face', () => {
    const offenders = [...sources('src/cli'), ...sources('src/providers'), 'src/extension.ts'].flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].flatMap((m) => (internal(m[1]) ? [`${f}: ${m[1]}`] : [])),
    );
    assert.deepEqual(offenders, []);
  });

  it('every core module a face imports has an index.ts', () => {
    const used = new Set([...sources('src/cli'), ...sources('src/providers')].flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/from\s+['"](?:\.\.\/)+core\/([^/'"]+)['"]/g)].map((m) => m[1])));
    assert.deepEqual([...used].filter((m) => !fs.existsSync(path.join('src/core', m, 'index.ts'))), []);
  });

  it('the lint rule rejects such an import (and accepts the public surface)', async () => {
    const eslint = new ESLint();
    const lint = async (text: string, file: string) => (await eslint.lintText(text, { filePath: file }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports');
    const bad = "import type { LockChange } from '../../core/lock/diff';\nexport type X = LockChange;\n";
    const good = "import type { LockChange } from '../../core/lock';\nexport type X = LockChange;\n";
    assert.equal((await lint(bad, 'src/providers/locks/probe.ts')).length, 1);
    assert.equal((await lint(bad.replace('../../core', '../../../core'), 'src/cli/commands/probe.ts')).length, 1);
    assert.equal((await lint(good, 'src/providers/locks/probe.ts')).length, 0);
  });
});
