import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkLock, normalizeProfile } from '../../../src/core/lock';
import { legacyChecksum } from '../../../src/core/pyyaml';
import { InputError } from '../../../src/core/util/errors';
import { APPENDIX_C_DOCUMENTS } from '../../unit/lock/appendixC';
import { pyyamlAvailable, pyyamlNormalize, pyyamlVersion, type PyResult } from './pyyamlReference';
import { generateYamlDocument } from './yamlGenerator';
import { ORIGINAL_KIT } from '../../support/originalKit';

const originalDir = process.env.AURORA_ORIGINAL_DATA ?? ORIGINAL_KIT;
const SEED = Number(process.env.AURORA_DIFF_SEED ?? 20250821);
const COUNT = Number(process.env.AURORA_DIFF_COUNT ?? 3000);

type Ours = { ok: true; json: string; legacy: string } | { ok: false; error: string };

function ours(text: string): Ours {
  try {
    const p = normalizeProfile(text, 'doc.yaml');
    return { ok: true, json: p.json, legacy: '' };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.format() };
    throw new Error(`crashed (not an InputError) on ${JSON.stringify(text)}`, { cause: err });
  }
}

function mismatch(text: string, py: PyResult, mine: Ours): string | undefined {
  if (py.ok !== mine.ok) return `python ${py.ok ? `ok ${py.json}` : `error ${py.error}`} vs ours ${mine.ok ? `ok ${mine.json}` : `error ${mine.error}`}\n--- document ---\n${text}`;
  if (py.ok && mine.ok && py.json !== mine.json) return `python ${py.json}\nours   ${mine.json}\n--- document ---\n${text}`;
  return undefined;
}

describe('locks: differential against PyYAML safe_load + json.dumps (python3-yaml)', function () {
  this.timeout(120000);
  before(function () {
    if (!pyyamlAvailable()) throw new Error('python3 with PyYAML is required (Debian: apt-get install python3-yaml)');
  });

  it(`matches PyYAML ${pyyamlVersion()} on ${COUNT} seeded generated documents (seed ${SEED})`, () => {
    const docs = Array.from({ length: COUNT }, (_, i) => generateYamlDocument(SEED + i));
    const reference = pyyamlNormalize(docs);
    const failures: string[] = [];
    let pyErrors = 0;
    docs.forEach((doc, i) => {
      if (!reference[i].ok) pyErrors++;
      const m = mismatch(doc, reference[i], ours(doc));
      if (m) failures.push(`seed ${SEED + i}: ${m}`);
    });
    assert.equal(failures.length, 0, `${failures.length} of ${COUNT} differ; first:\n${failures.slice(0, 3).join('\n\n')}`);
    // The generator must exercise both outcomes, or this test would prove little.
    assert.ok(pyErrors > COUNT * 0.02 && pyErrors < COUNT * 0.6, `python errors on ${pyErrors} of ${COUNT}`);
  });

  it('matches PyYAML on every Appendix C vector and the legacy (default separators) form', () => {
    const reference = pyyamlNormalize(APPENDIX_C_DOCUMENTS);
    APPENDIX_C_DOCUMENTS.forEach((doc, i) => {
      const mine = ours(doc);
      assert.equal(mismatch(doc, reference[i], mine), undefined);
      const py = reference[i];
      if (py.ok) {
        const p = normalizeProfile(doc, 'doc.yaml');
        assert.equal(legacyChecksum(p.root, doc, 'doc.yaml'), createHash('sha256').update(py.legacy).digest('hex').slice(0, 16));
      }
    });
  });

  it('validates the original r2/smoke profiles against their committed locks, new and legacy', async () => {
    const signal = new AbortController().signal;
    for (const name of ['r2', 'smoke']) {
      const profile = path.join(originalDir, `${name}.yaml`);
      const check = await checkLock(profile, signal);
      assert.equal(check.status, 'valid', `${name}: ${check.reason ?? check.problem?.format()}`);
      assert.equal(check.legacy?.status, 'valid');
      const [py] = pyyamlNormalize([fs.readFileSync(profile, 'utf8')]);
      assert.ok(py.ok);
      assert.equal(check.profile?.json, py.json);
    }
  });
});
