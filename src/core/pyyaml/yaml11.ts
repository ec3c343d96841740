// Reads YAML the way PyYAML 6's safe_load does: our own YAML 1.1 scanner and composer (scanner.ts,
// composer.ts, following PyYAML rule by rule) and SafeConstructor's rules (resolution, merge keys,
// last duplicate wins, Python dict/sort semantics) into JSON-level nodes that keep the source range
// of every key and value. Wherever PyYAML raises, this throws an InputError with file:line:col.
import { InputError } from '../util/errors';
import { composeSingle, TAG, type MappingNode, type ScalarNode, type YamlNode } from './composer';
import type { JEntry, JNode, SourceRange } from './jsonValue';
import { LineIndex } from './lineIndex';
import { compareCodePoints, compareNumbers, keyClass, keyIdentity, keyToJsonString, type PyKey } from './pyKeys';
import { checkBase64, checkTimestamp, constructBool, ConstructError, constructFloat, constructInt } from './resolve11';
import { YamlError } from './yamlError';

/** PyYAML's Reader refuses these characters anywhere in the stream (before any parsing). */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
/** Expanded size beyond which aliases are treated as a "billion laughs" document. */
const MAX_EXPANDED_NODES = 5_000_000;

export interface LoadedYaml {
  root: JNode;
  /** Anchors make one node's edit change others; the editor's incremental path avoids such documents. */
  hasAnchors: boolean;
}

const SCALAR_TAGS = new Set(['str', 'null', 'bool', 'int', 'float', 'timestamp', 'binary'].map((t) => TAG + t));

function rangeOf(node: YamlNode): SourceRange {
  return { start: node.start, end: node.end };
}

class Constructor {
  private readonly memo = new Map<YamlNode, JNode>();
  private readonly building = new Set<YamlNode>();

  fail(message: string, at: number): never {
    throw new YamlError(message, at, undefined, undefined, false);
  }

  construct(node: YamlNode): JNode {
    const cached = this.memo.get(node);
    if (cached) return cached;
    if (this.building.has(node)) return { kind: 'invalid', message: 'recursive alias: json.dumps cannot serialize a structure that contains itself', range: rangeOf(node) };
    this.building.add(node);
    try {
      const built = this.build(node);
      this.memo.set(node, built);
      return built;
    } finally {
      this.building.delete(node);
    }
  }

  private build(node: YamlNode): JNode {
    const tag = node.tag;
    if (SCALAR_TAGS.has(tag)) return this.scalar(node, tag);
    switch (tag) {
      case `${TAG}seq`:
        if (node.kind !== 'seq') this.fail(`expected a sequence node, but found ${node.kind === 'map' ? 'mapping' : 'scalar'}`, node.start);
        return { kind: 'array', items: node.items.map((item) => this.construct(item)), range: rangeOf(node) };
      case `${TAG}map`:
        if (node.kind !== 'map') this.fail(`expected a mapping node, but found ${node.kind === 'seq' ? 'sequence' : 'scalar'}`, node.start);
        return this.mapping(node);
      case `${TAG}omap`:
      case `${TAG}pairs`:
        return this.pairs(node, tag.slice(TAG.length));
      case `${TAG}set`:
        if (node.kind !== 'map') this.fail(`expected a mapping node, but found ${node.kind === 'seq' ? 'sequence' : 'scalar'}`, node.start);
        this.mapping(node);
        return { kind: 'invalid', message: 'a set (!!set) cannot be serialized to JSON', range: rangeOf(node) };
      default:
        return this.fail(`could not determine a constructor for the tag '${tag}'`, node.start);
    }
  }

  /** SafeConstructor.construct_scalar: a scalar's text (a mapping with a `=` key stands for its value). */
  private text(node: YamlNode): ScalarNode {
    if (node.kind === 'map') {
      for (const [key, value] of node.pairs) if (key.tag === `${TAG}value`) return this.text(value);
    }
    if (node.kind !== 'scalar') this.fail(`expected a scalar node, but found ${node.kind === 'map' ? 'mapping' : 'sequence'}`, node.start);
    return node;
  }

