// measureCheckpoint (src/core/gates/checks/checkpoint.ts): the checkpoint report in its two shapes,
// read from artifacts/ckpt/report.json as test/support/gatesHistory.ts writeWorkspace lays it out.
// Every test pins the whole Measured result (kind, items, raw, reason and evidence), so a changed
// count, label, note or reason fails. Reports with NaN/Infinity are written as text, as Python's
// json module writes them (JSON.stringify cannot).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureCheckpoint } from '../../../src/core/gates/checks/checkpoint';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { checkpointReportCheck } from '../../../src/core/gates/schema';

type Measure = 'anomalies' | 'min_cosine' | 'nonfinite' | 'frozen';

const check = (measure: Measure) => checkpointReportCheck.parse({ id: 'ckpt', name: 'Checkpoint', type: 'checkpoint_report', file: '${artifacts}/ckpt/report.json', measure, comparator: '==', threshold: 0 });

describe('gates: checkpoint_report checks read both report shapes', () => {
  let dir: string;
  let file: string;
  let ctx: CheckContext;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-ckpt-check-')));
    fs.mkdirSync(path.join(dir, 'artifacts/ckpt'), { recursive: true });
    file = path.join(dir, 'artifacts/ckpt/report.json');
    ctx = { promSource: '', at: new Date('2026-11-26T12:00:00Z'), windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: dir, files: { roots: [dir], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(10_000) };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => fs.writeFileSync(file, text);
  const fileEv = (measure: Measure) => ({ kind: 'file', source: file, path: measure });

  describe('reading the file', () => {
    it('a missing report is NO_DATA "file not found" (not an error, not a pass)', async () => {
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), { kind: 'no_data', reason: 'file not found', evidence: fileEv('anomalies') });
    });

    it('a report that is not JSON is ERROR naming the line, with the error in the evidence', async () => {
      write('{"anomalies": 0,\n oops}');
      const reason = 'not valid JSON at line 2';
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), { kind: 'error', reason, evidence: { ...fileEv('anomalies'), error: reason } });
    });

    // null and numbers would throw if they were taken for objects ('x' in 42 is a TypeError); an
    // array or an object without any known key is neither shape.
    for (const text of ['null', '42', '"a report"', '[1, 2]', '{"foo": 1}', '{"analyses": "none"}']) {
      it(`${text} is neither shape: ERROR saying which shapes are expected`, async () => {
        write(text);
        const reason = 'neither checkpoint report shape: expected {analyses: [...]} or {anomalies, min_cos_similarity, frozen_layers}';
        assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), { kind: 'error', reason, evidence: { ...fileEv('min_cosine'), error: reason } });
      });
    }
  });

  describe('the analyzer shape {reference, analyses[], profile}', () => {
    const analyzer = (analyses: string[]) => `{"reference": "ckpt_0009.pt", "analyses": [${analyses.join(', ')}], "profile": "strict"}`;
    const aEv = (measure: Measure, n: number, extraNote = '') => ({ kind: 'file', source: file, path: `analyses[].${measure}`, note: `analyzer report, ${n} checkpoint(s)${extraNote}` });
    // Three checkpoints: one clean, one anomalous for a low cosine, one anomalous for NaN weights.
    const THREE = analyzer([
      '{"checkpoint": "ckpt_0010.pt", "cosine_min": 0.9981, "frozen_fraction": 0.25, "anomaly": false, "reason": null}',
      '{"checkpoint": "ckpt_0011.pt", "cosine_min": 0.2, "frozen_fraction": 0.5, "anomaly": true, "reason": "low_cosine"}',
      '{"checkpoint": "ckpt_0012.pt", "cosine_min": NaN, "frozen_fraction": 0.75, "anomaly": true, "reason": "nan"}',
    ]);

    it('no analyses is NO_DATA "the report has no analyses"', async () => {
      write(analyzer([]));
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), { kind: 'no_data', reason: 'the report has no analyses', evidence: aEv('anomalies', 0) });
    });

    it('anomalies: the count of checkpoints whose anomaly is true (whatever the reason), each one in raw', async () => {
      write(THREE);
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), {
        kind: 'values',
        items: [{ value: 2, raw: '2' }],
        evidence: aEv('anomalies', 3, '; count of checkpoints'),
        raw: [
          { labels: { checkpoint: 'ckpt_0010.pt' }, value: 'anomaly=false reason=null' },
          { labels: { checkpoint: 'ckpt_0011.pt' }, value: 'anomaly=true reason=low_cosine' },
          { labels: { checkpoint: 'ckpt_0012.pt' }, value: 'anomaly=true reason=nan' },
        ],
      });
    });

    it('anomalies: only the boolean true counts; a checkpoint without a name is "?", a missing reason "null"', async () => {
      write(analyzer(['{"anomaly": "true"}', '{"checkpoint": "c.pt", "anomaly": true}']));
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), {
        kind: 'values',
        items: [{ value: 1, raw: '1' }],
        evidence: aEv('anomalies', 2, '; count of checkpoints'),
        raw: [
          { labels: { checkpoint: '?' }, value: 'anomaly=true reason=null' },
          { labels: { checkpoint: 'c.pt' }, value: 'anomaly=true reason=null' },
        ],
      });
    });

    it('nonfinite: the count of checkpoints whose reason is nan or inf, not other anomalies', async () => {
      write(analyzer([
        '{"checkpoint": "a.pt", "anomaly": true, "reason": "inf", "frozen_fraction": 0.5}',
        '{"checkpoint": "b.pt", "anomaly": true, "reason": "low_cosine", "frozen_fraction": 0.5}',
        '{"checkpoint": "c.pt", "anomaly": true, "reason": "nan", "frozen_fraction": 0.5}',
        '{"checkpoint": "d.pt", "anomaly": false, "frozen_fraction": 0.5}',
      ]));
      assert.deepEqual(await measureCheckpoint(check('nonfinite'), file, ctx), {
        kind: 'values',
        items: [{ value: 2, raw: '2' }],
        evidence: aEv('nonfinite', 4, '; count of checkpoints'),
        raw: [
          { labels: { checkpoint: 'a.pt' }, value: 'reason=inf' },
          { labels: { checkpoint: 'b.pt' }, value: 'reason=low_cosine' },
          { labels: { checkpoint: 'c.pt' }, value: 'reason=nan' },
          { labels: { checkpoint: 'd.pt' }, value: 'reason=null' },
        ],
      });
    });

    it('nonfinite: one checkpoint with reason inf counts 1 (the first of the two reasons alone)', async () => {
      write(analyzer(['{"checkpoint": "a.pt", "reason": "inf"}']));
      const m = await measureCheckpoint(check('nonfinite'), file, ctx);
      assert.deepEqual(m.kind === 'values' && m.items, [{ value: 1, raw: '1' }]);
    });

    it('nonfinite: one checkpoint with reason nan counts 1', async () => {
      write(analyzer(['{"checkpoint": "a.pt", "reason": "nan"}']));
      const m = await measureCheckpoint(check('nonfinite'), file, ctx);
      assert.deepEqual(m.kind === 'values' && m.items, [{ value: 1, raw: '1' }]);
    });

    it('min_cosine: one item per checkpoint with a numeric cosine_min; NaN is left out but shown in raw', async () => {
      write(THREE);
      assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), {
        kind: 'values',
        items: [
          { labels: { checkpoint: 'ckpt_0010.pt' }, value: 0.9981, raw: 'cosine_min=0.9981' },
          { labels: { checkpoint: 'ckpt_0011.pt' }, value: 0.2, raw: 'cosine_min=0.2' },
        ],
        evidence: aEv('min_cosine', 3),
        raw: [
          { labels: { checkpoint: 'ckpt_0010.pt' }, value: 'cosine_min=0.9981' },
          { labels: { checkpoint: 'ckpt_0011.pt' }, value: 'cosine_min=0.2' },
          { labels: { checkpoint: 'ckpt_0012.pt' }, value: 'cosine_min=NaN' },
        ],
      });
    });

    it('frozen: one item per checkpoint with its frozen_fraction', async () => {
      write(THREE);
      assert.deepEqual(await measureCheckpoint(check('frozen'), file, ctx), {
        kind: 'values',
        items: [
          { labels: { checkpoint: 'ckpt_0010.pt' }, value: 0.25, raw: 'frozen_fraction=0.25' },
          { labels: { checkpoint: 'ckpt_0011.pt' }, value: 0.5, raw: 'frozen_fraction=0.5' },
          { labels: { checkpoint: 'ckpt_0012.pt' }, value: 0.75, raw: 'frozen_fraction=0.75' },
        ],
        evidence: aEv('frozen', 3),
        raw: [
          { labels: { checkpoint: 'ckpt_0010.pt' }, value: 'frozen_fraction=0.25' },
          { labels: { checkpoint: 'ckpt_0011.pt' }, value: 'frozen_fraction=0.5' },
          { labels: { checkpoint: 'ckpt_0012.pt' }, value: 'frozen_fraction=0.75' },
        ],
      });
    });

    it('frozen: a frozen_fraction that is a string or absent is not a number: NO_DATA naming frozen_fraction', async () => {
      write(analyzer(['{"checkpoint": "a.pt", "frozen_fraction": "0.5"}', '{"checkpoint": "b.pt"}']));
      assert.deepEqual(await measureCheckpoint(check('frozen'), file, ctx), {
        kind: 'no_data',
        reason: 'no checkpoint has a numeric frozen_fraction',
        evidence: aEv('frozen', 2),
        raw: [
          { labels: { checkpoint: 'a.pt' }, value: 'frozen_fraction=0.5' },
          { labels: { checkpoint: 'b.pt' }, value: 'frozen_fraction=undefined' },
        ],
      });
    });

    it('min_cosine: only NaN cosines is NO_DATA naming cosine_min', async () => {
      write(analyzer(['{"checkpoint": "a.pt", "cosine_min": NaN}']));
      assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), {
        kind: 'no_data',
        reason: 'no checkpoint has a numeric cosine_min',
        evidence: aEv('min_cosine', 1),
        raw: [{ labels: { checkpoint: 'a.pt' }, value: 'cosine_min=NaN' }],
      });
    });
  });

  describe('the flat shape {anomalies, min_cos_similarity, frozen_layers}', () => {
    const NOTE = 'flat report {anomalies, min_cos_similarity, frozen_layers}';
    const flatEv = (p: string) => ({ kind: 'file', source: file, path: p, note: NOTE });

    it('anomalies: the number as written', async () => {
      write('{"anomalies": 3, "min_cos_similarity": 0.998, "frozen_layers": 0}');
      assert.deepEqual(await measureCheckpoint(check('anomalies'), file, ctx), { kind: 'values', items: [{ value: 3, raw: '3' }], evidence: flatEv('anomalies') });
    });

    // Each key alone is enough to recognise the flat shape.
    it('a report holding only min_cos_similarity is the flat shape: min_cosine reads it', async () => {
      write('{"min_cos_similarity": 0.75}');
      assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), { kind: 'values', items: [{ value: 0.75, raw: '0.75' }], evidence: flatEv('min_cos_similarity') });
    });

    it('a report holding only frozen_layers (a list) is the flat shape: frozen counts the list', async () => {
      write('{"frozen_layers": ["enc.0", "enc.1"]}');
      assert.deepEqual(await measureCheckpoint(check('frozen'), file, ctx), { kind: 'values', items: [{ value: 2, raw: '["enc.0","enc.1"]' }], evidence: flatEv('frozen_layers') });
    });

    it('a long frozen_layers list: the value is its length, raw is cut to 200 characters', async () => {
      const layers = Array.from({ length: 40 }, (_, i) => `encoder.layer${i}`);
      write(JSON.stringify({ frozen_layers: layers }));
      assert.deepEqual(await measureCheckpoint(check('frozen'), file, ctx), { kind: 'values', items: [{ value: 40, raw: JSON.stringify(layers).slice(0, 200) }], evidence: flatEv('frozen_layers') });
    });

    it('an absent key is NO_DATA naming it (the original defaulted it to a passing value)', async () => {
      write('{"anomalies": 0}');
      assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), { kind: 'no_data', reason: "the report has no 'min_cos_similarity'", evidence: flatEv('min_cos_similarity') });
    });

    it('a null key is NO_DATA naming it', async () => {
      write('{"anomalies": 0, "frozen_layers": null}');
      assert.deepEqual(await measureCheckpoint(check('frozen'), file, ctx), { kind: 'no_data', reason: "the report has no 'frozen_layers'", evidence: flatEv('frozen_layers') });
    });

    it('a key that is not a number is ERROR quoting it (cut to 80 characters)', async () => {
      const long = `high ${'x'.repeat(100)}`;
      write(JSON.stringify({ min_cos_similarity: long }));
      const reason = `'min_cos_similarity' is ${JSON.stringify(long).slice(0, 80)}, not a number`;
      assert.deepEqual(await measureCheckpoint(check('min_cosine'), file, ctx), { kind: 'error', reason, evidence: { ...flatEv('min_cos_similarity'), error: reason } });
    });

    it('nonfinite: non-finite numbers of the report plus nan_count and inf_count; strings do not count', async () => {
      write('{"anomalies": 0, "min_cos_similarity": NaN, "frozen_layers": [], "grad_norm": -Infinity, "status": "ok", "nan_count": 5, "inf_count": 2}');
      assert.deepEqual(await measureCheckpoint(check('nonfinite'), file, ctx), {
        kind: 'values',
        items: [{ value: 9, raw: '9' }],
        evidence: { kind: 'file', source: file, path: 'non-finite numbers', note: `${NOTE}; non-finite values: min_cos_similarity, grad_norm` },
      });
    });

    it('nonfinite: a clean report without nan_count/inf_count counts 0, "none"', async () => {
      write('{"anomalies": 0, "min_cos_similarity": 0.998, "frozen_layers": 0, "status": "ok"}');
      assert.deepEqual(await measureCheckpoint(check('nonfinite'), file, ctx), {
        kind: 'values',
        items: [{ value: 0, raw: '0' }],
        evidence: { kind: 'file', source: file, path: 'non-finite numbers', note: `${NOTE}; non-finite values: none` },
      });
    });
  });
});
