import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../../core/artifacts';
import { systemSshKeygen, verificationSummary, verifyRecordFile } from '../../core/attest';
import { packageRoot, writeFileAtomic } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand } from '../command';

const usage = `Usage: aurora-ga verify RECORD [options]

Verifies a promotion record written by 'aurora-ga promote' (default RECORD:
artifacts/ga/promotion.dsse.json) against the repository, and names every check that fails:
  record signatures     each DSSE signature against .aurora/allowed_signers (Ed25519)
  subjects              each released artifact, VERSION and lock file against its SHA-256
  evidence files        gate report, recording, gates file, checklist, policy, allowed_signers
  report consistency    outcomes, gates and decision re-derived from the report's own values
  sign-offs             each SSH signature (ssh-keygen -Y verify), role and four-eyes policy
  decision re-derived   the recorded responses replayed with the recorded gates file

Options:
  --root DIR        repository root (default: the current directory)
  --format FMT      text | json (default text)
  --vsa FILE        also write an SLSA VSA v1 statement of this verification (PASSED/FAILED)

Exit codes: 0 verified, 1 a check failed (each failure is named), 2 usage error or unreadable record.
`;

export const verifyCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values, positionals } = parseFlags(argv, { root: { type: 'string' }, format: { type: 'string', default: 'text' }, vsa: { type: 'string' } }, true);
    if (positionals.length > 1) throw new UsageError(`one RECORD at a time, got ${positionals.length}`);
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got '${values.format}'`);
    const root = path.resolve(io.cwd, values.root ?? '.');
    const file = path.resolve(io.cwd, positionals[0] ?? path.join(root, ARTIFACTS.promotionRecord));
    const v = await verifyRecordFile(root, file, systemSshKeygen(io.env), signal);
    if (values.format === 'json') io.stdout(`${JSON.stringify({ verified: v.ok, record: path.relative(root, file), steps: v.steps }, null, 2)}\n`);
    else {
      const lines = v.steps.map((s) => `${s.ok ? '✔' : '✖'} ${s.name}${s.details.length ? `\n${s.details.map((d) => `    ${d}`).join('\n')}` : ''}`);
      io.stdout(`${lines.join('\n')}\n${v.ok ? 'VERIFIED' : `NOT VERIFIED: ${v.steps.filter((s) => !s.ok).map((s) => s.name).join(', ')}`}\n`);
    }
    if (values.vsa && v.statement) {
      const p = v.statement.predicate;
      const toolVersion = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string;
      const vsa = verificationSummary(v.statement.subject, {
        passed: v.ok,
        decisionCode: p.evaluation.decision_code,
        checklistDecision: p.decision,
        toolVersion,
        timeVerified: new Date().toISOString(),
        record: { path: path.relative(root, file).split(path.sep).join('/'), sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') },
        gatesFile: p.gates_file,
        resourceUri: v.statement.subject[0].name,
        failures: v.steps.filter((s) => !s.ok).map((s) => s.name),
      });
      await writeFileAtomic(path.resolve(io.cwd, values.vsa), `${JSON.stringify(vsa, null, 2)}\n`);
    }
    return v.ok ? ExitCode.ok : ExitCode.failed;
  },
};
