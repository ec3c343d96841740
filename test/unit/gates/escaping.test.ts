// Issue #12 item 7: outputs escape what they carry. Label values and server error text with HTML,
// ESC sequences and control characters: Markdown shows them as text, JUnit stays well-formed XML
// (checked by xmllint, Debian libxml2-utils), the terminal gets no escape sequence from data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mdCell } from '../../../src/core/gates/render/markdown';
import { stripControls } from '../../../src/core/util/controlChars';
import { errorAnswer, startFakePrometheus, vectorAnswer, type FakePrometheus } from '../../support/fakePrometheus';
import { END, fixture, gatesCli, gatesYaml, writeFile, type Fixture } from './fixture';

const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  esc: '\x1b[2J\x1b]0;owned\x07\x1b[31mred',
  ctl: 'a\x00b\x08c\r\x7fd\x9be\u202eevil',
  xml: 'lone\ud800 \ufffe\uffff surrogate',
  md: '**bold** [link](http://x) `code` |pipe| _em_',
};
/** Any C0 control but tab and newline, DEL, C1, or a bidirectional override. */
const hasControl = (s: string) => [...s].some((ch) => {
  const cp = ch.codePointAt(0)!;
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e);
});

function xmllint(xml: string): { status: number | null; stderr: string } {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint (Debian libxml2-utils) is needed: ${r.error.message}`);
  return { status: r.status, stderr: r.stderr };
}

describe('gates #12 item 7: outputs escape what they carry', function () {
  this.timeout(60_000);

  it('a Markdown cell shows HTML and Markdown as text, without control characters or ESC sequences', () => {
    assert.equal(mdCell(HOSTILE.script), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(mdCell(HOSTILE.esc), 'red');
    assert.equal(mdCell(HOSTILE.ctl), 'abcdeevil');
    assert.equal(mdCell(HOSTILE.md), '\\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` \\|pipe\\| \\_em\\_');
    assert.equal(stripControls('ok\x1b[1;31mred\x1b[0m\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\n'), 'okredlink\n');
  });

  describe('fake server: hostile label values and error text (a real server stores them too, but not ESC bytes on demand)', () => {
    let f: Fixture;
    let fake: FakePrometheus;
    before(async () => {
      f = await fixture({ prometheus: false });
      fake = await startFakePrometheus((_p, params) =>
        params.get('query') === 'hostile'
          ? vectorAnswer(END, [{ labels: HOSTILE, value: '5' }])
          : errorAnswer(422, 'execution', `${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.esc} ${HOSTILE.ctl}`),
      );
    });
    after(async () => {
      await fake.stop();
      await f.close();
    });
    const run = (format: string) => {
      const file = writeFile(f.dir, 'hostile.yaml', gatesYaml('{id: h, name: Hostile, type: promql, query: hostile, comparator: "<=", threshold: 1}', '{id: e, name: Err, type: promql, query: error, comparator: "<=", threshold: 1}'));
      return gatesCli(f, ['--prometheus-url', fake.url, '--at', String(END), '--gates', file, '--quiet', '--format', format]);
    };

    it('fake server: Markdown escapes <script>, <img onerror> and Markdown, and strips ESC and control bytes', async () => {
      const { code, out } = await run('md');
      assert.equal(code, 1, 'the hostile series fails its check');
      assert.doesNotMatch(out, /<script|<img|<\/script/i);
      assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.ok(!hasControl(out));
      assert.doesNotMatch(out, /owned/, 'the OSC title sequence is removed whole');
      // The summary row keeps its 5 columns: no pipe from the data splits a cell.
      const rows = out.split('\n').filter((l) => l.startsWith('| ❌ FAIL | 1 · G '));
      assert.equal(rows.length, 1);
      assert.equal(rows[0].replace(/\\\|/g, '').split('|').length - 2, 5, rows[0]);
      // The hostile series' labels are in the folded evidence, as text.
      assert.match(out, /<details><summary>Gate 1 · G: ❌ FAIL/);
      assert.match(out, /\n {2}- .*&lt;img src=x onerror=alert\(1\)&gt;.*: 5\n/);
    });

    it('fake server: GitHub workflow commands carry the hostile text escaped, one command per line, exit code kept', async () => {
      const { code, out } = await run('github');
      assert.equal(code, 1);
      assert.ok(!hasControl(out));
      const lines = out.trimEnd().split('\n');
      assert.ok(lines.every((l) => /^::(error|warning|notice) /.test(l)), out);
      assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 2, 'both checks fail the NO-GO gate');
      assert.match(out, /^::error file=hostile\.yaml,line=3,title=Gate 1 G \(NO-GO\)%3A h FAIL::/m);
      assert.match(out, /<script>alert\(1\)<\/script>/, 'a workflow command is plain text: HTML stays as written');
      assert.doesNotMatch(out, /owned/, 'the OSC title sequence is removed whole');
      assert.match(lines.at(-1)!, /^::notice title=GA gates%3A BLOCKED \(exit 1\)::/);
    });

    it('fake server: JUnit stays well-formed XML (xmllint) with control, ESC, U+FFFE and lone surrogates dropped', async () => {
      const { out } = await run('junit');
      assert.deepEqual(xmllint(out), { status: 0, stderr: '' });
      assert.ok(!hasControl(out));
      assert.doesNotMatch(out, /<script|<img/);
      assert.match(out, /&lt;script&gt;alert\(2\)|&lt;script&gt;alert\(1\)/);
      // The control: the same document with one raw control character is rejected by xmllint.
      assert.notEqual(xmllint(out.replace('</testsuites>', '\x01</testsuites>')).status, 0);
    });

    it('fake server: the JSON report keeps the data, escaped by JSON (no raw ESC byte)', async () => {
      const { out } = await run('json');
      assert.ok(!out.includes('\x1b'));
      assert.ok(out.includes('\\u001b[2J'));
    });
  });

  describe('the terminal', () => {
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());

    it('stderr carries no ESC sequence from a gates file (gate names in the decision reason, values in input errors)', async () => {
      const name = 'Evil\x1b[2J\x1b]0;owned\x07\rAPPROVED (exit 0)';
      const yaml = `schema_version: 1\ngates:\n  - {key: g, id: 1, name: ${JSON.stringify(name)}, fail_action: NO-GO, remediation: r, checks: [{id: n, name: N, type: promql, query: "count(aurora_risk_dro_factor)", comparator: "<", threshold: 1}]}\n`;
      const blocked = await gatesCli(f, ['--gates', writeFile(f.dir, 'evil.yaml', yaml), '--quiet']);
      assert.equal(blocked.code, 1);
      assert.match(blocked.err, /^BLOCKED \(exit 1\) — NO-GO gate\(s\) failed: EvilAPPROVED \(exit 0\) — data: live/m);
      assert.ok(!hasControl(blocked.err));
      const input = `schema_version: 1\nvariables: {tol: "1"}\ngates:\n  - {key: g, id: 1, name: G, fail_action: NO-GO, remediation: r, checks: [{id: n, name: N, type: promql, query: "x", comparator: "<", threshold: "\\e[31m\${tol}"}]}\n`;
      const refused = await gatesCli(f, ['--gates', writeFile(f.dir, 'input.yaml', input), '--quiet']);
      assert.equal(refused.code, 2);
      // The threshold resolved to ESC [31m 1: refused, the ESC shown as JSON writes it, never sent raw.
      assert.match(refused.err, /threshold: '\$\{tol\}' resolves to "\\u001b\[31m1", not a finite decimal number/);
      assert.ok(!hasControl(refused.err));
    });

    it('a replayed recording whose source holds ESC bytes does not reach the terminal with them', async () => {
      await gatesCli(f, ['--record', 'rec.json', '--quiet']);
      const file = path.join(f.dir, 'rec.json');
      const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
      rec.source = 'http://x\x1b]0;owned\x07\x1b[2K';
      fs.writeFileSync(file, JSON.stringify(rec));
      const { err } = await gatesCli({ ...f, prom: undefined }, ['--replay', 'rec.json', '--quiet']);
      assert.match(err, /recorded from http:\/\/x at /);
      assert.ok(!hasControl(err));
    });
  });
});
