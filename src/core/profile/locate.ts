import type { JNode, SourceRange } from '../pyyaml';

/** The range to mark for a path: the value there, or the key of the deepest ancestor that exists. */
export function rangeForPath(root: JNode, path: (string | number)[]): { range?: SourceRange; keyRange?: SourceRange; exact: boolean } {
  let node = root;
  let keyRange: SourceRange | undefined;
  for (const seg of path) {
    let next: JNode | undefined;
    if (node.kind === 'object' && typeof seg === 'string') {
      const entry = node.entries.find((e) => e.key === seg);
      if (entry) {
        keyRange = entry.keyRange;
        next = entry.value;
      }
    } else if (node.kind === 'array' && typeof seg === 'number') next = node.items[seg];
    if (!next) return { range: keyRange ?? node.range, keyRange, exact: false };
    node = next;
  }
  return { range: node.range, keyRange, exact: true };
}
