import { InputError } from '../util/errors';
import type { ChecklistInputs } from './inputs';
import { loadInputs, type LoadOptions } from './load';
import { applyChange, type StateChange } from './mutate';
import { artifactPaths } from './paths';
import { readState, writeState } from './state';
import { buildChecklist, type Checklist, type StateResult } from './view';

export interface EvaluatedChecklist extends Checklist {
  inputs: ChecklistInputs;
  state: StateResult;
  stateFile: string;
}

async function loadState(file: string, signal: AbortSignal): Promise<StateResult> {
  try {
    return { ok: true, loaded: await readState(file, signal) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problem: err.format() };
    throw err;
  }
}

/** Loads every source and the state, and fills the checklist. Never writes. */
export async function evaluateChecklist(root: string, options: LoadOptions, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  const stateFile = artifactPaths(root, options.paths).state;
  const [inputs, state] = await Promise.all([loadInputs(root, options, signal), loadState(stateFile, signal)]);
  return { ...buildChecklist(inputs, state, now), inputs, state, stateFile };
}

/**
 * Applies one change against the evidence as it is now (a sign-off binds to these hashes), writes the
 * state atomically and returns the refilled checklist. A state file that cannot be read is never
 * overwritten: the change is refused with the reason.
 */
export async function updateChecklist(root: string, options: LoadOptions, change: StateChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  const current = await evaluateChecklist(root, options, signal, now);
  if (!current.state.ok) throw new InputError(`the checklist state cannot be read, so nothing was saved: ${current.state.problem}`);
  const next = applyChange(current.state.loaded.state, change, { now, fingerprint: current.fingerprint, decision: current.view.decision.decision });
  if (next === current.state.loaded.state) return current;
  await writeState(current.stateFile, next);
  const state: StateResult = { ok: true, loaded: { ...current.state.loaded, state: next, existed: true } };
  return { ...buildChecklist(current.inputs, state, now), inputs: current.inputs, state, stateFile: current.stateFile };
}
