import { ARTIFACTS } from '../../core/artifacts';
import path from 'node:path';
import { checkWorkspaceLocks } from '../../core/lock';
import { runReadiness } from '../../core/readiness';
import { writeFileAtomic } from '../../core/util';
import { parseFlags } from '../args';
import { ExitCode, type CliCommand } from '../command';

const usage = `Usage: aurora-ga readiness [options]

The original ga_readiness.py checks, corrected to check today's tools: VERSION is a semantic
release-candidate version, every locked profile validates (SHA-256 locks), the alert rules pass
\`promtool check rules\`, the Grafana dashboards are valid (every panel has a query, every variable a
use), and the git tree is clean (artifacts/ excluded). Its results answer the checklist's
infrastructure items.

Options:
  --output FILE       report JSON (default artifacts/ga_readiness_report.json; the original's fields)
  --root DIR          workspace root (default: the current directory)
  --rules FILE        alert rule file (repeatable; default: YAML rule files in monitoring/, configs/monitoring/)
  --dashboard FILE    Grafana dashboard JSON (repeatable; default: dashboards in the same folders)
  --verbose           list every finding under its check

Exit codes: 0 READY, 1 NOT READY, 2 usage or input error.
`;

export const readinessCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values } = parseFlags(argv, {
      output: { type: 'string', default: ARTIFACTS.readinessReport },
      root: { type: 'string' },
      rules: { type: 'string', multiple: true },
      dashboard: { type: 'string', multiple: true },
      verbose: { type: 'boolean', default: false },
    });
    const root = path.resolve(io.cwd, values.root ?? '.');
    const locks = await checkWorkspaceLocks(root, signal).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    const report = await runReadiness(root, { locks, ruleFiles: values.rules?.map((f) => path.resolve(io.cwd, f)), dashboardFiles: values.dashboard?.map((f) => path.resolve(io.cwd, f)) }, signal);
    const lines = [`GA readiness: ${report.readiness_status}`];
    for (const r of report.results) {
      lines.push(`  ${r.passed ? '✅' : '❌'} ${r.name.padEnd(24)} ${r.message}`);
      if (values.verbose || !r.passed) lines.push(...r.details.map((d) => `       ${d}`));
    }
    if (!report.overall_ready) lines.push('', 'Next steps:', ...report.next_steps.map((s) => `  - ${s}`));
    io.stdout(`${lines.join('\n')}\n`);
    const out = path.resolve(root, values.output);
    await writeFileAtomic(out, `${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`report written to ${path.relative(io.cwd, out) || out}\n`);
    return report.overall_ready ? ExitCode.ok : ExitCode.failed;
  },
};
