import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour only where a person reads it: a terminal (not a pipe, not TERM=dumb), unless NO_COLOR is set
 * or --no-color given; FORCE_COLOR turns it on anywhere (CI logs that render ANSI).
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
