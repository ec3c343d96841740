import fs from 'node:fs';
import path from 'node:path';
import { checkWorkspaceLocks } from '../../core/lock';
import { resolveArtifact, systemSshKeygen } from '../../core/attest';
import { applyPromotion, DEFAULT_RUNTIME_CONFIG, type FileChange, planPromotion } from '../../core/promote';
import { packageRoot } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand } from '../command';

const usage = `Usage: aurora-ga promote --version X [options]

Promotes the release candidate when, and only when, the GO/NO-GO checklist decides GO from live
data (a consistent gate report with its recorded responses, canary not demo, every CRITICAL and
HIGH item satisfied, every required sign-off SSH-signed by a principal holding the role and still
matching the gate report and locks), and the promotion record verifies. It then writes:
  VERSION                              X
  the runtime config                   ci_gating.hard_override: auto (edited in place, comments kept)
  artifacts/ga/promotion.dsse.json     the record: in-toto Statement v1 in a signed DSSE envelope
  artifacts/ga/promotion.vsa.dsse.json SLSA Verification Summary (VSA v1), signed the same way
  artifacts/ga/decision.json           the decision record: evidence hashes, sign-offs, changes
Otherwise it writes nothing and says why. Check a record later with 'aurora-ga verify'.

Options:
  --version X             the GA version to promote to (semantic version, e.g. 0.4.0)
  --key FILE              Ed25519 SSH key signing the record (env AURORA_SIGNING_KEY); a .pub file
                          signs through ssh-agent. Its principal must be in .aurora/allowed_signers
  --artifact SPEC         a released artifact, repeatable: a FILE (hashed) or NAME@sha256:HEX
  --dry-run               verify and show what would change; sign and write nothing
  --runtime-config FILE   YAML holding ci_gating (default ${DEFAULT_RUNTIME_CONFIG})
  --root DIR              workspace root (default: the current directory)

Exit codes: 0 promoted (or dry run of an allowed promotion), 1 refused, 2 usage or input error.
`;

/** The changed lines of a text edit, numbered, for the dry run. */
function lineDiff(c: FileChange): string[] {
  if (c.before === null) return c.after.trimEnd().split('\n').map((l) => `    + ${l}`);
  const a = c.before.split('\n');
  const b = c.after.split('\n');
  if (a.length !== b.length) return [`    (${a.length} → ${b.length} lines)`];
  return a.flatMap((line, i) => (line === b[i] ? [] : [`    ${i + 1}- ${line}`, `    ${i + 1}+ ${b[i]}`]));
}

export const promoteCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values } = parseFlags(argv, {
      version: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'runtime-config': { type: 'string' },
      root: { type: 'string' },
      key: { type: 'string' },
      artifact: { type: 'string', multiple: true },
    });
    if (!values.version) throw new UsageError('--version is required');
    const root = path.resolve(io.cwd, values.root ?? '.');
    const toolVersion = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string;
    const key = values.key ?? io.env.AURORA_SIGNING_KEY;
    const artifacts = await Promise.all((values.artifact ?? []).map((a) => resolveArtifact(root, io.cwd, a, signal)));
    const plan = await planPromotion(root, {
      version: values.version,
      runtimeConfig: values['runtime-config'] ? path.resolve(io.cwd, values['runtime-config']) : undefined,
      lockChecker: checkWorkspaceLocks,
      toolVersion,
      artifacts,
      ...(key ? { signingKey: path.resolve(io.cwd, key) } : {}),
      ssh: systemSshKeygen(io.env),
      env: io.env,
      dryRun: values['dry-run'],
    }, signal);
    if (!plan.allowed) {
      io.stderr(`aurora-ga promote: refused — nothing was written.\n${plan.reasons.map((r) => `  ${r}`).join('\n')}\n`);
      return ExitCode.failed;
    }
    const dry = values['dry-run'];
    const lines = [dry ? `Dry run: promoting to ${values.version} would change:` : `Promoting to ${values.version}:`];
    for (const c of plan.changes) {
      lines.push(`  ${c.before === c.after ? '(unchanged) ' : ''}${c.file}`, ...c.summary.map((s) => `    ${s}`));
      if (dry && c.before !== c.after && !c.file.endsWith('.json')) lines.push(...lineDiff(c));
    }
    io.stdout(`${lines.join('\n')}\n`);
    if (dry) return ExitCode.ok;
    const written = await applyPromotion(root, plan.changes);
    io.stdout(`written: ${written.join(', ') || 'nothing (already promoted)'}\n`);
    return ExitCode.ok;
  },
};
