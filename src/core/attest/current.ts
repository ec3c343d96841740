import path from 'node:path';
import type { EvaluatedChecklist } from '../checklist/session';
import type { VerificationStepView } from '../checklist/messages';
import { consistencyStep, rederiveStep, signoffStep, type Step } from './verify';

// The checks `aurora-ga verify` makes of a record, made of the checklist's current state, so the
// checklist shows before promotion what a verifier will find after it.

export async function verifyCurrent(root: string, c: EvaluatedChecklist, signal: AbortSignal): Promise<VerificationStepView[]> {
  const steps: Step[] = [];
  const g = c.inputs.gates;
  if (g.state !== 'ok') {
    steps.push({ name: 'report consistency', ok: false, details: [g.state === 'missing' ? `no gate report (${g.file})` : g.detail] });
  } else {
    steps.push(await consistencyStep(root, g.value, signal));
  }
  if (c.state.ok && c.fingerprint.gateReportSha256) steps.push(await signoffStep(c.state.loaded.state.signoffs, c.trust, c.fingerprint.gateReportSha256, c.fingerprint.locksSha256, signal));
  else steps.push({ name: 'sign-offs', ok: false, details: [c.state.ok ? 'no gate report to sign off' : c.state.problem] });
  if (g.state === 'ok' && g.value.data_mode === 'live' && g.value.recording && g.value.gates_file) {
    steps.push(await rederiveStep(root, g.value, path.resolve(root, g.value.gates_file), path.resolve(root, g.value.recording.file), signal));
  } else {
    steps.push({ name: 'decision re-derived', ok: false, details: ['needs a live gate report that names its gates file and recording'] });
  }
  return steps.map((s) => ({ name: s.name, ok: s.ok, detail: s.details.join('\n') }));
}
