import { promises as fs } from 'node:fs';
import path from 'node:path';
import { changeText, checkLock, diffProfiles, findLockedProfiles, lockPathFor, lockProblems, lockProfileFile, mismatchReason, normalizeProfile, quickValidate, readLock, type LegacyLockCheck, type LockChange, type LockCheck, type LockProblem, type ProfileLock } from '../../core/lock';
import { readUtf8 } from '../../core/pyyaml';
import { renderExposition } from '../../core/metrics';
import { lockSarif, renderSarif } from '../../core/sarif';
import { InputError, isFile, writeFailure, writeFileAtomic } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, VERSION, type CliCommand, type CliIO } from '../command';
import { didYouMean } from '../suggest';

const usage = `Usage: aurora-ga lock --in PROFILE [--out LOCK] [--validate] [--dry-run]
       aurora-ga lock --check [DIR] [--metrics-out FILE] [--format text|sarif]

Locks a YAML profile: SHA-256 over the profile as PyYAML reads it, serialized like Python's
json.dumps(sort_keys=True, separators=(',', ':')) — the same hash as the original mk_profile_lock.py.
Writes <stem>.lock.json (schema 2: the original's fields plus locked_values, so changed keys can be
named). Reads schema 1 and 2 locks, and checks legacy <profile>.yaml.lock checksums: a profile is
valid when its .lock.json validates and so does a legacy lock beside it (a legacy lock alone does
not lock a profile). Writing a lock also gives a legacy lock the current checksum.

Options:
  --in PROFILE         the profile to lock or validate
  --out LOCK           lock file, a name ending in .lock.json and never the profile itself
                       (default: the profile with its suffix replaced by .lock.json)
  --validate           check the profile against its lock instead of writing it
  --dry-run            show the hash and what changed since the existing lock; write nothing
  --check [DIR]        validate every profile with a lock under DIR (default: the current folder)
  --metrics-out FILE   with --check: write aurora_profile_lock_valid{profile} in Prometheus text format
  --format FMT         with --check: text (default) or sarif — SARIF 2.1.0 on stdout for code
                       scanning, one result per problem at the changed key, file URIs relative to
                       $GITHUB_WORKSPACE or the current folder; the text goes to stderr

Exit codes: 0 lock created / valid, 3 invalid (hash mismatch, lock missing or unreadable),
2 dry run, profile not found, invalid YAML (reported as file:line:col) or usage error.
`;

const EXIT_INVALID = 3;

function formatChanges(changes: LockChange[], indent = '     '): string {
  return changes.map((c) => `${indent}${changeText(c)}\n`).join('');
}

/** Why the keys cannot be listed, or the list itself. */
function changesBlock(lock: ProfileLock | undefined, changes: LockChange[], lockName: string): string {
  if (!lock) return '';
  const since = lock.generatedAt ? ` (${lock.generatedAt.slice(0, 10)})` : '';
  if (lock.schema === 1) return `   ${lockName} is a schema 1 lock: it stores no values, so the changed keys cannot be named. Re-lock to record them.\n`;
  return changes.length ? `   Changed since ${lockName}${since}:\n${formatChanges(changes)}` : '';
}

/** The same error naming the file as the user wrote it, not as resolved. */
function located(err: InputError | undefined, display: (file: string) => string): string {
  if (!err) return 'unknown error';
  const loc = err.location;
  return loc ? new InputError(err.message, { ...loc, file: display(loc.file) }).format() : err.format();
}

/** The real path of `file`, following symlinks of the file and its folders; the path itself when it does not exist. */
async function realOrSelf(file: string): Promise<string> {
  const real = await fs.realpath(file).catch(() => undefined);
  if (real) return real;
  const dir = await fs.realpath(path.dirname(file)).catch(() => path.dirname(file));
  return path.join(dir, path.basename(file));
}

/** `--out` must name a lock file (`*.lock.json`) and never the profile itself, even through a symlink. */
async function refuseNonLockOut(profile: string, lockFile: string, shown: string): Promise<void> {
  if ((await realOrSelf(lockFile)) === (await realOrSelf(profile))) throw new UsageError(`--out ${shown} is the profile itself; a lock goes beside it, e.g. --out ${lockPathFor(path.basename(profile))}`);
  if (!lockFile.endsWith('.lock.json')) throw new UsageError(`--out ${shown} is not a lock file name: it must end in .lock.json (e.g. ${lockPathFor(path.basename(profile))})`);
}

