import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad flags or arguments; the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with strict checking, `--flag=value` and `--flag value`, turning its errors into UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Parses a flag value as a number within bounds, or says which flag is wrong. */
export function numberFlag(name: string, raw: string | undefined, fallback: number, opts: { min?: number; integer?: boolean } = {}): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (opts.integer && !Number.isInteger(value)) || (opts.min !== undefined && value < opts.min)) {
    const kind = opts.integer ? 'an integer' : 'a number';
    throw new UsageError(`--${name} must be ${kind}${opts.min !== undefined ? ` >= ${opts.min}` : ''}, got '${raw}'`);
  }
  return value;
}
