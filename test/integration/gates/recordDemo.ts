// Re-records the bundled demo (configs/demo/gates/) from a REAL Prometheus: the `npm start` demo
// history (configs/demo/history.mjs) backfilled at a fixed end time, the demo workspace's artifacts,
// and `aurora-ga gates --record`. Run after changing the default gates or the history:
//   npx tsc -p . --outDir /tmp/out && node /tmp/out/test/integration/gates/recordDemo.js
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src/cli/main';
import { packageRoot } from '../../../src/core/util/packageRoot';
import { renderOpenMetrics, startPrometheus, type Family } from '../../support/prometheus';

/** 2026-11-26T12:00:00Z: fixed, so the recording and its log are the same on every re-record. */
export const DEMO_END = Date.UTC(2026, 10, 26, 12) / 1000;

interface DemoHistoryModule {
  demoHistory(end: number): Family[];
  demoLog(end: number): string;
}

async function main(): Promise<void> {
  const root = packageRoot();
  const dir = path.join(root, 'configs/demo/gates');
  const demo = (await import(pathToFileURL(path.join(root, 'configs/demo/history.mjs')).href)) as DemoHistoryModule;
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.cpSync(path.join(root, 'examples/demo-workspace/artifacts'), path.join(dir, 'artifacts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'logs/runtime.log'), demo.demoLog(DEMO_END));
  // The shipped rules loaded, so the recording holds the rules API answer the alert checks need.
  const prom = await startPrometheus({ openMetrics: renderOpenMetrics(demo.demoHistory(DEMO_END)), ruleFiles: [path.join(root, 'configs/monitoring/aurora_alerts.yml')] });
  try {
    const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), stdoutIsTTY: false, cwd: dir, env: {} };
    const code = await runCli(
      ['gates', '--prometheus-url', prom.url, '--at', String(DEMO_END), '--record', 'recording.json', '--no-save', '--format', 'md', '--output', path.join(root, '.demo-gates-report.md')],
      io,
      AbortSignal.timeout(60_000),
    );
    console.log(`recorded ${path.join(dir, 'recording.json')} (exit ${code})`);
  } finally {
    await prom.stop();
    fs.rmSync(path.join(root, '.demo-gates-report.md'), { force: true });
  }
}

if (require.main === module) void main();
