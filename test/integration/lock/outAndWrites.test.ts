import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../../unit/cli/main.test';

const signal = new AbortController().signal;
const WRITER = path.join(__dirname, 'killedWriter.js');
const PROFILE = 'acceptance:\n  min_decisions: 1\n';

describe('lock: --out is a lock file, write failures are named, no temp file survives a kill -9', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lock-out-'));
    fs.writeFileSync(path.join(dir, 'p.yaml'), PROFILE);
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function lock(...argv: string[]) {
    const io = captureIO(dir);
    const code = await runCli(['lock', ...argv], io, signal);
    return { code, out: io.out, err: io.err };
  }

  it('refuses --out equal to --in (also through a symlink) and leaves the profile intact', async () => {
    const same = await lock('--in', 'p.yaml', '--out', 'p.yaml');
    assert.equal(same.code, 2);
    assert.match(same.err, /--out p\.yaml is the profile itself/);
    fs.symlinkSync('p.yaml', path.join(dir, 'alias.lock.json'));
    const linked = await lock('--in', 'p.yaml', '--out', 'alias.lock.json');
    assert.equal(linked.code, 2);
    assert.match(linked.err, /is the profile itself/);
    assert.equal(fs.readFileSync(path.join(dir, 'p.yaml'), 'utf8'), PROFILE);
  });

  it('refuses an --out that is not a lock file name', async () => {
    const r = await lock('--in', 'p.yaml', '--out', 'other.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /--out other\.yaml is not a lock file name: it must end in \.lock\.json/);
    assert.equal(fs.existsSync(path.join(dir, 'other.yaml')), false);
  });

  it('names a folder in the way and a read-only folder as the cause, not "internal error"', async () => {
    fs.mkdirSync(path.join(dir, 'p.lock.json'));
    const inTheWay = await lock('--in', 'p.yaml');
    assert.equal(inTheWay.code, 2);
    assert.match(inTheWay.err, /p\.lock\.json: cannot write the lock: a folder is in the way/);
    assert.doesNotMatch(inTheWay.err, /internal error/);
    fs.rmdirSync(path.join(dir, 'p.lock.json'));
    // Root writes into a chmod 555 folder; sysfs refuses even root.
    const root = process.getuid?.() === 0;
    if (!root) fs.chmodSync(dir, 0o555);
    const readOnly = await lock('--in', 'p.yaml', ...(root ? ['--out', '/sys/kernel/p.lock.json'] : []));
    assert.equal(readOnly.code, 2);
    assert.match(readOnly.err, /cannot write the lock: permission denied/);
  });

  it('cleans up the temporary file of a writer killed with SIGKILL on the next run, and keeps a live writer\'s', async () => {
    const target = path.join(dir, 'p.lock.json');
    const child = spawn(process.execPath, [WRITER, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const tmp = line.toString().trim().replace(/^ready /, '');
    assert.ok(fs.existsSync(tmp));
    child.kill('SIGKILL');
    await once(child, 'exit');
    // A writer that is still alive (this process) must not lose its temporary file.
    const live = path.join(dir, `.p.lock.json.${process.pid}.0badc0de.tmp`);
    fs.writeFileSync(live, 'in progress');
    const r = await lock('--in', 'p.yaml');
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.existsSync(tmp), false, 'the killed writer\'s temporary file is still there');
    assert.equal(fs.existsSync(live), true);
    assert.equal(JSON.parse(fs.readFileSync(target, 'utf8')).schema_v, 2);
  });
});
