import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import { colorEnabled } from '../../../src/cli/color';
import { formatNumber } from '../../../src/cli/args';
import { closest } from '../../../src/core/util/closest';
import { captureIO } from './main.test';

const ESC = String.fromCharCode(27);

const run = async (argv: string[], env: NodeJS.ProcessEnv = {}, tty = false) => {
  const io = Object.assign(captureIO(process.cwd(), env), { stdoutIsTTY: tty });
  const code = await runCli(argv, io, new AbortController().signal);
  return { code, out: io.out, err: io.err };
};

describe('aurora-ga CLI: friendly errors', () => {
  it('suggests the command meant by a typo, with a one-line hint instead of the whole help', async () => {
    const r = await run(['gate']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command 'gate' — did you mean 'gates'\?/);
    assert.match(r.err, /Run 'aurora-ga --help'/);
    assert.ok(r.err.trim().split('\n').length <= 2, r.err);
    assert.doesNotMatch(r.err, /Commands:/);
  });

  it('offers no suggestion when nothing is close', async () => {
    const r = await run(['frobnicate']);
    assert.doesNotMatch(r.err, /did you mean/);
  });

  it('suggests the flag meant by a typo, with the command’s help as a one-line hint', async () => {
    const r = await run(['gates', '--prometheus-ulr', 'http://127.0.0.1:1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option '--prometheus-ulr' — did you mean '--prometheus-url'\?/);
    assert.match(r.err, /Run 'aurora-ga gates --help' for its options\./);
    assert.ok(r.err.trim().split('\n').length <= 2, r.err);
  });

  it('names a flag given as --flag=value by its name only', async () => {
    const r = await run(['lock', '--vaidate=1']);
    assert.match(r.err, /unknown option '--vaidate' — did you mean '--validate'\?/);
  });

  it('states number bounds for people, not as a float repr', async () => {
    const r = await run(['gates', '--demo', '--window-hours', 'abc']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--window-hours must be a number of at least 1\/60 \(one minute\), got 'abc'/);
    assert.doesNotMatch(r.err, /0\.0166666/);
    assert.equal(formatNumber(1 / 60), '0.01667');
    assert.equal(formatNumber(48), '48');
  });

  it('picks the nearest candidate, and none past a third of the word', () => {
    assert.equal(closest('canery', ['canary', 'checklist']), 'canary');
    assert.equal(closest('xyz', ['gates', 'lock']), undefined);
  });
});

describe('aurora-ga CLI: colour only for a terminal', () => {
  it('follows TTY, TERM=dumb, NO_COLOR, FORCE_COLOR and --no-color', () => {
    assert.equal(colorEnabled({}, true, false), true);
    assert.equal(colorEnabled({}, false, false), false);
    assert.equal(colorEnabled({ TERM: 'dumb' }, true, false), false);
    assert.equal(colorEnabled({ NO_COLOR: '1' }, true, false), false);
    assert.equal(colorEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false), false);
    assert.equal(colorEnabled({ FORCE_COLOR: '1' }, false, false), true);
    assert.equal(colorEnabled({ FORCE_COLOR: '0' }, false, false), false);
    assert.equal(colorEnabled({}, true, true), false);
  });

  it('colours the error prefix on a terminal and never in a pipe; --no-color is taken by every command', async () => {
    const tty = await run(['gate'], {}, true);
    assert.ok(tty.err.includes(`${ESC}[31maurora-ga:`), tty.err);
    const pipe = await run(['gate'], {}, false);
    assert.ok(!pipe.err.includes(ESC), pipe.err);
    const off = await run(['gate', '--no-color'], {}, true);
    assert.ok(!off.err.includes(ESC), off.err);
    assert.match(off.err, /unknown command 'gate'/);
  });
});
