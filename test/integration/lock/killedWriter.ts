// A writer killed mid-write, for the temp-file test: `node killedWriter.js TARGET` opens the
// temporary sibling writeFileAtomic would use, writes half a lock into it, prints "ready" and waits
// to be killed with SIGKILL.
import fs from 'node:fs';
import { tempPathFor } from '../../../src/core/util/atomicWrite';

const tmp = tempPathFor(process.argv[2]);
fs.writeFileSync(tmp, '{"schema_v": 2, "profile_na');
process.stdout.write(`ready ${tmp}\n`);
setInterval(() => {}, 1000);
