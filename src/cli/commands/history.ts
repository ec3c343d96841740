import { ARTIFACTS } from '../../core/artifacts';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareRuns, comparisonLines, entryLine, HISTORY_KEEP, HISTORY_KINDS, historyDir, listHistory, pickEntry, type HistoryEntry, type HistoryKind } from '../../core/history';
import { InputError } from '../../core/util';
import { parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand } from '../command';

const usage = `Usage: aurora-ga history list [--kind gates|canary|audit] [--artifacts-dir DIR] [--json]
       aurora-ga history compare [OLDER [NEWER]] [--kind gates|canary|audit] [--artifacts-dir DIR] [--json]

Every gates evaluation, canary sequence and DCTS audit is kept: gates and audits in
DIR/history/gates|audit/<time>-<sha>/ (the report; for a live gates evaluation also recording.json,
every raw Prometheus answer, replayable with 'aurora-ga gates --replay'), canary sequences in
DIR/canary/<start>/. The newest ${HISTORY_KEEP} of each kind are kept, and any older one a sign-off
(artifacts/ga/checklist.json) or the promotion record (artifacts/ga/decision.json) names.

  list      the kept runs, newest first: id, verdict, and whether it completed
  compare   which checks changed verdict and how far each value moved, from OLDER to NEWER
            (ids or positions: 0 or latest is the newest, 1 the one before; default 1 0)

Options:
  --kind K             gates (default), canary or audit
  --artifacts-dir DIR  the artifacts folder (default artifacts)
  --json               machine-readable output

Exit codes: 0 done, 2 usage error or a run that is not in the history.
`;

async function readJson(e: HistoryEntry): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(e.file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read this kept run: ${(err as Error).message}`, { file: e.file });
  }
}

export const historyCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values, positionals } = parseFlags(argv, { kind: { type: 'string', default: 'gates' }, 'artifacts-dir': { type: 'string', default: ARTIFACTS.dir }, json: { type: 'boolean' } }, true);
    const [action, ...refs] = positionals;
    if (action !== 'list' && action !== 'compare') throw new UsageError(action ? `unknown action '${action}': list or compare` : 'say what to do: list or compare');
    const kind = values.kind as HistoryKind;
    if (!(HISTORY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${HISTORY_KINDS.join(', ')}, got '${values.kind}'`);
    const base = historyDir(path.resolve(io.cwd, values['artifacts-dir']!), kind);
    const entries = await listHistory(base, kind, signal);
    if (action === 'list') {
      if (refs.length) throw new UsageError('list takes no arguments');
      if (values.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
      else if (!entries.length) io.stdout(`No ${kind} runs kept in ${path.relative(io.cwd, base) || base}.\n`);
      else io.stdout(`${entries.map((e, i) => `${String(i).padStart(3)}  ${entryLine(e)}`).join('\n')}\n`);
      return ExitCode.ok;
    }
    if (refs.length > 2) throw new UsageError(`compare takes at most two runs, got ${refs.length}`);
    const [olderRef, newerRef] = refs.length === 2 ? refs : refs.length === 1 ? [refs[0], '0'] : ['1', '0'];
    const find = (ref: string) => {
      const e = pickEntry(entries, ref);
      if (!e) throw new InputError(`no ${kind} run '${ref}' in the history (${entries.length} kept; see 'aurora-ga history list --kind ${kind}')`);
      return e;
    };
    const older = find(olderRef);
    const newer = find(newerRef);
    const comparison = compareRuns(kind, await readJson(older), await readJson(newer));
    if (values.json) io.stdout(`${JSON.stringify({ older: older.id, newer: newer.id, ...comparison }, null, 2)}\n`);
    else io.stdout(`${comparisonLines(comparison, older.id, newer.id).join('\n')}\n`);
    return ExitCode.ok;
  },
};
