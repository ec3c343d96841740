import { approvedEvaluation, encodePayload, type SignoffPayload, type SignoffSignature } from '../attest/signoff';
import type { Trust } from '../attest/trust';
import { InputError } from '../util/errors';
import type { ChecklistInputs } from './inputs';
import { loadInputs, type LoadOptions } from './load';
import { applyChange, type StateChange } from './mutate';
import { artifactPaths } from './paths';
import { emptyState, readState, updateState } from './state';
import { signoffTrust } from './trust';
import { buildChecklist, type Checklist, type StateResult } from './view';

export interface EvaluatedChecklist extends Checklist {
  inputs: ChecklistInputs;
  state: StateResult;
  stateFile: string;
  trust: Trust;
}

/** Signs a sign-off's payload (ssh-keygen -Y sign with the user's key); see src/core/attest. */
export type SignoffSigner = (payload: Buffer, signal: AbortSignal) => Promise<SignoffSignature>;

/** A change, where a sign-off may carry the signer that signs it against the evidence as it is at that moment. */
export type ChecklistChange = StateChange | (Extract<StateChange, { type: 'signOff' }> & { signer?: SignoffSigner });

async function loadState(file: string, signal: AbortSignal): Promise<StateResult> {
  try {
    return { ok: true, loaded: await readState(file, signal) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problem: err.format() };
    throw err;
  }
}

async function fill(root: string, options: LoadOptions, inputs: ChecklistInputs, state: StateResult, stateFile: string, signal: AbortSignal, now: Date): Promise<EvaluatedChecklist> {
  const t = await signoffTrust(root, state.ok ? state.loaded.state : emptyState(), options.ssh, signal);
  return { ...buildChecklist(inputs, state, now, t.view), inputs, state, stateFile, trust: t.trust };
}

/** Loads every source and the state, checks the sign-offs' signatures, and fills the checklist. Never writes. */
export async function evaluateChecklist(root: string, options: LoadOptions, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  const stateFile = artifactPaths(root, options.paths).state;
  const [inputs, state] = await Promise.all([loadInputs(root, options, signal), loadState(stateFile, signal)]);
  return fill(root, options, inputs, state, stateFile, signal, now);
}

/** What a sign-off made now would sign: the decision, the evaluation (report digest and verdicts), the locks, the role. */
export function signoffPayload(c: EvaluatedChecklist, role: SignoffPayload['role'], principal: string, now: Date): SignoffPayload {
  const g = c.inputs.gates;
  if (g.state !== 'ok' || c.fingerprint.gateReportSha256 === null) {
    throw new InputError(`there is no gate report that counts, so there is nothing to approve: ${g.state === 'ok' ? 'evaluate the gates first' : g.detail}`);
  }
  if (!/^[0-9a-f]{64}$/.test(c.fingerprint.locksSha256)) throw new InputError('the profile locks cannot be checked, so a sign-off could not say which locks it approved');
  return {
    _type: 'https://aurora-ga.dev/signoff/v1',
    role,
    principal,
    time: now.toISOString(),
    decision: { checklist: c.view.decision.decision, gates: g.value.decision_code },
    evaluation: approvedEvaluation(g.value, c.fingerprint.gateReportSha256),
    locks_sha256: c.fingerprint.locksSha256,
    target_version: c.view.header.targetVersion,
  };
}

/** Warnings to show before signing (the faces ask or print them; signing still happens if the person goes on). */
export function signingWarnings(c: EvaluatedChecklist): string[] {
  const d = c.view.decision;
  return d.decision === 'NO-GO' ? [`the checklist decides NO-GO: ${d.deciding.map((x) => x.text).join('; ')}`] : [];
}

/**
 * Applies one change against the evidence as it is now (a sign-off binds to these hashes and is
 * signed over them) and the state as it is on disk under the state file's lock (so another writer's
 * change is never dropped), writes the state atomically and returns the refilled checklist. A state
 * file that cannot be read is never overwritten: the change is refused with the reason.
 */
export async function updateChecklist(root: string, options: LoadOptions, change: ChecklistChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  const stateFile = artifactPaths(root, options.paths).state;
  const inputs = await loadInputs(root, options, signal);
  let written;
  try {
    written = await updateState(stateFile, signal, async (loaded) => {
      const seen = await fill(root, options, inputs, { ok: true, loaded }, stateFile, signal, now);
      let signed: { evaluation: SignoffPayload['evaluation']; signature?: SignoffSignature } | undefined;
      if (change.type === 'signOff') {
        const payload = signoffPayload(seen, change.role, change.name, now);
        const signer = 'signer' in change ? change.signer : undefined;
        signed = { evaluation: payload.evaluation, ...(signer ? { signature: await signer(encodePayload(payload), signal) } : {}) };
      }
      const { type, ...rest } = change;
      const plain = { type, ...Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'signer')) } as StateChange;
      return applyChange(loaded.state, plain, { now, fingerprint: seen.fingerprint, decision: seen.view.decision.decision, signed });
    });
  } catch (err) {
    if (err instanceof InputError && err.location) throw new InputError(`the checklist state cannot be read, so nothing was saved: ${err.format()}`);
    throw err;
  }
  const state: StateResult = { ok: true, loaded: { ...written.loaded, state: written.next, existed: written.loaded.existed || written.next !== written.loaded.state } };
  return fill(root, options, inputs, state, stateFile, signal, now);
}
