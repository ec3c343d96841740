// Runs inside the real VS Code host (scripts/bench.mjs passes it as extensionTestsPath) with an empty
// workspace, so no activation event has fired yet: the time measured is loading the bundle + activate().
// The reference, in the same host and run: loading a one-line ES module through the host's module
// loader (VS Code resolves every import of an ES-module extension through its loader hook).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

// tsc compiles this file to CommonJS, which would turn import() into require(): keep the real one.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ activate(): number }>;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('aurora.aurora-ga');
  if (!ext) throw new Error('aurora.aurora-ga is not loaded in this host');
  if (ext.isActive) throw new Error('already active before the measurement; the bench workspace must be empty');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-esm-'));
  const bare = path.join(dir, 'bare.mjs');
  fs.writeFileSync(bare, 'export function activate() { return 0; }\n');
  const r0 = performance.now();
  (await importModule(pathToFileURL(bare).href)).activate();
  const reference = performance.now() - r0;
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  await ext.activate();
  const ms = performance.now() - t0;
  console.log(`  extension activation (real VS Code host, bundle load + activate()): ${ms.toFixed(1)} ms; ratio to the 50 ms goal ${(ms / 50).toFixed(2)} (target < 1)`);
  console.log(`  a one-line ES module loaded in the same host: ${reference.toFixed(1)} ms; ratio activation / that ${(ms / reference).toFixed(1)}`);
}