async function lockOne(io: CliIO, signal: AbortSignal, given: string, out: string | undefined, validate: boolean, dryRun: boolean): Promise<number> {
  const profile = path.resolve(io.cwd, given);
  if (!(await isFile(profile))) {
    io.stdout(`❌ Profile not found: ${given}\n`);
    return ExitCode.usage;
  }
  const lockShown = out ?? lockPathFor(given);
  const lockFile = path.resolve(io.cwd, lockShown);
  await refuseNonLockOut(profile, lockFile, lockShown);
  if (validate) {
    // A valid schema-2 lock is recognised without the value trees (large profiles); anything else gets the full check.
    const quick = await quickValidate(profile, given, lockFile, signal);
    if (quick) return reportValid(io, quick);
    const check = await checkLock(profile, signal, { lockPath: lockFile });
    // Bad YAML is bad input (file:line:col, exit 2), not an invalid lock.
    const display = (f: string) => (f === lockFile ? lockShown : f === profile ? given : path.relative(io.cwd, f));
    if (check.status === 'profile-error') {
      const { message, location } = check.problem!;
      throw new InputError(message, location && { ...location, file: display(location.file) });
    }
    return reportValidation(io, check, lockShown, display);
  }
  if (!dryRun) {
    let written;
    try {
      written = await lockProfileFile(profile, given, lockFile, signal);
    } catch (err) {
      throw writeFailure(err, lockShown, 'cannot write the lock');
    }
    const { legacy } = written;
    io.stdout(`🔒 Profile lock created: ${lockShown}\n   Profile: ${given}\n   SHA256: ${written.hash.sha256}\n`);
    if (legacy.kind === 'updated') io.stdout(`   Legacy ${path.basename(legacy.lockPath)}: checksum updated to ${legacy.checksum}\n`);
    if (legacy.kind === 'retired') io.stdout(`   Legacy ${path.basename(legacy.lockPath)} could not be read: renamed to ${path.basename(legacy.retiredTo)}\n`);
    return ExitCode.ok;
  }
  const normalized = normalizeProfile(await readUtf8(profile, signal, given), given);
  io.stdout(`🔍 Dry run mode:\n   Would create: ${lockShown}\n   Profile hash: ${normalized.sha256}\n`);
  if (await isFile(lockFile)) {
    try {
      const lock = await readLock(lockFile, signal);
      const changes = lock.lockedValues ? diffProfiles(lock.lockedValues, normalized.root) : [];
      if (lock.sha256 === normalized.sha256) io.stdout(`   Unchanged since ${path.basename(lockShown)}.\n`);
      else io.stdout(changesBlock(lock, changes, path.basename(lockShown)));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stdout(`   The existing lock cannot be read: ${err.format()}\n`);
    }
  }
  return ExitCode.usage;
}

function legacyProblem(legacy: LegacyLockCheck, display: (file: string) => string): string {
  const name = path.basename(legacy.lockPath);
  return legacy.status === 'mismatch' ? `legacy ${name}: checksum ${legacy.expected} ≠ current ${legacy.current}` : `legacy ${name} cannot be read: ${located(legacy.problem, display)}`;
}

function reportValid(io: CliIO, hash: string): number {
  io.stdout(`✅ Profile lock valid: Profile hash matches: ${hash.slice(0, 16)}...\n`);
  return ExitCode.ok;
}

function reportValidation(io: CliIO, check: LockCheck, lockShown: string, display: (file: string) => string): number {
  if (check.verdict.decidedBy === 'legacy') {
    io.stdout(`❌ Profile lock invalid: ${path.basename(lockShown)} validates, but the ${legacyProblem(check.legacy!, display)}\n`);
    return EXIT_INVALID;
  }
  switch (check.status) {
    case 'valid':
      return reportValid(io, check.currentHash!);
    case 'missing':
      io.stdout(`❌ Profile lock invalid: Lock file not found: ${lockShown}\n`);
      return EXIT_INVALID;
    case 'unreadable':
      io.stdout(`❌ Profile lock invalid: Validation error: ${located(check.problem, display)}\n`);
      return EXIT_INVALID;
    default:
      io.stdout(`❌ Profile lock invalid: ${mismatchReason(check)}\n${changesBlock(check.lock, check.changes, path.basename(lockShown))}`);
      return EXIT_INVALID;
  }
}

function stemOf(file: string, suffix: RegExp): string {
  return path.basename(file).replace(suffix, '');
}

