import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { InputError } from '../util/errors';
import { NotRecordedError, ReplayedTimeoutError, type Exchange } from './client';
import { exchangeKey } from './recordingKey';
import { ResponseTooLargeError } from './transport';
import type { RawResponse, Transport } from './transport';

export const RECORDING_FORMAT = 'aurora-ga/prometheus-recording';

const exchangeSchema = z.object({
  path: z.string(),
  params: z.record(z.string(), z.string()),
  status: z.number().int().optional(),
  content_type: z.string().optional(),
  body: z.string().optional(),
  error: z.object({ kind: z.enum(['network', 'timeout', 'too-large']), message: z.string() }).optional(),
  duration_ms: z.number(),
});

export const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(1),
  recorded_at: z.string(),
  /** The API the answers came from. */
  source: z.string(),
  /** Evaluation time and window of the recorded run: replay uses them unless told otherwise. */
  at: z.string(),
  window_hours: z.number().positive(),
  profile: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  exchanges: z.array(exchangeSchema),
});

export type Recording = z.infer<typeof recordingSchema>;
type RecordedExchange = z.infer<typeof exchangeSchema>;

export { exchangeKey } from './recordingKey';

/** Collects every raw attempt of a live run (in order) and writes them as a recording. */
export class Recorder {
  private readonly exchanges: RecordedExchange[] = [];

  readonly onExchange = (e: Exchange): void => {
    this.exchanges.push({
      path: e.path,
      params: e.params,
      ...(e.response ? { status: e.response.status, content_type: e.response.contentType, body: e.response.body } : {}),
      ...(e.error ? { error: e.error } : {}),
      duration_ms: e.durationMs,
    });
  };

  /** The recording as written to a file (also kept with a live evaluation in the history). */
  text(meta: Omit<Recording, 'format' | 'version' | 'recorded_at' | 'exchanges'>): string {
    const rec: Recording = { format: RECORDING_FORMAT, version: 1, recorded_at: new Date().toISOString(), ...meta, exchanges: this.exchanges };
    return `${JSON.stringify(rec, null, 1)}\n`;
  }

}

export async function readRecording(file: string): Promise<Recording> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read recording: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`recording is not JSON: ${(err as Error).message}`, { file });
  }
  const parsed = recordingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`not an Aurora GA recording: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, { file });
  }
  return parsed.data;
}

/**
 * Answers from a recording: each request gets the attempts recorded for it, in order (so a recorded
 * 503-then-200 replays as a retry that succeeds); the last one repeats once they run out.
 */
export class ReplayTransport implements Transport {
  private readonly queues = new Map<string, RecordedExchange[]>();
  private readonly served = new Map<string, number>();

  constructor(
    private readonly recording: Recording,
    private readonly file: string,
  ) {
    for (const e of recording.exchanges) {
      const key = exchangeKey(e.path, e.params);
      const q = this.queues.get(key) ?? [];
      q.push(e);
      this.queues.set(key, q);
    }
  }

  async send(path: string, params: Record<string, string>, signal: AbortSignal): Promise<RawResponse> {
    signal.throwIfAborted();
    const key = exchangeKey(path, params);
    const q = this.queues.get(key);
    if (!q) {
      throw new NotRecordedError(
        `not in recording ${this.file} (recorded at ${this.recording.at}, window ${this.recording.window_hours}h): ${params.query ?? path}`,
      );
    }
    const n = this.served.get(key) ?? 0;
    this.served.set(key, n + 1);
    const e = q[Math.min(n, q.length - 1)];
    if (e.error?.kind === 'timeout') throw new ReplayedTimeoutError(e.error.message);
    if (e.error?.kind === 'too-large') throw Object.assign(new ResponseTooLargeError(0), { message: e.error.message });
    if (e.error) throw Object.assign(new Error(e.error.message), { code: undefined });
    return { status: e.status ?? 0, contentType: e.content_type ?? '', body: e.body ?? '' };
  }

  async close(): Promise<void> {}
}
