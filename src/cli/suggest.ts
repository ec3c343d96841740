import { closest } from '../core/util';

/** " — did you mean 'x'?" or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hit = closest(word, candidates);
  return hit ? ` — did you mean '${hit}'?` : '';
}
