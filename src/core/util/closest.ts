import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped word, or undefined when none is close enough to be a typo
 * (at most a third of the word's letters differ, and at least one may).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(word, name);
    if (d <= limit && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}
