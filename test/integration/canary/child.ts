// A real run command for the canary integration tests (compiled next to them, run with node).
// Usage: node child.js MODES [--ci-gating soft|hard]
// MODES is a comma list picked by AURORA_RUN_ID (run 1 takes the first; the last repeats):
//   ok         healthy summary, exit 0          unhealthy  summary with zero decisions, exit 0
//   fail       stderr line, exit 2               none       no summary, exit 0
//   invalid    summary that is not JSON, exit 0  trip       exit 3 under --ci-gating hard, else ok
//   hang       never exits                       grandchild spawns a grandchild (pid in grandchild.pid), then hangs
//   stubborn   ignores SIGTERM and hangs         noisy      200 KiB of stdout, then ok
//   graceful   on SIGTERM cleans up for 200 ms, then exits 0 (child.pid once the handler is set)
//   slow       ok after 300 ms                exit3      summary, then exit 3 whatever the gating
//   symlink    summary.json is a symlink to a healthy stale file outside the run directory, exit 0
//   stale      summary.json copied from a healthy file with its old modification time kept, exit 0
//   daemon     double-forks a setsid daemon (pid in daemon.pid, out of the run's process group), then hangs
//   daemon-exit the same daemon, then a healthy exit 0
//   daemon-pipe the same, but the daemon keeps the run's stdout and stderr open after the exit
//   signal     kills itself with SIGTERM      longline   a 300-character stderr line, exit 2
//   quiet4     one stdout line only, exit 4   summarydir summary.json is a directory, exit 0
//   env        writes its AURORA_*, CANARY_* and ELECTRON_* environment as the summary, exit 0
//   dirfile    replaces its own run directory with a plain file, exit 0
//   swapdir    replaces its run directory with a symlink to a copy holding a healthy summary, exit 0
//   hardlink   summary.json is a hard link to a healthy file outside the run directory, exit 0
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const modes = (process.argv[2] ?? 'ok').split(',');
const runId = Number(process.env.AURORA_RUN_ID ?? '1');
const mode = modes[Math.min(runId, modes.length) - 1];
const runDir = process.env.AURORA_RUN_DIR;
if (!runDir) {
  console.error('child: AURORA_RUN_DIR not set');
  process.exit(9);
}
const gi = process.argv.indexOf('--ci-gating');
const gating = gi > 0 ? process.argv[gi + 1] : 'none';

const healthy = { r2_main_loop: { decisions: 5, execution_decisions: { PASS: 3, BLOCK: 2 } }, r2_preloop: { exit_kind: 'exit', skip_reasons: { zero_budget: 0 } } };
const writeSummary = (s: unknown) => fs.writeFileSync(path.join(runDir, 'summary.json'), typeof s === 'string' ? s : JSON.stringify({ run: runId, ...(s as object) }));
const hang = () => setInterval(() => {}, 1000);

console.log(`child run ${runId} mode ${mode} gating ${gating} pid ${process.pid}`);
switch (mode) {
  case 'ok':
    writeSummary(healthy);
    break;
  case 'slow':
    setTimeout(() => writeSummary(healthy), 300);
    break;
  case 'unhealthy':
    writeSummary({ ...healthy, r2_main_loop: { decisions: 0, execution_decisions: {} } });
    break;
  case 'fail':
    console.error('boom: the runtime refused the profile');
    process.exit(2);
    break;
  case 'none':
    break;
  case 'invalid':
    writeSummary('{"r2_main_loop": {"decisions": 3,,}');
    break;
  case 'trip':
    writeSummary(healthy);
    if (gating === 'hard') {
      console.error('[CI-GATING][HARD] Hard gating failure detected -> exiting with code 3');
      process.exit(3);
    }
    break;
  case 'hang':
    writeSummary(healthy);
    hang();
    break;
  case 'signal':
    process.kill(process.pid, 'SIGTERM');
    hang();
    break;
  case 'longline':
    console.error(`${'x'.repeat(299)}!`);
    process.exit(2);
    break;
  case 'quiet4':
    console.log('only stdout says why');
    process.exit(4);
    break;
  case 'summarydir':
    fs.mkdirSync(path.join(runDir, 'summary.json'));
    break;
  case 'env':
    writeSummary({ ...healthy, env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('AURORA_') || k.startsWith('CANARY_') || k.startsWith('ELECTRON_'))) });
    break;
  case 'dirfile':
    fs.rmSync(runDir, { recursive: true });
    fs.writeFileSync(runDir, 'not a folder');
    break;
  case 'swapdir':
    fs.renameSync(runDir, `${runDir}-moved`);
    fs.writeFileSync(path.join(`${runDir}-moved`, 'summary.json'), JSON.stringify(healthy));
    fs.symlinkSync(`${runDir}-moved`, runDir);
    break;
  case 'hardlink': {
    const outside = path.join(path.dirname(runDir), `linked-${runId}.json`);
    fs.writeFileSync(outside, JSON.stringify(healthy));
    fs.linkSync(outside, path.join(runDir, 'summary.json'));
    break;
  }
  case 'exit3':
    writeSummary(healthy);
    console.error('exiting with code 3');
    process.exit(3);
    break;
  case 'grandchild': {
    const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    fs.writeFileSync(path.join(runDir, 'grandchild.pid'), String(g.pid));
    writeSummary(healthy);
    hang();
    break;
  }
  case 'symlink': {
    const outside = path.join(path.dirname(path.dirname(path.dirname(runDir))), 'stale-summary.json');
    fs.writeFileSync(outside, JSON.stringify(healthy));
    fs.symlinkSync(outside, path.join(runDir, 'summary.json'));
    break;
  }
  case 'stale':
    writeSummary(healthy);
    fs.utimesSync(path.join(runDir, 'summary.json'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    break;
  case 'daemon':
  case 'daemon-exit':
  case 'daemon-pipe': {
    // The intermediate starts its own session (detached = setsid), starts the daemon in another and
    // exits: the daemon is reparented and in no group of ours, as `setsid cmd &` in a script leaves it.
    const stdio = mode === 'daemon-pipe' ? 'inherit' : 'ignore';
    const daemon = `require('fs').writeFileSync(${JSON.stringify(path.join(runDir, 'daemon.pid'))}, String(process.pid)); setInterval(() => {}, 1000)`;
    const intermediate = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(daemon)}], { detached: true, stdio: '${stdio}' }).unref()`;
    spawn(process.execPath, ['-e', intermediate], { detached: true, stdio: ['ignore', stdio, stdio] }).unref();
    const wait = setInterval(() => {
      if (!fs.existsSync(path.join(runDir, 'daemon.pid')) || !fs.statSync(path.join(runDir, 'daemon.pid')).size) return;
      clearInterval(wait);
      writeSummary(healthy);
      if (mode === 'daemon') hang();
    }, 10);
    break;
  }
  case 'graceful':
    process.on('SIGTERM', () => setTimeout(() => process.exit(0), 200));
    fs.writeFileSync(path.join(runDir, 'child.pid'), String(process.pid));
    hang();
    break;
  case 'stubborn':
    process.on('SIGTERM', () => console.log('child: ignoring SIGTERM'));
    fs.writeFileSync(path.join(runDir, 'child.pid'), String(process.pid));
    hang();
    break;
  case 'noisy':
    for (let i = 0; i < 200; i++) process.stdout.write(`${String(i).padStart(4, '0')} ${'x'.repeat(1018)}\n`);
    process.stdout.write('LAST LINE\n');
    writeSummary(healthy);
    break;
  default:
    console.error(`child: unknown mode ${mode}`);
    process.exit(9);
}
