// A temporary workspace on disk with the artifacts the checklist reads, the original r2/smoke
// profiles and their committed locks (checked by the real lock engine), and monitoring assets.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkspaceLocks } from '../../../src/core/lock';
import type { LoadOptions } from '../../../src/core/checklist/load';
import { canary, gateReport } from './fixtures';
import { ORIGINAL_KIT as ORIGINAL } from '../../support/originalKit';


export function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-checklist-'));
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  // A live report counts only with its recorded raw responses (src/core/attest/recordingRef.ts).
  const recording = { format: 'aurora-ga/prometheus-recording', version: 1, recorded_at: '2026-11-27T00:00:01Z', source: 'http://127.0.0.1:9090', at: '2026-11-27T00:00:00Z', window_hours: 48, profile: null, variables: {}, exchanges: [] };
  const recText = `${JSON.stringify(recording, null, 1)}\n`;
  w('artifacts/ga/gates_recording.json', recText);
  w('artifacts/ga/gates_report.json', JSON.stringify({ ...gateReport(), recording: { file: 'artifacts/ga/gates_recording.json', sha256: createHash('sha256').update(recText).digest('hex') } }, null, 2));
  w('artifacts/canary_results.json', JSON.stringify(canary(), null, 2));
  w('artifacts/dcts_audit/report.json', JSON.stringify({ status: 'PASS', var_ratio: 0.4, reasons: [] }));
  w('VERSION', '0.4.0-rc1\n');
  for (const f of ['r2.yaml', 'r2.lock.json', 'smoke.yaml', 'smoke.lock.json']) w(`configs/profiles/${f}`, fs.readFileSync(path.join(ORIGINAL, f), 'utf8'));
  return root;
}

export const loadOptions: LoadOptions = { lockChecker: checkWorkspaceLocks };

export function rm(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
