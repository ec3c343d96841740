import path from 'node:path';
import { checkWorkspaceLocks } from '../../core/lock';
import { type ChecklistChange, evaluateChecklist, renderMarkdown, type Role, ROLE_TITLES, ROLES, signingWarnings, updateChecklist } from '../../core/checklist';
import { prepareSigner, systemSshKeygen } from '../../core/attest';
import { writeFileAtomic } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand, type CliIO } from '../command';

const usage = `Usage: aurora-ga checklist [options]

Fills the GO/NO-GO checklist (the original ga_promotion_checklist.md) from the gate report, the
profile locks, the canary results, the DCTS audit and the readiness checks, adds the answers, notes
and sign-offs saved in artifacts/ga/checklist.json, and applies the decision rule.

Options:
  --format md|json      output format (default md: the original checklist's layout)
  --output FILE         write there (atomically) instead of stdout
  --root DIR            workspace root (default: the current directory)
  --gate-report FILE    gate report (default artifacts/ga/gates_report.json)
  --canary FILE         canary results (default artifacts/canary_results.json)
  --audit FILE          DCTS audit report (default artifacts/dcts_audit/report.json)
  --state FILE          checklist state (default artifacts/ga/checklist.json)

Exit codes: 0 GO, 1 NO-GO, 3 CONDITIONAL, 2 usage or input error.

       aurora-ga checklist sign --role ROLE [--key FILE] [--principal P] [options]

Signs off as ROLE (release_manager, sre_lead, product_owner) on the current evaluation: an SSH
signature (ssh-keygen -Y sign, namespace aurora-ga-signoff) over the decision, the gate report's
digest and verdicts, the lock digests and the role, saved in the checklist state. The key (env
AURORA_SIGNING_KEY) is a private key file or a .pub whose private half is in ssh-agent; its principal
must be listed in .aurora/allowed_signers and hold ROLE in .aurora/policy.yaml. Signing again
re-affirms on the newest evaluation. --unsigned --principal NAME records a name-only sign-off
(it counts only where the policy says count_unsigned: true).

Exit codes: 0 signed, 2 usage or input error (nothing saved).
`;

const pathFlags = {
  root: { type: 'string' },
  'gate-report': { type: 'string' },
  canary: { type: 'string' },
  audit: { type: 'string' },
  state: { type: 'string' },
} as const;

function resolvePaths(io: CliIO, values: { root?: string; 'gate-report'?: string; canary?: string; audit?: string; state?: string }) {
  const root = path.resolve(io.cwd, values.root ?? '.');
  const at = (f: string | undefined) => (f === undefined ? undefined : path.resolve(io.cwd, f));
  const paths = Object.fromEntries(
    Object.entries({ gateReport: at(values['gate-report']), canary: at(values.canary), dctsAudit: at(values.audit), state: at(values.state) }).filter(([, v]) => v !== undefined),
  );
  return { root, paths };
}

async function sign(argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const { values } = parseFlags(argv, { ...pathFlags, role: { type: 'string' }, key: { type: 'string' }, principal: { type: 'string' }, unsigned: { type: 'boolean', default: false } });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${values.role ? `, got '${values.role}'` : ''}`);
  const { root, paths } = resolvePaths(io, values);
  const ssh = systemSshKeygen(io.env);
  const options = { lockChecker: checkWorkspaceLocks, paths, ssh };
  const key = values.key ?? io.env.AURORA_SIGNING_KEY;
  let change: ChecklistChange;
  if (values.unsigned) {
    if (!values.principal?.trim()) throw new UsageError('--unsigned needs --principal NAME: a sign-off without a name says nothing');
    change = { type: 'signOff', role, name: values.principal.trim() };
  } else {
    if (!key) throw new UsageError('--key FILE (or env AURORA_SIGNING_KEY) is required to sign: your SSH key, as for git commit signing');
    const signer = await prepareSigner(root, path.resolve(io.cwd, key), role, values.principal, ssh, signal);
    change = { type: 'signOff', role, name: signer.principal, signer: signer.sign };
  }
  const before = await evaluateChecklist(root, options, signal);
  for (const w of signingWarnings(before)) io.stderr(`warning: ${w}\nsigning anyway: a sign-off records what you approved, it does not change the decision\n`);
  const c = await updateChecklist(root, options, change, signal);
  const s = c.view.signoffs.find((x) => x.role === role)!;
  io.stdout(`${ROLE_TITLES[role]}: ${s.name} — ${s.signatureDetail}\n  approved gate report ${c.fingerprint.gateReportSha256?.slice(0, 12)}… and locks ${c.fingerprint.locksSha256.slice(0, 12)}…\n  checklist now: ${c.view.decision.headline}\n`);
  return ExitCode.ok;
}

export const checklistCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    if (argv[0] === 'sign') return sign(argv.slice(1), io, signal);
    const { values } = parseFlags(argv, {
      format: { type: 'string', default: 'md' },
      output: { type: 'string' },
      ...pathFlags,
    });
    if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`--format must be md or json, got '${values.format}'`);
    const { root, paths } = resolvePaths(io, values);
    const c = await evaluateChecklist(root, { lockChecker: checkWorkspaceLocks, paths, ssh: systemSshKeygen(io.env) }, signal);
    const text = values.format === 'json' ? `${JSON.stringify(c.view, null, 2)}\n` : renderMarkdown(c.view, c.answers);
    if (values.output) {
      await writeFileAtomic(path.resolve(io.cwd, values.output), text);
      io.stderr(`checklist written to ${values.output}\n`);
    } else io.stdout(text);
    if (c.view.stateProblem) io.stderr(`warning: ${c.view.stateProblem}\n`);
    const d = c.view.decision;
    // The data behind the decision is named every time: live, replay or demo, or missing.
    const mode = (l: { state: string }, m: string | undefined) => (l.state === 'ok' ? (m ?? 'live').toUpperCase() : 'NO DATA');
    io.stderr(`data: gate report ${mode(c.inputs.gates, c.inputs.gates.state === 'ok' ? c.inputs.gates.value.data_mode : undefined)} · canary ${mode(c.inputs.canary, c.inputs.canary.state === 'ok' ? c.inputs.canary.value.data_mode : undefined)}\n`);
    io.stderr(`${d.headline}${d.deciding.length ? `\n${d.deciding.map((x) => `  - ${x.text}`).join('\n')}` : ''}\n`);
    return d.decision === 'GO' ? ExitCode.ok : d.decision === 'CONDITIONAL' ? ExitCode.conditional : ExitCode.failed;
  },
};