  private scalar(node: YamlNode, tag: string): JNode {
    const source = this.text(node);
    const text = source.value;
    const range = rangeOf(node);
    try {
      switch (tag) {
        case `${TAG}str`:
          return { kind: 'scalar', value: text, range };
        case `${TAG}null`:
          return { kind: 'scalar', value: null, range };
        case `${TAG}bool`:
          return { kind: 'scalar', value: constructBool(text), range };
        case `${TAG}int`:
          return { kind: 'scalar', value: constructInt(text), range };
        case `${TAG}float`:
          return { kind: 'scalar', value: constructFloat(text), range };
        case `${TAG}timestamp`: {
          const what = checkTimestamp(text);
          return { kind: 'invalid', message: `'${text}' is a YAML ${what}, which the lock hash (like Python's json.dumps) cannot serialize; quote it to make it a string`, range };
        }
        default:
          checkBase64(text);
          return { kind: 'invalid', message: 'binary data (!!binary) cannot be serialized to JSON', range };
      }
    } catch (err) {
      if (err instanceof ConstructError) this.fail(err.message, node.start);
      throw err;
    }
  }

  /** construct_yaml_omap / construct_yaml_pairs: a list of (key, value) tuples, which json.dumps writes as arrays. */
  private pairs(node: YamlNode, what: string): JNode {
    if (node.kind !== 'seq') this.fail(`while constructing an ordered map: expected a sequence, but found ${node.kind === 'map' ? 'mapping' : 'scalar'}`, node.start);
    const items = node.items.map((sub): JNode => {
      if (sub.kind !== 'map') this.fail(`while constructing an ordered map: expected a mapping of length 1, but found ${sub.kind === 'seq' ? 'sequence' : 'scalar'}`, sub.start);
      if (sub.pairs.length !== 1) this.fail(`while constructing an ordered map: expected a single mapping item in ${what}, but found ${sub.pairs.length} items`, sub.start);
      const [key, value] = sub.pairs[0];
      return { kind: 'array', items: [this.construct(key), this.construct(value)], range: rangeOf(sub) };
    });
    return { kind: 'array', items, range: rangeOf(node) };
  }

  /** SafeConstructor.flatten_mapping, mutating the node as PyYAML does: merged pairs first (later `<<` sources lose), own pairs after. */
  private flatten(node: MappingNode): void {
    const merge: [YamlNode, YamlNode][] = [];
    let index = 0;
    while (index < node.pairs.length) {
      const [key, value] = node.pairs[index];
      if (key.tag === `${TAG}merge`) {
        node.pairs.splice(index, 1);
        if (value.kind === 'map') {
          this.flatten(value);
          merge.push(...value.pairs);
        } else if (value.kind === 'seq') {
          const submerge: [YamlNode, YamlNode][][] = [];
          for (const sub of value.items) {
            if (sub.kind !== 'map') this.fail(`while constructing a mapping: expected a mapping for merging, but found ${sub.kind === 'seq' ? 'sequence' : 'scalar'}`, sub.start);
            this.flatten(sub);
            submerge.push(sub.pairs);
          }
          for (const pairs of submerge.reverse()) merge.push(...pairs);
        } else this.fail('while constructing a mapping: expected a mapping or list of mappings for merging, but found scalar', value.start);
      } else {
        if (key.tag === `${TAG}value`) key.tag = `${TAG}str`;
        index++;
      }
    }
    if (merge.length) node.pairs = [...merge, ...node.pairs];
  }

  private pyKey(node: YamlNode): PyKey {
    if (node.kind !== 'scalar' && !(node.kind === 'map' && SCALAR_TAGS.has(node.tag))) {
      this.fail('while constructing a mapping: found unhashable key (a sequence or mapping cannot be a mapping key)', node.start);
    }
    const built = this.construct(node);
    if (built.kind === 'scalar') return { scalar: built.value };
    if (built.kind === 'invalid' && node.tag === `${TAG}set`) this.fail('while constructing a mapping: found unhashable key', node.start);
    return { opaque: this.text(node).value };
  }

