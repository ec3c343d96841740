import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../cli/main.test';

const signal = new AbortController().signal;

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lock-cli-'));
  for (const f of ['r2.yaml', 'smoke.yaml', 'r2.lock.json', 'smoke.lock.json', 'r2.yaml.lock', 'smoke.yaml.lock']) fs.copyFileSync(path.resolve('configs/profiles', f), path.join(dir, f));
  return dir;
}

async function run(cwd: string, ...argv: string[]) {
  const io = captureIO(cwd);
  const code = await runCli(['lock', ...argv], io, signal);
  return { code, out: io.out, err: io.err };
}

describe('locks: aurora-ga lock', () => {
  it('validates the original schema-1 lock with the original message (exit 0)', async () => {
    const r = await run(workspace(), '--in', 'r2.yaml', '--validate');
    assert.equal(r.code, 0);
    assert.equal(r.out, '✅ Profile lock valid: Profile hash matches: 0b1f3daa8eda80ea...\n');
  });

  it('creates a schema-2 lock, then a failed --validate lists the changed key old → new (exit 3)', async () => {
    const dir = workspace();
    const created = await run(dir, '--in', 'smoke.yaml');
    assert.equal(created.code, 0);
    assert.match(created.out, /^🔒 Profile lock created: smoke\.lock\.json\n {3}Profile: smoke\.yaml\n {3}SHA256: b519b791e0eb5ef9365dc717bdc5f38532bc3b45eef10065c087b99f2e86f7ba\n$/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'smoke.lock.json'), 'utf8')).schema_v, 2);
    fs.writeFileSync(path.join(dir, 'smoke.yaml'), fs.readFileSync(path.join(dir, 'smoke.yaml'), 'utf8').replace('max_noop_ratio: 1.0', 'max_noop_ratio: 1'));
    const r = await run(dir, '--in', 'smoke.yaml', '--validate');
    assert.equal(r.code, 3);
    assert.match(r.out, /❌ Profile lock invalid: Hash mismatch: current=[0-9a-f]{16}\.\.\. expected=b519b791e0eb5ef9\.\.\./);
    assert.match(r.out, /preloop\.max_noop_ratio: 1\.0 → 1\n/);
  });

  it('--dry-run writes nothing, shows the hash and the changes, exits 2', async () => {
    const dir = workspace();
    await run(dir, '--in', 'r2.yaml', '--out', 'locks/r2.lock.json');
    fs.writeFileSync(path.join(dir, 'r2.yaml'), fs.readFileSync(path.join(dir, 'r2.yaml'), 'utf8').replace('tau_d: 0.3', 'tau_d: 0.35'));
    const before = fs.readFileSync(path.join(dir, 'locks/r2.lock.json'), 'utf8');
    const r = await run(dir, '--in', 'r2.yaml', '--out', 'locks/r2.lock.json', '--dry-run');
    assert.equal(r.code, 2);
    assert.match(r.out, /^🔍 Dry run mode:\n {3}Would create: locks\/r2\.lock\.json\n {3}Profile hash: [0-9a-f]{64}\n/);
    assert.match(r.out, /kappa_thresholds\.tau_d: 0\.3 → 0\.35/);
    assert.equal(fs.readFileSync(path.join(dir, 'locks/r2.lock.json'), 'utf8'), before);
  });

  it('exit codes: missing lock 3, corrupt lock 3, missing profile 2, bad YAML 2 with file:line:col, usage 2', async () => {
    const dir = workspace();
    fs.rmSync(path.join(dir, 'r2.lock.json'));
    let r = await run(dir, '--in', 'r2.yaml', '--validate');
    assert.deepEqual([r.code, r.out], [3, '❌ Profile lock invalid: Lock file not found: r2.lock.json\n']);
    fs.writeFileSync(path.join(dir, 'r2.lock.json'), '{"schema_v": 1,');
    r = await run(dir, '--in', 'r2.yaml', '--validate');
    assert.equal(r.code, 3);
    assert.match(r.out, /Validation error: r2\.lock\.json:1:\d+: invalid JSON/);
    r = await run(dir, '--in', 'nope.yaml');
    assert.deepEqual([r.code, r.out], [2, '❌ Profile not found: nope.yaml\n']);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'a: 1\nwhen: 2025-08-21\n');
    r = await run(dir, '--in', 'bad.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.yaml:2:7: '2025-08-21' is a YAML date/);
    assert.doesNotMatch(r.err, /\n\s+at /);
    r = await run(dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /--in PROFILE is required/);
  });

  it('a valid .lock.json with a broken legacy lock beside it is invalid in --validate and --check alike', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'r2.yaml.lock'), 'garbage');
    const one = await run(dir, '--in', 'r2.yaml', '--validate');
    assert.equal(one.code, 3);
    assert.match(one.out, /^❌ Profile lock invalid: r2\.lock\.json validates, but the legacy r2\.yaml\.lock cannot be read: r2\.yaml\.lock:1:1: invalid JSON/);
    const all = await run(dir, '--check', '.');
    assert.equal(all.code, 3);
    assert.match(all.out, /^❌ r2\.yaml: r2\.lock\.json validates, but the legacy r2\.yaml\.lock cannot be read/m);
    assert.match(all.out, /^✅ smoke\.yaml: valid/m);
  });

  it('locking brings the legacy lock into agreement: checksum replaced in place, an unreadable one retired (kept)', async () => {
    const dir = workspace();
    const edited = fs.readFileSync(path.join(dir, 'r2.yaml'), 'utf8').replace('tau_d: 0.3', 'tau_d: 0.35');
    fs.writeFileSync(path.join(dir, 'r2.yaml'), edited);
    const before = fs.readFileSync(path.join(dir, 'r2.yaml.lock'), 'utf8');
    const created = await run(dir, '--in', 'r2.yaml');
    assert.equal(created.code, 0);
    const checksum = /Legacy r2\.yaml\.lock: checksum updated to ([0-9a-f]{16})\n/.exec(created.out)?.[1];
    assert.ok(checksum && checksum !== 'b1c5472a9904e051', created.out);
    // Only the checksum changed: the original's other fields are as they were.
    assert.equal(fs.readFileSync(path.join(dir, 'r2.yaml.lock'), 'utf8'), before.replace('b1c5472a9904e051', checksum));
    assert.equal((await run(dir, '--in', 'r2.yaml', '--validate')).code, 0);

    fs.writeFileSync(path.join(dir, 'smoke.yaml.lock'), 'not a lock');
    const relocked = await run(dir, '--in', 'smoke.yaml');
    assert.match(relocked.out, /Legacy smoke\.yaml\.lock could not be read: renamed to smoke\.yaml\.lock\.retired\n/);
    assert.equal(fs.readFileSync(path.join(dir, 'smoke.yaml.lock.retired'), 'utf8'), 'not a lock');
    assert.equal(fs.existsSync(path.join(dir, 'smoke.yaml.lock')), false);
    assert.equal((await run(dir, '--check', '.')).code, 0);
  });

  it('--check validates every lock under a folder, reports orphans and writes metrics', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'orphan.lock.json'), '{}');
    const r = await run(dir, '--check', '.', '--metrics-out', 'm.prom');
    assert.equal(r.code, 3);
    assert.match(r.out, /❌ orphan\.lock\.json: orphan lock/);
    assert.match(r.out, /✅ r2\.yaml: valid \(r2\.lock\.json, schema 1\)/);
    const metrics = fs.readFileSync(path.join(dir, 'm.prom'), 'utf8');
    assert.match(metrics, /^aurora_profile_lock_valid\{profile="orphan"\} 0$/m);
    assert.match(metrics, /^aurora_profile_lock_valid\{profile="r2"\} 1$/m);
    fs.rmSync(path.join(dir, 'orphan.lock.json'));
    assert.equal((await run(dir, '--check')).code, 0);
  });
});
