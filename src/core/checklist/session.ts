import { InputError } from '../util/errors';
import type { ChecklistInputs } from './inputs';
import { loadInputs, type LoadOptions } from './load';
import type { DecisionOutcome } from './model';
import { applyChange, type StateChange } from './mutate';
import { artifactPaths } from './paths';
import { readState, writeState } from './state';
import { buildChecklist, type Checklist, type StateResult } from './view';

export interface EvaluatedChecklist extends Checklist {
  inputs: ChecklistInputs;
  state: StateResult;
  stateFile: string;
  /** The decision rule's outcome (what promote acts on; the view shows the same object). */
  decision: DecisionOutcome;
}

async function loadState(file: string, signal: AbortSignal): Promise<StateResult> {
  try {
    return { ok: true, loaded: await readState(file, signal) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problem: err.format() };
    throw err;
  }
}

function evaluated(inputs: ChecklistInputs, state: StateResult, stateFile: string, now: Date): EvaluatedChecklist {
  const built = buildChecklist(inputs, state, now);
  return { ...built, inputs, state, stateFile, decision: built.view.decision };
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

  /** Fills the checklist from the kept evidence (read first if needed) and the state on disk. Never writes. */
  async evaluate(signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
    const [inputs, state] = await Promise.all([this.evidence(signal), loadState(this.stateFile, signal)]);
    return evaluated(inputs, state, this.stateFile, now);
  }

  /**
   * Applies one change, writes the state atomically and returns the refilled checklist. A sign-off
   * re-reads the evidence first (it records the hashes of what is signed). A state file that cannot
   * be read is never overwritten: the change is refused with the reason.
   */
  async update(change: StateChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
    if (change.type === 'signOff') this.invalidate();
    const current = await this.evaluate(signal, now);
    if (!current.state.ok) throw new InputError(`the checklist state cannot be read, so nothing was saved: ${current.state.problem}`);
    const next = applyChange(current.state.loaded.state, change, { now, fingerprint: current.fingerprint, decision: current.decision.decision });
    if (next === current.state.loaded.state) return current;
    await writeState(current.stateFile, next);
    const state: StateResult = { ok: true, loaded: { ...current.state.loaded, state: next, existed: true } };
    return evaluated(current.inputs, state, current.stateFile, now);
  }
}

/** Loads every source and the state, and fills the checklist. Never writes. */
export function evaluateChecklist(root: string, options: LoadOptions, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  return new ChecklistSession(root, () => options).evaluate(signal, now);
}

/** One change against the evidence as it is now (the CLI's and tests' one-shot form of ChecklistSession.update). */
export function updateChecklist(root: string, options: LoadOptions, change: StateChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  return new ChecklistSession(root, () => options).update(change, signal, now);
}
