// StrykerJS over src/core, one module per run: `npm run mutation -- verdict gates …` (scripts/mutation.mjs)
// sets AURORA_MUTATION_MODULE. Mutants are placed in the TypeScript sources of a sandbox copy, the
// sandbox is compiled once with tsc (mutation switching: every mutant is in that one build, picked at
// run time), and mocha runs the compiled tests that exercise the module.
import process from 'node:process';

const MODULE = process.env.AURORA_MUTATION_MODULE || 'verdict';
const FULL = process.env.AURORA_MUTATION_FULL === '1';

/** The compiled tests that exercise each module (a module's rules are also checked through its callers). */
const SPECS = {
  // The verdict's outage rule and types are exercised through the gates and the Gates view (their callers).
  verdict: ['out/test/unit/verdict/**/*.test.js', 'out/test/unit/gates/**/*.test.js', 'out/test/unit/gates-view/**/*.test.js'],
  // The real-Prometheus tests (integration/gates) start a server per file: with them one gates run
  // takes over an hour at concurrency 1; AURORA_MUTATION_FULL=1 adds them.
  // charts, promql, prometheus/faults and attest: the series a chart draws (series.ts), the scalar offsets of the
  // gates editor (scalarOffsets.ts), query retries (request.ts) and report consistency (report.ts), all in-process.
  gates: ['out/test/unit/gates/**/*.test.js', 'out/test/unit/gates-view/**/*.test.js', 'out/test/unit/charts/**/*.test.js', 'out/test/unit/promql/gatesText.test.js', 'out/test/unit/prometheus/faults.test.js', 'out/test/unit/attest/consistency.test.js', ...(FULL ? ['out/test/integration/gates/prometheus.test.js', 'out/test/integration/gates/rangeReduce.test.js'] : [])],
  // sarif and checklist: the lock problems (lock --check --format sarif) and the workspace verdicts the checklist shows.
  lock: ['out/test/unit/lock/**/*.test.js', 'out/test/unit/sarif/**/*.test.js', 'out/test/unit/checklist/**/*.test.js', 'out/test/integration/lock/**/*.test.js', 'out/test/integration/canary/lock.test.js'],
  canary: ['out/test/unit/canary/**/*.test.js', 'out/test/integration/canary/**/*.test.js'],
  // integration/checklist drives the webview script (not core) with the VS Code host's Chromium, which the sandbox leaves out.
  checklist: ['out/test/unit/checklist/**/*.test.js'],
  audit: ['out/test/unit/audit/**/*.test.js'],
};
if (!SPECS[MODULE]) throw new Error(`unknown module '${MODULE}' (one of ${Object.keys(SPECS).join(', ')})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: [`src/core/${MODULE}/**/*.ts`],
  buildCommand: 'node scripts/mutation.mjs --build',
  mochaOptions: { spec: SPECS[MODULE], extension: ['js'], 'no-config': true, 'no-package': true },
  coverageAnalysis: 'perTest',
  // The machine is shared: one test runner at a time.
  concurrency: 1,
  timeoutMS: 5000,
  // Static mutants (module-level tables and zod schemas) each need a fresh test process running every
  // test: hours per module on a shared machine. AURORA_MUTATION_STATIC=1 includes them.
  ignoreStatic: process.env.AURORA_MUTATION_STATIC !== '1',
  ignorePatterns: ['/out', '/dist', '/media/dist', '.vscode-host', '.bench', 'test-results', '.demo*', '*.vsix', '/artifacts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${MODULE}.html` },
  jsonReporter: { fileName: `reports/mutation/${MODULE}.json` },
  clearTextReporter: { reportMutants: false, reportTests: false },
  thresholds: { high: 90, low: 80, break: null },
};
