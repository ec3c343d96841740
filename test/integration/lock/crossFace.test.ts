// One verdict everywhere (issue #11): the whole lock fixture matrix through every CLI face, run as
// users run it (dist/cli.js), each face's answer read from its own output and compared with the
// documented rule. The editor's faces run the same matrix in test/extension/lockMatrix.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aurora } from '../monitoring/cli';
import { CHILD } from '../canary/support';
import { expectedRefusal, expectedVerdict, verdictOfDetail, writeMatrix, type MatrixCase, type Verdict } from '../../support/lockMatrix';

/** Runs `job` over `items`, two at a time (the machine is shared). */
async function pool<T, R>(items: T[], job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/** Every case whose face answer differs from the rule, as `case: face said X, rule says Y` lines. */
function disagreements(cases: MatrixCase[], said: (c: MatrixCase) => string | undefined, expected: (c: MatrixCase) => string): string[] {
  return cases.flatMap((c) => (said(c) === expected(c) ? [] : [`${c.name}: said ${said(c)}, rule says ${expected(c)}`]));
}

describe('locks: one verdict on every CLI face over the fixture matrix (dist/cli.js)', function () {
  this.timeout(600_000);
  let root: string;
  let cases: MatrixCase[];
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-lock-matrix-'));
    cases = writeMatrix(root);
    fs.writeFileSync(path.join(root, 'canary.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, ok]\nruns: 1\ninterval_seconds: 0\n`);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('covers 4 lock states × 2 schemas × 4 legacy states × enforced on/off', () => {
    assert.equal(cases.length, 64);
    assert.equal(new Set(cases.map((c) => expectedVerdict(c))).size, 4);
  });

  it('lock --validate: exit 0 exactly when valid, and the message names the same verdict', async () => {
    const said = new Map<string, Verdict | undefined>();
    await pool(cases, async (c) => {
      const r = await aurora(path.dirname(c.profile), 'lock', '--in', 'p.yaml', '--validate');
      const v = /Lock file not found/.test(r.stdout) ? 'missing' : /Validation error|cannot be read/.test(r.stdout) ? 'unreadable' : /mismatch|≠/.test(r.stdout) ? 'mismatch' : /Profile lock valid/.test(r.stdout) ? 'valid' : undefined;
      said.set(c.name, (r.code === 0) === (v === 'valid') ? v : undefined);
    });
    assert.deepEqual(disagreements(cases, (c) => said.get(c.name), expectedVerdict), []);
  });

  it('lock --check: one line per profile with the same verdict, exit 3 since some are invalid', async () => {
    const r = await aurora(root, 'lock', '--check', '.');
    assert.equal(r.code, 3, r.stderr);
    const line = (c: MatrixCase) => r.stdout.split('\n').find((l) => l.includes(` ${c.name}/p.yaml:`));
    const said = (c: MatrixCase): Verdict | undefined => {
      const l = line(c);
      // Not listed at all: no lock of any kind.
      if (!l) return c.json === 'missing' && c.legacy === 'absent' ? 'missing' : undefined;
      if (l.startsWith('✅')) return 'valid';
      if (/: no p\.lock\.json/.test(l)) return 'missing';
      if (/cannot be read/.test(l)) return 'unreadable';
      return 'mismatch';
    };
    assert.deepEqual(disagreements(cases, said, expectedVerdict), []);
  });

  it('readiness and the checklist report every profile with the same verdict', async () => {
    const status = { valid: 'valid', invalid: 'mismatch', missing: 'missing', error: 'unreadable' } as Record<string, Verdict>;
    await aurora(root, 'readiness', '--root', '.');
    const report = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/ga_readiness_report.json'), 'utf8'));
    const details: string[] = report.results.find((x: { id: string }) => x.id === 'profiles_locks').details;
    const checklist = await aurora(root, 'checklist', '--root', '.', '--format', 'json');
    const view = JSON.parse(checklist.stdout);
    const evidence: string[] = view.sections.flatMap((s: { groups: { items: { id: string; evidence: string[] }[] }[] }) => s.groups.flatMap((g) => g.items)).find((i: { id: string }) => i.id === 'locks.profiles').evidence;
    for (const [face, lines] of [['readiness', details], ['checklist', evidence]] as const) {
      const said = (c: MatrixCase): Verdict | undefined => {
        const l = lines.find((x) => x.startsWith(`${c.name}/p.yaml: `));
        if (!l) return c.json === 'missing' && c.legacy === 'absent' ? 'missing' : undefined;
        const s = status[/^\S+: (\w+)/.exec(l)![1]];
        // The coarser status must agree with the rule, and the detail must say the same.
        return s === 'valid' || verdictOfDetail(l.slice(l.indexOf(' — ') + 3)) === s ? s : undefined;
      };
      assert.deepEqual(disagreements(cases, said, expectedVerdict), [], face);
    }
  });

  it('gates --profile refuses (exit 2) exactly when enforced and not valid, naming the same verdict', async () => {
    const seen = await pool(cases, async (c) => {
      const r = await aurora(root, 'gates', '--demo', '--profile', path.relative(root, c.profile), '--output', path.join(path.dirname(c.profile), 'gates.json'));
      const refused = r.code === 2 && /refusing to evaluate gates/.test(r.stderr);
      const line = refused ? r.stderr : (/profile p: lock (?:not enforced \()?(.*)/.exec(r.stderr)?.[1] ?? '');
      return { c, refused, verdict: verdictOfDetail(line), code: r.code };
    });
    assert.deepEqual(seen.filter((s) => s.refused !== expectedRefusal(s.c)).map((s) => `${s.c.name}: refused=${s.refused} (exit ${s.code})`), []);
    assert.deepEqual(disagreements(cases, (c) => seen.find((s) => s.c === c)?.verdict, expectedVerdict), []);
  });

  it('canary refuses before any run exactly when enforced and not valid, and records the same verdict otherwise', async () => {
    const seen = await pool(cases, async (c) => {
      const output = path.join(path.dirname(c.profile), 'canary.json');
      const r = await aurora(root, 'canary', '--profile', path.relative(root, c.profile), '--config', 'canary.yaml', '--runs', '1', '--output', output);
      const refused = r.code === 1 && /profile lock broken, no run started/.test(r.stderr);
      const recorded = fs.existsSync(output) ? JSON.parse(fs.readFileSync(output, 'utf8')).profile_lock : undefined;
      return { c, refused, ran: recorded !== undefined, verdict: verdictOfDetail(refused ? r.stderr : recorded?.detail ?? ''), enforced: recorded?.enforced };
    });
    assert.deepEqual(seen.filter((s) => s.refused !== expectedRefusal(s.c) || s.ran === s.refused).map((s) => `${s.c.name}: refused=${s.refused} ran=${s.ran}`), []);
    assert.deepEqual(seen.filter((s) => s.ran && s.enforced !== s.c.enforced).map((s) => s.c.name), []);
    assert.deepEqual(disagreements(cases, (c) => seen.find((s) => s.c === c)?.verdict, expectedVerdict), []);
  });
});
