// `npm run mutation [-- module …]`: StrykerJS (mocha runner, concurrency 1) over src/core, one run per
// module (default: verdict gates lock canary checklist audit; `-- canary --mutate src/core/canary/runner.ts`
// narrows one), then reports/mutation/summary.md with the score and every surviving or uncovered mutant,
// from the per-file ledgers in reports/mutation/ledger/ (committed; `-- --summary` rewrites summary.md
// from them). The HTML/JSON reports next to it are not committed.
// Slow (minutes per module) and not part of `npm test`. On a shared machine wrap it in the suite lock:
//   flock /tmp/aurora-suite.lock npm run mutation -- verdict
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXCLUDED, MODULES, specsFor } from './lib/mutationSpecs.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// Stryker's buildCommand (run in its sandbox, no shell): bundle and compile the mutated sources once.
if (process.argv[2] === '--build') {
  for (const [cmd, argv] of [['node', ['scripts/build.mjs']], ['npx', ['tsc', '-p', '.', '--outDir', 'out']]]) {
    const r = spawnSync(cmd, argv, { cwd: process.cwd(), stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  process.exit(0);
}
const ALL = MODULES;
const reportDir = path.join(root, 'reports/mutation');
// `--summary`: rewrite summary.md from the ledgers, running nothing.
if (process.argv[2] === '--summary') {
  fs.writeFileSync(path.join(reportDir, 'summary.md'), summary());
  console.log('mutation: reports/mutation/summary.md rewritten from reports/mutation/ledger/');
  process.exit(0);
}
// Words are modules; everything from the first --flag on goes to stryker (e.g. --mutate 'src/core/canary/runner.ts').
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('-'));
const named = firstFlag < 0 ? args : args.slice(0, firstFlag);
const extra = firstFlag < 0 ? [] : args.slice(firstFlag);
const modules = named.length ? named : ALL;
const unknown = modules.filter((m) => !ALL.includes(m));
if (unknown.length) {
  console.error(`mutation: unknown module ${unknown.join(', ')} (one of ${ALL.join(', ')})`);
  process.exit(2);
}
const refused = (mutateFiles(extra) ?? []).filter((f) => EXCLUDED[f]);
if (refused.length) {
  console.error(refused.map((f) => `mutation: ${f} is never mutated: ${EXCLUDED[f]}`).join('\n'));
  process.exit(2);
}
fs.mkdirSync(reportDir, { recursive: true });

let failed = false;
for (const m of modules) {
  console.log(`\n▶ mutation testing src/core/${m}`);
  // The differential lock test's 3000 generated documents add nothing per mutant that 300 do not.
  const env = { ...process.env, AURORA_MUTATION_MODULE: m, AURORA_DIFF_COUNT: process.env.AURORA_DIFF_COUNT ?? '300' };
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...extra], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ stryker failed for ${m} (exit ${r.status ?? r.signal})`);
    failed = true;
  } else record(m, mutateFiles(extra));
}

/** The files a run's --mutate names (undefined without one: the whole module); globs are left out. */
function mutateFiles(flags) {
  const i = flags.findIndex((a) => a === '--mutate' || a.startsWith('--mutate='));
  if (i < 0) return undefined;
  const value = flags[i] === '--mutate' ? flags[i + 1] : flags[i].slice('--mutate='.length);
  return (value ?? '').split(',').filter((f) => f && !/[*?[\]{}]/.test(f));
}

/** A module's ledger: what each measured file's last run found (committed, unlike the bulky HTML/JSON reports). */
function ledgerFile(m) {
  return path.join(reportDir, 'ledger', `${m}.json`);
}
function readLedger(m) {
  return fs.existsSync(ledgerFile(m)) ? JSON.parse(fs.readFileSync(ledgerFile(m), 'utf8')) : { entries: [] };
}
function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}
function leftLine(name, mu) {
  const repl = mu.replacement === undefined ? '' : ` → \`${String(mu.replacement).replace(/\s+/g, ' ').slice(0, 80)}\``;
  return `${mu.status === 'NoCoverage' ? 'no coverage' : 'survived'}: ${name}:${mu.location.start.line}:${mu.location.start.column} ${mu.mutatorName}${repl}`;
}

/**
 * Folds a module's fresh Stryker JSON report into its ledger, one entry per file. A run of the whole
 * module replaces the ledger; a narrowed one (`asked`: the files its --mutate named) replaces only the
 * files it measured, and an older entry covering several files that overlaps it is dropped (its other
 * files become unmeasured). A file the run covered that holds no mutant (types only) is recorded as such.
 */
function record(m, asked) {
  const narrowed = asked !== undefined;
  const report = JSON.parse(fs.readFileSync(path.join(reportDir, `${m}.json`), 'utf8'));
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const how = process.env.AURORA_MUTATION_STATIC === '1' ? 'static mutants included' : '';
  const tests = specsFor(m);
  const fresh = Object.entries(report.files).map(([name, f]) => {
    const counts = {};
    for (const mu of f.mutants) counts[mu.status] = (counts[mu.status] ?? 0) + 1;
    const left = f.mutants.filter((mu) => mu.status === 'Survived' || mu.status === 'NoCoverage').map((mu) => leftLine(name, mu)).sort();
    return { files: [name], sha256: sha256(f.source), date, tests, ...(how ? { how } : {}), counts, left };
  });
  for (const name of asked ?? moduleFiles(m)) {
    const file = path.join(root, name);
    if (report.files[name] || !fs.existsSync(file)) continue;
    fresh.push({ files: [name], sha256: sha256(fs.readFileSync(file, 'utf8')), date, tests, note: 'no mutants', counts: {}, left: [] });
  }
  const measured = new Set(fresh.flatMap((e) => e.files));
  const kept = narrowed ? readLedger(m).entries.filter((e) => !e.files.some((f) => measured.has(f))) : [];
  fs.mkdirSync(path.dirname(ledgerFile(m)), { recursive: true });
  const entries = [...kept, ...fresh].sort((a, b) => a.files[0].localeCompare(b.files[0]));
  fs.writeFileSync(ledgerFile(m), `${JSON.stringify({ entries }, null, 1)}\n`);
}

/** The TypeScript files of a module that can hold mutants (index.ts only re-exports), but the excluded ones. */
function moduleFiles(m) {
  const dir = path.join(root, 'src/core', m);
  return fs.readdirSync(dir, { recursive: true }).map((f) => `src/core/${m}/${f.split(path.sep).join('/')}`).filter((f) => f.endsWith('.ts') && !f.endsWith('/index.ts') && !EXCLUDED[f]).sort();
}

/** Scores of every module's ledger: totals, files not measured, files changed since, survivors listed. */
function summary() {
  const lines = ['# Mutation testing (StrykerJS, `npm run mutation`)', '',
    'Generated by scripts/mutation.mjs from the ledgers in reports/mutation/ledger/ (each measured file\'s last run). Killed % = (killed + timeout) / (all − ignored − compile errors); "ignored" are static mutants (module-level tables and schemas) of runs without AURORA_MUTATION_STATIC=1.',
    'Mutants judged equivalent are listed with their reasons in README.md, "Mutation testing".', '',
    '| module | files measured | mutants | killed | timeout | survived | no coverage | ignored | killed % | measured |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  const details = [];
  for (const m of ALL) {
    const { entries } = readLedger(m);
    if (!entries.length) continue;
    const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0 };
    for (const e of entries) for (const [k, v] of Object.entries(e.counts)) count[k] = (count[k] ?? 0) + v;
    const files = moduleFiles(m);
    const measured = new Set(entries.flatMap((e) => e.files));
    const unmeasured = files.filter((f) => !measured.has(f));
    const changed = entries.filter((e) => e.sha256 && fs.existsSync(path.join(root, e.files[0])) && sha256(fs.readFileSync(path.join(root, e.files[0]), 'utf8')) !== e.sha256).map((e) => e.files[0]);
    const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage + count.RuntimeError;
    const score = valid ? ((100 * (count.Killed + count.Timeout)) / valid).toFixed(1) : '— (no mutant)';
    const dates = entries.map((e) => e.date).sort();
    const when = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} … ${dates.at(-1)}`;
    lines.push(`| ${m} | ${files.length - unmeasured.length} of ${files.length} | ${valid} | ${count.Killed} | ${count.Timeout} | ${count.Survived} | ${count.NoCoverage} | ${count.Ignored} | ${score} | ${when} |`);
    details.push('', `## ${m}`, '');
    for (const e of entries.filter((x) => x.note || x.how)) details.push(`- ${e.files.length > 1 ? `${e.files.length} files` : e.files[0]} (${e.date}): ${[e.note, e.how].filter(Boolean).join('; ')}.`);
    // Files measured with fewer tests than the module's own set: their scores may be lower, never higher.
    const fuller = JSON.stringify(specsFor(m, {}));
    const narrowed = new Map();
    for (const e of entries.filter((x) => x.tests && JSON.stringify(x.tests) !== fuller)) {
      const key = e.tests.join(', ');
      narrowed.set(key, [...(narrowed.get(key) ?? []), ...e.files]);
    }
    for (const [tests, files] of narrowed) details.push(`- Measured with only ${tests}: ${files.join(', ')}.`);
    if (unmeasured.length) details.push(`- Not measured yet: ${unmeasured.join(', ')}.`);
    for (const [f, why] of Object.entries(EXCLUDED).filter(([f]) => f.startsWith(`src/core/${m}/`))) details.push(`- Never mutated: ${f} — ${why}.`);
    if (changed.length) details.push(`- Changed since measured (their figures may be stale): ${changed.join(', ')}.`);
    const left = entries.flatMap((e) => e.left).sort();
    if (left.length) details.push('', 'Mutants left:', '', ...left.map((l) => `- ${l}`));
  }
  return `${[...lines, ...details].join('\n')}\n`;
}
fs.writeFileSync(path.join(reportDir, 'summary.md'), summary());
console.log(`\nmutation: reports/mutation/summary.md (HTML per module next to it)`);
process.exit(failed ? 1 : 0);
