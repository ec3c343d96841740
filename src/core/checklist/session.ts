import { approvedEvaluation, encodePayload, type SignoffPayload, type SignoffSignature } from '../attest/signoff';
import type { Trust } from '../attest/trust';
import { InputError } from '../util/errors';
import type { ChecklistInputs } from './inputs';
import { loadInputs, type LoadOptions } from './load';
import type { DecisionOutcome } from './model';
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
  /** The decision rule's outcome (what promote acts on; the view shows the same object). */
  decision: DecisionOutcome;
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
  const built = buildChecklist(inputs, state, now, t.view);
  return { ...built, inputs, state, stateFile, trust: t.trust, decision: built.view.decision };
}

/**
 * One checklist over time (the editor's panel). The evidence — gate report, locks, canary, audit,
 * readiness — is read once and kept until `invalidate()` (its files changed) or a sign-off, which
 * always binds to the evidence as it is on disk now. A tick or a note re-reads only the small state
 * file (another window or the CLI may have written it) and re-decides from the kept evidence.
 */
export class ChecklistSession {
  private inputs: ChecklistInputs | undefined;
  /** How many times the evidence was read (for tests and the bench). */
  readonly stats = { inputLoads: 0 };

  constructor(
    readonly root: string,
    private readonly options: () => LoadOptions,
  ) {}

  get stateFile(): string {
    return artifactPaths(this.root, this.options().paths).state;
  }

  /** The evidence may have changed (a watched file did, trust was granted): the next evaluation re-reads it. */
  invalidate(): void {
    this.inputs = undefined;
  }

  private async evidence(signal: AbortSignal): Promise<ChecklistInputs> {
    if (!this.inputs) {
      const inputs = await loadInputs(this.root, this.options(), signal);
      this.stats.inputLoads++;
      this.inputs = inputs;
    }
    return this.inputs;
  }

  /** Fills the checklist from the kept evidence (read first if needed) and the state on disk, checking the sign-offs' signatures. Never writes. */
  async evaluate(signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
    const [inputs, state] = await Promise.all([this.evidence(signal), loadState(this.stateFile, signal)]);
    return fill(this.root, this.options(), inputs, state, this.stateFile, signal, now);
  }

  /**
   * Applies one change against the kept evidence — re-read first for a sign-off, which binds to these
   * hashes and is signed over them — and the state as it is on disk under the state file's lock (so
   * another writer's change is never dropped), writes the state atomically and returns the refilled
   * checklist. A state file that cannot be read is never overwritten: the change is refused with the reason.
   */
  async update(change: ChecklistChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
    if (change.type === 'signOff') this.invalidate();
    const { root, stateFile } = this;
    const options = this.options();
    const inputs = await this.evidence(signal);
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
        return applyChange(loaded.state, plain, { now, fingerprint: seen.fingerprint, decision: seen.decision.decision, signed });
      });
    } catch (err) {
      if (err instanceof InputError && err.location) throw new InputError(`the checklist state cannot be read, so nothing was saved: ${err.format()}`);
      throw err;
    }
    const state: StateResult = { ok: true, loaded: { ...written.loaded, state: written.next, existed: written.loaded.existed || written.next !== written.loaded.state } };
    return fill(root, options, inputs, state, stateFile, signal, now);
  }
}

/** Loads every source and the state, checks the sign-offs' signatures, and fills the checklist. Never writes. */
export function evaluateChecklist(root: string, options: LoadOptions, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  return new ChecklistSession(root, () => options).evaluate(signal, now);
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
    decision: { checklist: c.decision.decision, gates: g.value.decision_code },
    evaluation: approvedEvaluation(g.value, c.fingerprint.gateReportSha256),
    locks_sha256: c.fingerprint.locksSha256,
    target_version: c.view.header.targetVersion,
  };
}

/** Warnings to show before signing (the faces ask or print them; signing still happens if the person goes on). */
export function signingWarnings(c: EvaluatedChecklist): string[] {
  const d = c.decision;
  return d.decision === 'NO-GO' ? [`the checklist decides NO-GO: ${d.deciding.map((x) => x.text).join('; ')}`] : [];
}

/** One change against the evidence as it is now (the CLI's and tests' one-shot form of ChecklistSession.update). */
export function updateChecklist(root: string, options: LoadOptions, change: ChecklistChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  return new ChecklistSession(root, () => options).update(change, signal, now);
}
