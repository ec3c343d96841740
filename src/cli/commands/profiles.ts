import { ARTIFACTS } from '../../core/artifacts';
import path from 'node:path';
import { checkLock } from '../../core/lock';
import { validateProfilesDir } from '../../core/profile';
import { profilesSarif, renderSarif } from '../../core/sarif';
import { writeFileAtomic } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, VERSION, type CliCommand } from '../command';
import { didYouMean } from '../suggest';

const usage = `Usage: aurora-ga profiles validate [DIR] [--output FILE] [--check-locks] [--format json|sarif]

Validates every *.yaml / *.yml profile in DIR (default configs/profiles) against the profile schema
(configs/schemas/profile.schema.json): required sections acceptance, kappa_thresholds and preloop,
ratios in [0, 1], the r2/smoke warnings and the cross-profile rules of the original
validate_profiles.py. The report keeps the original's shape: {validation_summary, validations}.

Options:
  --output FILE    the report (default artifacts/profile_validation.json; '-' prints it instead)
  --check-locks    also print each profile's lock state (never changes the exit code, as in the original)
  --format FMT     json (default: the report above) or sarif — SARIF 2.1.0 for code scanning, one
                   result per error and warning at the key it is about (file URIs relative to
                   $GITHUB_WORKSPACE or the current folder), printed unless --output FILE

Exit codes: 0 every profile valid, 1 some profile invalid, 2 usage error or missing directory.
`;

const FORMATS = ['json', 'sarif'];

export const profilesCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values, positionals } = parseFlags(argv, { output: { type: 'string' }, 'check-locks': { type: 'boolean' }, format: { type: 'string' } }, true);
    const format = values.format ?? 'json';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'${didYouMean(format, FORMATS)}`);
    const [sub, dirArg, ...extra] = positionals;
    if (sub !== 'validate') throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'missing subcommand: validate');
    if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const dir = path.resolve(io.cwd, dirArg ?? 'configs/profiles');
    const { results, report, crossProfile } = await validateProfilesDir(dir, signal, (f) => path.relative(io.cwd, f) || '.');
    if (results.length === 0) {
      io.stderr(`aurora-ga profiles: no *.yaml profiles in ${path.relative(io.cwd, dir) || '.'}\n`);
      return ExitCode.usage;
    }
    // SARIF is for a CI step to upload: stdout unless --output says where.
    const output = values.output ?? (format === 'sarif' ? '-' : ARTIFACTS.profileValidation);
    const json = format === 'sarif' ? renderSarif(profilesSarif(results, crossProfile, io.env.GITHUB_WORKSPACE || io.cwd, VERSION)) : `${JSON.stringify(report, null, 2)}\n`;
    const human = output === '-' ? (t: string) => io.stderr(t) : (t: string) => io.stdout(t);
    for (const r of results) {
      human(`${r.is_valid ? '✅' : '❌'} ${r.name}: ${r.is_valid ? 'valid' : `${r.errors.length} error${r.errors.length === 1 ? '' : 's'}`}\n`);
      for (const e of r.errors) human(`   error: ${e}\n`);
      for (const w of r.warnings) human(`   warning: ${w}\n`);
      if (values['check-locks']) {
        const check = await checkLock(r.file, signal);
        const v = check.verdict;
        const state = { valid: '🔒 Profile locked and unchanged', missing: '🔓 No lock file found', mismatch: '🔓 Profile modified after locking', unreadable: `🔓 Lock validation failed: ${v.detail}`, 'profile-error': `🔓 Lock validation failed: ${v.detail}` }[v.status];
        human(`   ${state}\n`);
      }
    }
    for (const w of report.cross_profile_warnings) human(`⚠️  ${w}\n`);
    const s = report.validation_summary;
    human(`\n${s.total_profiles} profiles: ${s.valid_profiles} valid, ${s.invalid_profiles} invalid\n`);
    if (output === '-') io.stdout(json);
    else {
      await writeFileAtomic(path.resolve(io.cwd, output), json);
      human(`Report: ${output}\n`);
    }
    return s.invalid_profiles ? ExitCode.failed : ExitCode.ok;
  },
};
