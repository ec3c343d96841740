// `npm start`: the live demo. Installs what is missing, builds the extension, starts a real
// Prometheus with 72 h of demo history and VS Code (code-server) with the extension and a copy of
// examples/demo-workspace/, and prints the URL. Ctrl-C stops everything it started.
// Flags: --replay (use the labelled demo recording even where Prometheus exists), --port N (VS Code).
import { parseArgs } from 'node:util';
import { ensureSetup, sh, step } from './lib/setup.mjs';

const USAGE = 'usage: npm start [-- [--replay] [--port N]]';
let flags;
try {
  ({ values: flags } = parseArgs({ options: { replay: { type: 'boolean', default: false }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
} catch (err) {
  console.error(`start: ${err.message}\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = flags.port === undefined ? undefined : Number(flags.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`start: --port needs a port number (1-65535), got "${flags.port}"\n${USAGE}`);
  process.exit(2);
}

ensureSetup({ host: true, aptOptional: true });
step('building the extension (esbuild)');
sh('node', ['scripts/build.mjs']);
step('starting the demo');
// Imported only now: on a fresh clone its dependencies (esbuild) exist only after ensureSetup().
const { startDemo } = await import('./lib/demo.mjs');
let demo;
try {
  demo = await startDemo({ replay: flags.replay, port, log: (line) => console.log(`  ${line}`) });
} catch (err) {
  console.error(`✖ the demo did not start: ${err.message}`);
  process.exit(1);
}

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demo…`);
  await demo.stop();
  console.log('stopped Prometheus and code-server; the workspace copy stays in', demo.workspace);
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const modeLine = demo.mode === 'live'
  ? `live — Prometheus ${demo.prometheusUrl} (demo clock started ${new Date(demo.end * 1000).toISOString()})`
  : 'DEMO replay — Prometheus is not available here, so gates replay the bundled recording (labelled DEMO, never promotable)';
console.log(`
Aurora GA demo is running.

  Open:       ${demo.url}
  Data:       ${modeLine}
  Workspace:  ${demo.workspace}

In VS Code: the Aurora GA activity bar → Gates → Evaluate Gates; F1 → "Welcome: Open Walkthrough…" → "Aurora GA: first steps".
Press Ctrl-C to stop.`);
