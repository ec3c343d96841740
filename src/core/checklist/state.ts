import { promises as fs } from 'node:fs';
import * as z from 'zod';
import { parseJsonText, schemaError } from '../util/jsonSource';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
import { withFileLock } from '../util/fileLock';
import { ITEM_BY_ID } from './definition';
import { ROLES } from './model';

// `artifacts/ga/checklist.json`: the answers, notes and sign-offs of the meeting, committed with the
// release. It is an audit trail, so it is never silently replaced: a file this version cannot read is
// reported and left alone, and unknown keys are kept as they were.

export const STATE_SCHEMA_VERSION = 1;

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const signoffSchema = z.object({
  name: z.string().min(1),
  role: z.enum(ROLES),
  time: z.string(),
  /** SHA-256 of the gate report file the signer approved; null when none existed. */
  gate_report_sha256: sha.nullable(),
  locks_sha256: sha,
  /** The decision shown when signing, for the record. */
  decision_at_signing: z.string().optional(),
  /** The evaluation approved (src/core/attest/signoff.ts); checked where it is used, so a bad one never hides the rest of the file. */
  evaluation: z.unknown().optional(),
  /** The SSH signature over the sign-off (src/core/attest); checked by verification, never here. */
  signature: z.unknown().optional(),
}).passthrough();
export type Signoff = z.infer<typeof signoffSchema>;

export const itemStateSchema = z.object({
  checked: z.boolean(),
  note: z.string(),
  updated_at: z.string(),
}).passthrough();
export type ItemState = z.infer<typeof itemStateSchema>;

export const historyEntrySchema = z.object({
  time: z.string(),
  action: z.string(),
  detail: z.string(),
}).passthrough();

export const checklistStateSchema = z.object({
  schema_version: z.literal(STATE_SCHEMA_VERSION),
  header: z.object({ target_version: z.string().optional(), date: z.string().optional() }).passthrough(),
  items: z.record(z.string(), itemStateSchema),
  rationale: z.string(),
  signoffs: z.object({ release_manager: signoffSchema.optional(), sre_lead: signoffSchema.optional(), product_owner: signoffSchema.optional() }).passthrough(),
  /** Append-only record of every change: who signed, ticked, noted, revoked, and when. */
  history: z.array(historyEntrySchema),
}).passthrough();
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export function emptyState(): ChecklistState {
  return { schema_version: STATE_SCHEMA_VERSION, header: {}, items: {}, rationale: '', signoffs: {}, history: [] };
}

export interface LoadedState {
  state: ChecklistState;
  /** False when the file did not exist yet (an empty checklist). */
  existed: boolean;
  /** Item ids in the file that this version does not know: kept, reported. */
  unknownItems: string[];
}

/** Reads the state; a missing file is an empty checklist, anything unreadable is an InputError naming file and line. */
export async function readState(file: string, signal: AbortSignal): Promise<LoadedState> {
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState(), existed: false, unknownItems: [] };
    signal.throwIfAborted();
    throw new InputError(`cannot read checklist state: ${(err as Error).message}`, { file });
  }
  const raw = parseJsonText(text, file);
  if (raw && typeof raw === 'object' && 'schema_version' in raw && raw.schema_version !== STATE_SCHEMA_VERSION) {
    throw new InputError(`checklist state has schema_version ${JSON.stringify(raw.schema_version)}; this Aurora GA reads ${STATE_SCHEMA_VERSION}. Upgrade Aurora GA; the file was left unchanged`, { file, line: 1 });
  }
  const parsed = checklistStateSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a valid checklist state (left unchanged)');
  return { state: parsed.data, existed: true, unknownItems: Object.keys(parsed.data.items).filter((id) => !ITEM_BY_ID.has(id)) };
}

/** Writes the state atomically, pretty-printed for readable diffs in review. */
export async function writeState(file: string, state: ChecklistState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Read-modify-write under the state file's inter-process lock: `change` derives the next state from
 * what is on disk now (not from what the caller read earlier), so a change made meanwhile by another
 * window or the CLI is kept. Returning the same object writes nothing.
 */
export async function updateState(file: string, signal: AbortSignal, change: (loaded: LoadedState) => ChecklistState | Promise<ChecklistState>): Promise<{ loaded: LoadedState; next: ChecklistState }> {
  return withFileLock(file, signal, async () => {
    const loaded = await readState(file, signal);
    const next = await change(loaded);
    if (next !== loaded.state) await writeState(file, next);
    return { loaded, next };
  });
}
