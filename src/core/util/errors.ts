/** Where in a file a problem is; line and column are 1-based, as editors and compilers print them. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** What kind of input problem an InputError is, for callers that act on it (never compare messages). */
export type InputErrorCode = 'not-found' | 'unreadable' | 'invalid-json' | 'invalid-schema';

/**
 * An error caused by the user's input (a file, a flag, a setting), not by a bug. The CLI prints it
 * as `file:line:col: message` with no stack trace and exits 2; the extension shows it as a diagnostic
 * or a notification.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
    readonly code?: InputErrorCode,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line:col: message`, or just the message when there is no location. */
  format(): string {
    const loc = this.location;
    if (!loc) return this.message;
    const pos = loc.line !== undefined ? `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}` : '';
    return `${loc.file}${pos}: ${this.message}`;
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || (err as { code?: string }).code === 'ABORT_ERR');
}
