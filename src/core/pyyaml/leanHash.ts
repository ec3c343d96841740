// The CLI's hash path: the same composer, but each node becomes its json.dumps text as soon as it
// is closed, so no node graph, no source ranges and no JSON tree are kept (a large profile costs
// little more than its text and its JSON). Documents this cannot follow exactly (anchors, aliases,
// merge keys, dates, binary, sets, ordered maps, unknown tags) and any refusal take the full reader,
// whose answer (hash or error) is the one given.
import { composeSingle, TAG, type CollectionBuilder, type NodeBuilder } from './composer';
import type { JScalar } from './jsonValue';
import { normalizeProfile, sha256Hex } from './normalize';
import { pythonJsonString, pythonScalarJson } from './pyJson';
import { compareCodePoints, compareNumbers, keyIdentity, keyToJsonString } from './pyKeys';
import { constructBool, constructFloat, constructInt } from './resolve11';
import { checkPrintable } from './yaml11';

/** A closed collection: its JSON text. Scalars stay Python values until they are written. */
class Json {
  constructor(readonly text: string) {}
}
type Lean = JScalar | Json;

/** Thrown where only the full reader knows the answer. */
class FullPath extends Error {}

const text = (v: Lean): string => (v instanceof Json ? v.text : pythonScalarJson(v));

function sequence(tag: string): CollectionBuilder<Lean> {
  if (tag !== `${TAG}seq`) throw new FullPath();
  const items: string[] = [];
  return {
    node: null,
    add: (item) => void items.push(text(item)),
    close: () => new Json(`[${items.join(',')}]`),
  };
}

/** A Python dict with json.dumps(sort_keys=True): equal keys (1, 1.0, true) merge, the last value wins. */
function mapping(tag: string): CollectionBuilder<Lean> {
  if (tag !== `${TAG}map`) throw new FullPath();
  const strings = new Map<string, string>();
  const numbers = new Map<string, { key: boolean | bigint | number; value: string }>();
  let none: string | undefined;
  return {
    node: null,
    add(key, value) {
      const v = text(value!);
      if (typeof key === 'string') strings.set(key, v);
      else if (key === null) none = v;
      else if (key instanceof Json) throw new FullPath(); // unhashable key: the full reader says where
      else {
        const id = keyIdentity({ scalar: key });
        const had = numbers.get(id);
        numbers.set(id, { key: had ? had.key : key, value: v });
      }
    },
    close() {
      const kinds = (strings.size ? 1 : 0) + (numbers.size ? 1 : 0) + (none !== undefined ? 1 : 0);
      if (kinds === 0) return new Json('{}');
      if (kinds > 1) throw new FullPath(); // keys Python cannot sort
      if (none !== undefined) return new Json(`{"null":${none}}`);
      if (strings.size) {
        const keys = [...strings.keys()].sort(compareCodePoints);
        return new Json(`{${keys.map((k) => `${pythonJsonString(k)}:${strings.get(k)}`).join(',')}}`);
      }
      const entries = [...numbers.values()].sort((a, b) => compareNumbers(a.key, b.key));
      return new Json(`{${entries.map((e) => `${pythonJsonString(keyToJsonString(e.key))}:${e.value}`).join(',')}}`);
    },
  };
}

const LEAN: NodeBuilder<Lean> = {
  scalar(tag, value) {
    switch (tag) {
      case `${TAG}str`:
        return value;
      case `${TAG}null`:
        return null;
      case `${TAG}bool`:
        return constructBool(value);
      case `${TAG}int`:
        return constructInt(value);
      case `${TAG}float`:
        return constructFloat(value);
      default:
        throw new FullPath();
    }
  },
  sequence,
  mapping,
  anchorOrAlias() {
    throw new FullPath();
  },
};

export interface ProfileHash {
  /** `json.dumps(safe_load(text), sort_keys=True, separators=(',', ':'))`. */
  json: string;
  sha256: string;
}

/** The lock hash of a profile without source ranges (the CLI's path); the same answer as normalizeProfile. */
export function hashProfileText(source: string, file: string): ProfileHash {
  try {
    checkPrintable(source, file);
    const { root } = composeSingle(source, LEAN);
    const json = root === undefined ? 'null' : text(root);
    return { json, sha256: sha256Hex(json) };
  } catch {
    // Anything unusual, and every refusal (for its exact message and position): the full reader.
    const { json, sha256 } = normalizeProfile(source, file);
    return { json, sha256 };
  }
}
