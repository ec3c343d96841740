// The `aurora-ga` process (dist/cli.mjs): every command, each loaded when it runs.
import { runCli } from './main';
import { runInProcess } from './processIO';

runInProcess(runCli);