const FORMATS = ['text', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

async function checkAll(io: CliIO, signal: AbortSignal, dirArg: string, metricsOut: string | undefined, format: Format): Promise<number> {
  // With SARIF on stdout, the per-profile lines are for the person reading the job log.
  const out = format === 'sarif' ? (t: string) => io.stderr(t) : (t: string) => io.stdout(t);
  const problems: LockProblem[] = [];
  const dir = path.resolve(io.cwd, dirArg);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new InputError('directory not found', { file: dirArg });
  const rel = (f: string) => path.relative(io.cwd, f) || '.';
  const found = await findLockedProfiles(dir, signal);
  const samples: { labels: Record<string, string>; value: number }[] = [];
  let invalid = 0;
  let badInput = 0;
  for (const entry of found) {
    if (!entry.profilePath) {
      const lock = (entry.lockPath ?? entry.legacyLockPath)!;
      out(`❌ ${rel(lock)}: orphan lock, no profile beside it\n`);
      problems.push(...lockProblems(entry, undefined));
      samples.push({ labels: { profile: stemOf(lock, /\.(lock\.json|ya?ml\.lock)$/) }, value: 0 });
      invalid++;
      continue;
    }
    const check = await checkLock(entry.profilePath, signal, entry.lockPath ? { lockPath: entry.lockPath } : {});
    problems.push(...lockProblems(entry, check, rel));
    const name = rel(entry.profilePath);
    const legacy = check.legacy;
    const ok = check.verdict.status === 'valid';
    const lockName = path.basename(check.lockPath);
    if (check.status === 'profile-error') {
      out(`❌ ${name}: cannot be hashed: ${located(check.problem, rel)}\n`);
      badInput++;
    } else if (check.status === 'missing') out(`❌ ${name}: no ${lockName}${legacy ? ` (a legacy ${path.basename(legacy.lockPath)} alone does not lock a profile)` : ''}; run 'aurora-ga lock --in ${name}'\n`);
    else if (check.verdict.decidedBy === 'legacy') out(`❌ ${name}: ${lockName} validates, but the ${legacyProblem(legacy!, rel)}\n`);
    else if (check.status === 'valid') out(`✅ ${name}: valid (${lockName}, schema ${check.lock?.schema})\n`);
    else if (check.status === 'unreadable') out(`❌ ${name}: ${lockName} cannot be read: ${located(check.problem, rel)}\n`);
    else out(`❌ ${name}: ${mismatchReason(check)}\n${changesBlock(check.lock, check.changes, lockName)}`);
    if (legacy && check.status !== 'profile-error') out(`   legacy ${path.basename(legacy.lockPath)}: ${legacy.status}${legacy.problem ? ` (${located(legacy.problem, rel)})` : ''}\n`);
    if (!ok) invalid++;
    samples.push({ labels: { profile: path.basename(entry.profilePath, path.extname(entry.profilePath)) }, value: ok ? 1 : 0 });
  }
  if (metricsOut) {
    const text = renderExposition([{ name: 'aurora_profile_lock_valid', help: 'Whether the profile validates against its lock (1) or not (0).', type: 'gauge', samples }]);
    await writeFileAtomic(path.resolve(io.cwd, metricsOut), text);
  }
  if (format === 'sarif') io.stdout(renderSarif(lockSarif(problems, io.env.GITHUB_WORKSPACE || io.cwd, VERSION)));
  if (found.length === 0) {
    out(`❌ No profile locks found under ${rel(dir)}\n`);
    return EXIT_INVALID;
  }
  out(`\n${found.length} locked profile${found.length === 1 ? '' : 's'}: ${found.length - invalid} valid, ${invalid} invalid\n`);
  return badInput ? ExitCode.usage : invalid ? EXIT_INVALID : ExitCode.ok;
}

export const lockCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values, positionals } = parseFlags(
      argv,
      { in: { type: 'string' }, out: { type: 'string' }, validate: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, check: { type: 'boolean' }, 'metrics-out': { type: 'string' }, format: { type: 'string' } },
      true,
    );
    if (values.check) {
      if (values.in || values.out || values.validate || values['dry-run']) throw new UsageError('--check cannot be combined with --in, --out, --validate or --dry-run');
      if (positionals.length > 1) throw new UsageError(`--check takes one directory, got ${positionals.length}`);
      const format = (values.format ?? 'text') as Format;
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'${didYouMean(format, FORMATS)}`);
      return checkAll(io, signal, positionals[0] ?? '.', values['metrics-out'], format);
    }
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values['metrics-out']) throw new UsageError('--metrics-out goes with --check');
    if (values.format) throw new UsageError('--format goes with --check');
    if (!values.in) throw new UsageError('--in PROFILE is required (or --check [DIR])');
    // As in the original, --validate wins over --dry-run.
    return lockOne(io, signal, values.in, values.out, Boolean(values.validate), Boolean(values['dry-run']));
  },
};
