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

/** The path of the mapping key whose name covers `offset` (the hovered key), searching nested mappings and lists. */
export function keyPathAt(root: JNode, offset: number): (string | number)[] | undefined {
  const inside = (r: SourceRange | undefined) => r !== undefined && r.start <= offset && offset <= r.end;
  const walk = (node: JNode, at: (string | number)[]): (string | number)[] | undefined => {
    if (node.kind === 'object') {
      for (const e of node.entries) {
        if (inside(e.keyRange)) return [...at, e.key];
        if (inside(e.value.range)) return walk(e.value, [...at, e.key]);
      }
    } else if (node.kind === 'array') {
      const i = node.items.findIndex((item) => inside(item.range));
      if (i >= 0) return walk(node.items[i], [...at, i]);
    }
    return undefined;
  };
  return walk(root, []);
}
