// The extension-test entry point, in @vscode/test-electron's contract: a module exporting run().
// It runs unchanged under scripts/run-vscode-tests.mjs (code-server) and under test-electron.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  const grep = process.env.AURORA_TEST_GREP;
  if (grep) mocha.grep(grep);
  // A host with workspace trust on (run-vscode-tests --workspace-trust=on) runs only the Restricted Mode tests.
  const untrusted = process.env.AURORA_TEST_TRUST === 'on';
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js') && f.endsWith('.untrusted.test.js') === untrusted) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const passed: string[] = [];
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
      // scripts/test-repeat.mjs counts failures per test from this file.
      const report = process.env.AURORA_TEST_REPORT;
      if (report) fs.writeFileSync(report, JSON.stringify({ passed, failed }));
      if (failures > 0) reject(new Error(`${failures} extension tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => passed.push(t.fullTitle()));
    runner.on('fail', (t) => failed.push(t.fullTitle()));
  });
}
