// The gates `npm start` evaluates: the default gates (configs/gates/aurora-ga.yaml) with the demo's
// comparison gate (compare-gate.yaml) appended, composed at start so the defaults are never copied.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What the comparison gate says about the demo history (see compare-gate.yaml). */
export const DEMO_COMPARE_EXPECTED = {
  gate: 'candidate_vs_baseline',
  status: 'FAIL',
  checks: { step_latency: 'FAIL', step_errors: 'INCONCLUSIVE', decision_rate: 'PASS' },
  score: 50,
};

/** The composed gates file's text (comments of both files kept). */
export function demoGatesText() {
  const doc = parseDocument(fs.readFileSync(path.join(here, '../gates/aurora-ga.yaml'), 'utf8'));
  const gate = parseDocument(fs.readFileSync(path.join(here, 'compare-gate.yaml'), 'utf8'));
  doc.get('gates').items.push(gate.contents);
  return doc.toString().replace('$schema=../schemas/gates.schema.json', '$schema=../../../configs/schemas/gates.schema.json');
}
