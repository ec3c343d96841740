// Seeded generators for test and bench corpora: the same sequence on every run.

export { seededRandom as seeded } from '../../src/core/util/seededRandom';

/** Standard normal draws (Box–Muller) from a uniform source. */
export function normals(u: () => number): () => number {
  return () => {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return r * Math.cos(2 * Math.PI * u());
  };
}
