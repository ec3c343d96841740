import path from 'node:path';
import { checkWorkspaceLocks } from '../../core/lock';
import { renderMarkdown } from '../../core/checklist/markdown';
import { evaluateChecklist } from '../../core/checklist/session';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand } from '../command';

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
`;

export const checklistCommand: CliCommand = {
  name: 'checklist',
  summary: 'Fill the GO/NO-GO checklist and decide (exit 0 GO, 1 NO-GO, 3 CONDITIONAL)',
  usage,
  async run(argv, io, signal) {
    const { values } = parseFlags(argv, {
      format: { type: 'string', default: 'md' },
      output: { type: 'string' },
      root: { type: 'string' },
      'gate-report': { type: 'string' },
      canary: { type: 'string' },
      audit: { type: 'string' },
      state: { type: 'string' },
    });
    if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`--format must be md or json, got '${values.format}'`);
    const root = path.resolve(io.cwd, values.root ?? '.');
    const at = (f: string | undefined) => (f === undefined ? undefined : path.resolve(io.cwd, f));
    const paths = Object.fromEntries(
      Object.entries({ gateReport: at(values['gate-report']), canary: at(values.canary), dctsAudit: at(values.audit), state: at(values.state) }).filter(([, v]) => v !== undefined),
    );
    const c = await evaluateChecklist(root, { lockChecker: checkWorkspaceLocks, paths }, signal);
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
