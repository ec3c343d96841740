// Runs inside the real VS Code host (scripts/bench.mjs passes it as extensionTestsPath) with an empty
// workspace, so no activation event has fired yet: the time measured is loading the bundle + activate().
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('aurora.aurora-ga');
  if (!ext) throw new Error('aurora.aurora-ga is not loaded in this host');
  if (ext.isActive) throw new Error('already active before the measurement; the bench workspace must be empty');
  const t0 = performance.now();
  await ext.activate();
  console.log(`  extension activation (real VS Code host): ${(performance.now() - t0).toFixed(1)} ms`);
}
