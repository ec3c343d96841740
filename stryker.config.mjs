// StrykerJS over src/core, one module per run: `npm run mutation -- verdict gates …` (scripts/mutation.mjs)
// sets AURORA_MUTATION_MODULE. Mutants are placed in the TypeScript sources of a sandbox copy, the
// sandbox is compiled once with tsc (mutation switching: every mutant is in that one build, picked at
// run time), and mocha runs the compiled tests that exercise the module.
import process from 'node:process';
import { EXCLUDED, specsFor } from './scripts/lib/mutationSpecs.mjs';

const MODULE = process.env.AURORA_MUTATION_MODULE || 'verdict';
const specs = specsFor(MODULE);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: [`src/core/${MODULE}/**/*.ts`, ...Object.keys(EXCLUDED).map((f) => `!${f}`)],
  buildCommand: 'node scripts/mutation.mjs --build',
  mochaOptions: { spec: specs, extension: ['js'], 'no-config': true, 'no-package': true },
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
