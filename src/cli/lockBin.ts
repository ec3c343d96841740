// `aurora-ga lock …` as one CommonJS file (dist/lock.cjs): the command CI and hooks run most starts
// without Node's ES-module loader and the 14 shared chunks it would load (~20 ms of a 100 ms run).
// The same sources as the lock command of dist/cli.mjs, bundled a second time (about 90 KiB).
import { lockCommand } from './commands/lock';
import { runAlone } from './runAlone';

runAlone('lock', lockCommand);
