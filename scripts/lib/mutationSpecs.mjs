// The compiled tests that exercise each module of src/core under mutation (a module's rules are also
// checked through its callers). Shared by stryker.config.mjs (what runs) and scripts/mutation.mjs
// (what the ledger records each file was measured with).

const SPECS = {
  // The verdict's outage rule and types are exercised through the gates and the Gates view (their callers).
  verdict: ['out/test/unit/verdict/**/*.test.js', 'out/test/unit/gates/**/*.test.js', 'out/test/unit/gates-view/**/*.test.js'],
  // The checks (checks/*: PromQL, alerts, comparisons, files) are tested against a real Prometheus and
  // VictoriaMetrics in integration/gates, a server per test file: a whole-module run takes hours here.
  // AURORA_MUTATION_QUICK=1 leaves those out (and the ledger says so for every file it measures).
  // charts, promql, prometheus and attest: the series a chart draws (series.ts), the scalar offsets of the gates
  // editor (scalarOffsets.ts), query retries and the connection (request.ts) and report consistency (report.ts).
  gates: ['out/test/unit/gates/**/*.test.js', 'out/test/unit/gates-view/**/*.test.js', 'out/test/unit/charts/**/*.test.js', 'out/test/unit/promql/gatesText.test.js', 'out/test/unit/promql/scalarOffsets.test.js', 'out/test/unit/prometheus/faults.test.js', 'out/test/unit/prometheus/connectionRequest.test.js', 'out/test/unit/attest/consistency.test.js', 'out/test/integration/gates/*.test.js'],
  // sarif and checklist: the lock problems (lock --check --format sarif) and the workspace verdicts the checklist shows.
  lock: ['out/test/unit/lock/**/*.test.js', 'out/test/unit/sarif/**/*.test.js', 'out/test/unit/checklist/**/*.test.js', 'out/test/integration/lock/**/*.test.js', 'out/test/integration/canary/lock.test.js'],
  canary: ['out/test/unit/canary/**/*.test.js', 'out/test/integration/canary/**/*.test.js'],
  // integration/checklist drives the webview script (not core) with the VS Code host's Chromium, which the sandbox leaves out.
  checklist: ['out/test/unit/checklist/**/*.test.js'],
  audit: ['out/test/unit/audit/**/*.test.js'],
};

export const MODULES = Object.keys(SPECS);

// Files never mutated, and why (the summary lists them). processRun.ts finds what to kill by scanning
// /proc for its marker: a mutant of that match marks every process, and run as root it SIGKILLs every
// process of the machine (it did, 2026-12-03). Its behaviour stays covered by the canary tests.
export const EXCLUDED = {
  'src/core/canary/processRun.ts': 'kills the processes it finds in /proc: a mutant of the match kills every process of the machine',
};

/**
 * The tests a run of `module` uses: AURORA_MUTATION_SPECS (comma-separated globs) narrows them, e.g.
 * for a static run of one file's schemas — fewer tests can only kill fewer mutants, so a narrowed run
 * never overstates a score; AURORA_MUTATION_QUICK=1 leaves out the integration tests.
 */
export function specsFor(module, env = process.env) {
  if (!SPECS[module]) throw new Error(`unknown module '${module}' (one of ${MODULES.join(', ')})`);
  if (env.AURORA_MUTATION_SPECS) return env.AURORA_MUTATION_SPECS.split(',');
  return env.AURORA_MUTATION_QUICK === '1' ? SPECS[module].filter((s) => !s.startsWith('out/test/integration/')) : SPECS[module];
}
