import { compareCodePoints, type JNode, serializePython, type SourceRange } from '../pyyaml';

export type PathSegment = string | number;

/** One difference between the locked profile and the current one, located in the current text. */
export interface LockChange {
  path: PathSegment[];
  /** `acceptance.coverage_target`, `items[2]`, `a["odd.key"]`. */
  pathText: string;
  kind: 'changed' | 'added' | 'removed';
  /** Python JSON text of the locked value (absent for `added`). */
  old?: string;
  /** Python JSON text of the current value (absent for `removed`). */
  new?: string;
  lockedNode?: JNode;
  currentNode?: JNode;
  /** The current value's range (for `removed`: the range of the mapping or list that lost it). */
  range?: SourceRange;
  /** The current key's range, when the change is a mapping entry. */
  keyRange?: SourceRange;
  /** For added and removed entries: the current mapping or list that gained or lost them. */
  parent?: JNode;
}

export function pathText(path: PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Two nodes the walk did not descend into (so never two objects or two arrays): equal only as scalars. */
function same(a: JNode, b: JNode): boolean {
  // Same Python type and same value ⇔ same JSON text (two different doubles never share a repr).
  return a.kind === 'scalar' && b.kind === 'scalar' && typeof a.value === typeof b.value && Object.is(a.value, b.value);
}

/**
 * Every leaf-level difference between the locked value and the current one. Both trees come from
 * Python-compatible readers (objects in code-point key order), so one merge walk suffices.
 */
export function diffProfiles(locked: JNode, current: JNode): LockChange[] {
  const out: LockChange[] = [];
  const text = (n: JNode): string => serializePython(n);
  // One path array, extended and shrunk as the walk goes; copied only into reported changes.
  const path: PathSegment[] = [];
  const at = (seg: PathSegment): PathSegment[] => [...path, seg];
  const walk = (a: JNode, b: JNode, keyRange?: SourceRange): void => {
    if (a.kind === 'object' && b.kind === 'object') {
      let i = 0;
      let j = 0;
      while (i < a.entries.length || j < b.entries.length) {
        const ea = a.entries[i];
        const eb = b.entries[j];
        const order = !ea ? 1 : !eb ? -1 : ea.key === eb.key ? 0 : compareCodePoints(ea.key, eb.key);
        if (order === 0) {
          path.push(ea.key);
          walk(ea.value, eb.value, eb.keyRange);
          path.pop();
          i++;
          j++;
        } else if (order < 0) {
          const p = at(ea.key);
          out.push({ path: p, pathText: pathText(p), kind: 'removed', old: text(ea.value), lockedNode: ea.value, range: b.range, keyRange, parent: b });
          i++;
        } else {
          const p = at(eb.key);
          out.push({ path: p, pathText: pathText(p), kind: 'added', new: text(eb.value), currentNode: eb.value, range: eb.value.range, keyRange: eb.keyRange, parent: b });
          j++;
        }
      }
      return;
    }
    if (a.kind === 'array' && b.kind === 'array') {
      const n = Math.max(a.items.length, b.items.length);
      for (let k = 0; k < n; k++) {
        if (k >= b.items.length) out.push({ path: at(k), pathText: pathText(at(k)), kind: 'removed', old: text(a.items[k]), lockedNode: a.items[k], range: b.range, parent: b });
        else if (k >= a.items.length) out.push({ path: at(k), pathText: pathText(at(k)), kind: 'added', new: text(b.items[k]), currentNode: b.items[k], range: b.items[k].range, parent: b });
        else {
          path.push(k);
          walk(a.items[k], b.items[k]);
          path.pop();
        }
      }
      return;
    }
    if (!same(a, b)) out.push({ path: [...path], pathText: pathText(path), kind: 'changed', old: text(a), new: text(b), lockedNode: a, currentNode: b, range: b.range, keyRange });
  };
  walk(locked, current);
  return out;
}
