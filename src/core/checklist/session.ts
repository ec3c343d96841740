import { InputError } from '../util/errors';
import type { ChecklistInputs } from './inputs';
import { loadInputs, type LoadOptions } from './load';
import { applyChange, type StateChange } from './mutate';
import { artifactPaths } from './paths';
import { readState, updateState } from './state';
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
 * Applies one change against the evidence as it is now (a sign-off binds to these hashes) and the
 * state as it is on disk under the state file's lock (so another writer's change is never dropped),
 * writes the state atomically and returns the refilled checklist. A state file that cannot be read
 * is never overwritten: the change is refused with the reason.
 */
export async function updateChecklist(root: string, options: LoadOptions, change: StateChange, signal: AbortSignal, now = new Date()): Promise<EvaluatedChecklist> {
  const stateFile = artifactPaths(root, options.paths).state;
  const inputs = await loadInputs(root, options, signal);
  let written;
  try {
    written = await updateState(stateFile, signal, (loaded) => {
      const seen = buildChecklist(inputs, { ok: true, loaded }, now);
      return applyChange(loaded.state, change, { now, fingerprint: seen.fingerprint, decision: seen.view.decision.decision });
    });
  } catch (err) {
    if (err instanceof InputError && err.location) throw new InputError(`the checklist state cannot be read, so nothing was saved: ${err.format()}`);
    throw err;
  }
  const state: StateResult = { ok: true, loaded: { ...written.loaded, state: written.next, existed: written.loaded.existed || written.next !== written.loaded.state } };
  return { ...buildChecklist(inputs, state, now), inputs, state, stateFile };
}
