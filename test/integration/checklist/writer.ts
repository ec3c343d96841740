// One writer process for the concurrent-state test: `node writer.js ROOT TAG N` makes N note
// changes through updateChecklist, as a VS Code window or the CLI would, then prints "done".
import { checkWorkspaceLocks } from '../../../src/core/lock';
import { updateChecklist } from '../../../src/core/checklist/session';

async function main(): Promise<void> {
  const [root, tag, n] = process.argv.slice(2);
  const signal = new AbortController().signal;
  for (let i = 0; i < Number(n); i++) {
    await updateChecklist(root, { lockChecker: checkWorkspaceLocks, runReadiness: false }, { type: 'setNote', id: 'safety.panic', note: `${tag} change ${i}` }, signal);
  }
  process.stdout.write('done\n');
}

void main();