  private mapping(node: MappingNode): JNode {
    this.flatten(node);
    const byIdentity = new Map<string, number>();
    const entries: { key: PyKey; keyRange: SourceRange; value: JNode }[] = [];
    for (const [keyNode, valueNode] of node.pairs) {
      const key = this.pyKey(keyNode);
      const value = this.construct(valueNode);
      const id = keyIdentity(key);
      const at = byIdentity.get(id);
      if (at === undefined) {
        byIdentity.set(id, entries.length);
        entries.push({ key, keyRange: rangeOf(keyNode), value });
      } else entries[at] = { ...entries[at], value };
    }
    return sortMapping(entries, rangeOf(node));
  }
}

/** json.dumps(sort_keys=True): sort the Python keys (failing on mixed types), then make them strings. */
function sortMapping(entries: { key: PyKey; keyRange: SourceRange; value: JNode }[], range: SourceRange): JNode {
  if (entries.length >= 2) {
    const classes = new Set(entries.map((e) => keyClass(e.key)));
    if (classes.size > 1 || classes.has('none')) {
      const names = [...classes].map((c) => ({ number: 'number', string: 'str', none: 'null', opaque: 'date' })[c]).join(' and ');
      return { kind: 'invalid', message: `mapping mixes key types (${names}): Python cannot sort them, so the profile cannot be hashed`, range };
    }
    const cls = [...classes][0];
    if (cls === 'string') entries.sort((a, b) => compareCodePoints((a.key as { scalar: string }).scalar, (b.key as { scalar: string }).scalar));
    else if (cls === 'number') entries.sort((a, b) => compareNumbers((a.key as { scalar: number }).scalar, (b.key as { scalar: number }).scalar));
  }
  const out: JEntry[] = [];
  for (const e of entries) {
    if ('opaque' in e.key) return { kind: 'invalid', message: `key '${e.key.opaque}' is a date or binary: JSON keys must be str, int, float, bool or None`, range: e.keyRange };
    out.push({ key: keyToJsonString(e.key.scalar), keyRange: e.keyRange, value: e.value });
  }
  return { kind: 'object', entries: out, range };
}

/** Expanded node count with shared (aliased) subtrees counted each time they are used. */
function expandedSize(node: JNode, memo: Map<JNode, number>): number {
  const known = memo.get(node);
  if (known !== undefined) return known;
  memo.set(node, 1);
  let size = 1;
  if (node.kind === 'array') for (const item of node.items) size += expandedSize(item, memo);
  else if (node.kind === 'object') for (const e of node.entries) size += expandedSize(e.value, memo);
  memo.set(node, size);
  return size;
}

function located(err: YamlError, text: string, file: string): InputError {
  const lines = new LineIndex(text);
  const context = err.context ? ` (${err.context}${err.contextOffset !== undefined ? ` at line ${lines.at(err.contextOffset).line}, column ${lines.at(err.contextOffset).column}` : ''})` : '';
  return new InputError(`${err.syntax ? 'invalid YAML: ' : ''}${err.problem}${context}`, { file, ...lines.at(Math.min(err.offset, text.length)) });
}

/** PyYAML's Reader.check_printable, over the whole text. */
export function checkPrintable(text: string, file: string): void {
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
    throw new InputError(`unacceptable character #x${code}: special characters are not allowed in YAML`, { file, ...new LineIndex(text).at(bad.index) });
  }
}

/** Parses `text` like PyYAML's safe_load; bad YAML is an InputError naming file, line and column. */
export function loadYaml11(text: string, file: string): LoadedYaml {
  checkPrintable(text, file);
  let root: JNode;
  let hasAnchors: boolean;
  try {
    const doc = composeSingle(text);
    hasAnchors = doc.hasAnchors;
    root = doc.root ? new Constructor().construct(doc.root) : { kind: 'scalar', value: null, range: { start: 0, end: 0 } };
  } catch (err) {
    if (err instanceof YamlError) throw located(err, text, file);
    throw err;
  }
  if (hasAnchors && expandedSize(root, new Map()) > MAX_EXPANDED_NODES) {
    throw new InputError(`aliases expand to more than ${MAX_EXPANDED_NODES} nodes; refusing to hash this document`, { file, line: 1, column: 1 });
  }
  return { root, hasAnchors };
}
