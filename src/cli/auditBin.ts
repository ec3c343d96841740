// `aurora-ga dcts-audit …` as one CommonJS file (dist/dcts-audit.cjs): CI runs it over thousands of
// replay summaries, where the ES-module loader and the 20 chunks it would load are ~5 % of the run.
// The same sources as the dcts-audit command of dist/cli.mjs, bundled a second time.
import { dctsAuditCommand } from './commands/dcts-audit';
import { runAlone } from './runAlone';

runAlone('dcts-audit', dctsAuditCommand);
