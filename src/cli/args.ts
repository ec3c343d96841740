import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from './suggest';

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
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = argv.find((a) => a.startsWith('-') && !isKnown(a, options)) ?? '';
      const flag = given.split('=')[0];
      throw new UsageError(`unknown option '${flag}'${didYouMean(flag, Object.keys(options).map((k) => `--${k}`))}`);
    }
    throw new UsageError(e.message.replace(/^TypeError \[[A-Z_]+\]: /, '').split('\n')[0]);
  }
}

function isKnown(arg: string, options: Options): boolean {
  if (arg === '--' || arg === '-') return true;
  if (arg.startsWith('--')) return arg.slice(2).split('=')[0] in options;
  return Object.values(options).some((o) => o.short === arg.slice(1, 2));
}

/** A bound as people write it: 0.016666666666666666 → 0.01667. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** Parses a flag value as a number within bounds, or says which flag is wrong. */
export function numberFlag(name: string, raw: string | undefined, fallback: number, opts: { min?: number; integer?: boolean; minText?: string } = {}): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (opts.integer && !Number.isInteger(value)) || (opts.min !== undefined && value < opts.min)) {
    const kind = opts.integer ? 'an integer' : 'a number';
    const bound = opts.min === undefined ? '' : ` of at least ${opts.minText ?? formatNumber(opts.min)}`;
    throw new UsageError(`--${name} must be ${kind}${bound}, got '${raw}'`);
  }
  return value;
}
