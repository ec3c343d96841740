// What each entry of the bundle loads before any feature is used: the modules of its static import
// graph, read from the `// path` comments esbuild writes before every module of a development
// build (dist/, built by scripts/test.mjs before the tests). Heavy parts must stay behind import().
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../src/core/util/packageRoot';

const dist = path.join(packageRoot(), 'dist');

/** The source modules in `entry` and every chunk it imports statically, transitively. */
function eagerModules(entry: string): string[] {
  const seen = new Set<string>();
  const modules = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) modules.add(m[1]);
    for (const m of text.matchAll(/(?:\bfrom|^import)\s*"(\.\.?\/[^"]+\.mjs)"/gm)) visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(path.join(dist, entry));
  return [...modules];
}

/** The chunk that a dynamic import of `name` (e.g. the lock command) became. */
function chunkNamed(name: string): string {
  const file = fs.readdirSync(path.join(dist, 'chunks')).find((f) => f.startsWith(`${name}-`) && f.endsWith('.mjs'));
  assert.ok(file, `no chunk for ${name} in dist/chunks`);
  return `chunks/${file}`;
}

const heavy = (modules: string[], patterns: RegExp[]) => modules.filter((m) => patterns.some((p) => p.test(m)));

describe('bundle: what loads before first use', () => {
  before(function () {
    if (!fs.existsSync(path.join(dist, 'extension.mjs'))) this.skip();
    assert.ok(fs.readFileSync(path.join(dist, 'extension.mjs'), 'utf8').includes('\n// src/'), 'dist/ is not a development build (node scripts/build.mjs)');
  });

  it('activation loads no engine: no zod, YAML, PromQL parser, regex engine, HTTP client, lock engine, lock history or git, judge, attest, canary runner, charts or report rendering', () => {
    const modules = eagerModules('extension.mjs');
    assert.ok(modules.includes('src/extension.ts'));
    const patterns = [
      /^node_modules\/(zod|yaml|re2js|undici|@lezer|@prometheus-io)\//,
      /^src\/core\/(pyyaml|judge|attest|promql|gates\/evaluate|canary\/runner|checklist|charts|git|sarif)\//,
      /^src\/core\/gates\/(render|series)/,
      /^src\/core\/lock\/(checkLock|lockFile|editSession|history|upgrade)/,
      /^src\/providers\/(charts\/(panel|loadSource)|shared\/gateReportPreview)/,
    ];
    assert.deepEqual(heavy(modules, patterns), []);
  });

  it('aurora-ga loads only the command that runs: the lock command brings no gates engine, HTTP client or checklist', () => {
    const bin = eagerModules('cli.mjs');
    assert.deepEqual(heavy(bin, [/^src\/cli\/commands\/(?!index)/, /^node_modules\/zod\//]), []);
    const lock = eagerModules(chunkNamed('lock'));
    assert.ok(lock.includes('src/core/lock/checkLock.ts'));
    assert.deepEqual(heavy(lock, [/^node_modules\/(undici|re2js|@lezer|@prometheus-io)\//, /^src\/core\/(gates|checklist|attest|judge|canary)\//]), []);
  });

  it('dist/lock.cjs and dist/dcts-audit.cjs, the launcher’s files for those commands, hold their command and zod/mini, nothing of the other commands or of classic zod', () => {
    const alone: [string, string[], RegExp][] = [
      ['lock', ['src/core/lock/quickValidate.ts', 'src/cli/commands/lock.ts'], /^src\/core\/(gates|checklist|attest|judge|canary|audit)\//],
      ['dcts-audit', ['src/core/audit/runDctsAudit.ts', 'src/core/history/record.ts', 'src/cli/commands/dcts-audit.ts'], /^src\/core\/(gates|checklist\/(?!paths)|attest|judge|canary|lock|pyyaml)/],
    ];
    for (const [command, needed, foreign] of alone) {
      const modules = eagerModules(`${command}.cjs`);
      for (const m of needed) assert.ok(modules.includes(m), `${command}.cjs lacks ${m}: ${modules.join(', ')}`);
      assert.ok(modules.some((m) => m.startsWith('node_modules/zod/v4/mini/')), `${command}.cjs: zod/mini`);
      const otherCommands = new RegExp(`^src/cli/commands/(?!${command}\\.ts)`);
      assert.deepEqual(heavy(modules, [/^node_modules\/zod\/v4\/classic\//, /^node_modules\/(undici|re2js|@lezer|@prometheus-io|yaml)\//, otherCommands, foreign]), [], command);
    }
    const launcher = fs.readFileSync(path.join(dist, 'cli.js'), 'utf8');
    assert.match(launcher, /if \(\['lock', 'dcts-audit'\]\.includes\(command\)\) require\(`\.\/\$\{command\}\.cjs`\);\nelse import\('\.\/cli\.mjs'\);/);
  });
});
