// Reads YAML the way PyYAML's safe_load does (YAML 1.1 resolution, merge keys, last duplicate wins,
// Python dict/sort semantics) into JSON-level nodes that keep the source range of every key and value.
// The `yaml` package parses (failsafe schema: every scalar stays text); resolution is ours.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../util/errors';
import type { JEntry, JNode, SourceRange } from './jsonValue';
import { LineIndex } from './lineIndex';
import { compareCodePoints, compareNumbers, keyClass, keyIdentity, keyToJsonString, type PyKey } from './pyKeys';
import { checkBase64, checkTimestamp, constructBool, ConstructError, constructFloat, constructImplicit, constructInt, resolvePlain } from './resolve11';

const TAG = 'tag:yaml.org,2002:';
/** PyYAML's Reader refuses these characters anywhere in the stream (before any parsing). */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
/** Expanded size beyond which aliases are treated as a "billion laughs" document. */
const MAX_EXPANDED_NODES = 5_000_000;

export interface LoadedYaml {
  root: JNode;
  /** Anchors make one node's edit change others; the editor's incremental path avoids such documents. */
  hasAnchors: boolean;
}

type YNode = Node | null | undefined;

class Loader {
  private readonly memo = new Map<Node, JNode>();
  private readonly building = new Set<Node>();
  private readonly flattening = new Set<Node>();
  private readonly anchors = new Map<string, Node>();
  hasAnchors = false;

  constructor(
    private readonly doc: Document,
    private readonly source: string,
    private readonly unterminated: boolean,
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  fail(message: string, node: YNode | { range?: SourceRange }): never {
    const start = node && 'range' in node && node.range ? (Array.isArray(node.range) ? node.range[0] : (node.range as SourceRange).start) : undefined;
    const pos = start !== undefined ? this.lines.linePos(start) : undefined;
    throw new InputError(message, { file: this.file, line: pos?.line, column: pos?.col });
  }

  deref(node: YNode): YNode {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (!target) this.fail(`found undefined alias '*${node.source}'`, node);
    return target;
  }

  construct(raw: YNode, emptyAt: number): JNode {
    const node = this.deref(raw);
    if (node === null || node === undefined) return { kind: 'scalar', value: null, range: { start: emptyAt, end: emptyAt } };
    if (node.anchor) {
      this.hasAnchors = true;
      // PyYAML's composer refuses a second definition of an anchor name.
      const first = this.anchors.get(node.anchor);
      if (first && first !== node) this.fail(`found duplicate anchor '${node.anchor}'`, node);
      this.anchors.set(node.anchor, node);
    }
    if (isScalar(node)) return this.scalar(node);
    const cached = this.memo.get(node);
    if (cached) return cached;
    const range = rangeOf(node);
    if (this.building.has(node)) return { kind: 'invalid', message: 'recursive alias: json.dumps cannot serialize a structure that contains itself', range };
    this.building.add(node);
    try {
      const built = isMap(node) ? this.mapping(node) : isSeq(node) ? this.sequence(node) : this.fail('unsupported YAML node', node);
      this.memo.set(node, built);
      return built;
    } finally {
      this.building.delete(node);
    }
  }

  scalar(node: Scalar): JNode {
    let text = String(node.value);
    if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && this.unterminated && (node.range?.[1] ?? 0) >= this.source.length && text.endsWith('\n')) {
      // The document was parsed with a line break added at its end (see loadYaml11); PyYAML counts
      // only breaks in the source: keep (+) loses that break, clip loses it if the last line had content.
      const chomp = /^[|>](?:[1-9]?([+-])|([+-])[1-9])?/.exec(this.source.slice(node.range![0]))?.slice(1).find(Boolean);
      const lastLine = this.source.slice(this.source.lastIndexOf('\n') + 1);
      if (chomp === '+' || (chomp === undefined && lastLine.trim() !== '')) text = text.slice(0, -1);
    }
    const range = rangeOf(node);
    const tag = node.tag;
    try {
      // PyYAML resolves a scalar tagged with the non-specific `!` as if it were plain, even when quoted.
      if (tag === undefined || tag === '!') {
        if (tag === undefined && node.type !== 'PLAIN') return { kind: 'scalar', value: text, range };
        const implicit = resolvePlain(text);
        if (implicit === 'timestamp') return this.timestamp(text, range);
        if (implicit === 'merge' || implicit === 'value') this.fail(`could not determine a constructor for the tag '${TAG}${implicit}' ('${text}' as a value)`, node);
        return { kind: 'scalar', value: constructImplicit(implicit, text) ?? null, range };
      }
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
        case `${TAG}timestamp`:
          return this.timestamp(text, range);
        case `${TAG}binary`:
          checkBase64(text);
          return { kind: 'invalid', message: 'binary data (!!binary) cannot be serialized to JSON', range };
        default:
          return this.fail(`could not determine a constructor for the tag '${tag}'`, node);
      }
    } catch (err) {
      if (err instanceof ConstructError) this.fail(err.message, node);
      throw err;
    }
  }

  timestamp(text: string, range: SourceRange): JNode {
    const what = checkTimestamp(text);
    return { kind: 'invalid', message: `'${text}' is a YAML ${what}, which the lock hash (like Python's json.dumps) cannot serialize; quote it to make it a string`, range };
  }

  sequence(node: YAMLSeq): JNode {
    const range = rangeOf(node);
    const tag = node.tag;
    if (tag === `${TAG}omap` || tag === `${TAG}pairs`) {
      // Python builds a list of (key, value) tuples; json.dumps writes tuples as arrays.
      const items = node.items.map((item) => {
        const sub = this.deref(item as YNode);
        if (!isMap(sub) || sub.items.length !== 1) this.fail(`expected a single mapping item in ${tag.slice(TAG.length)}`, sub ?? node);
        const pair = sub.items[0] as Pair<YNode, YNode>;
        return { kind: 'array', items: [this.construct(pair.key, rangeOf(sub).start), this.construct(pair.value, endOf(pair.key, sub))], range: rangeOf(sub) } as JNode;
      });
      return { kind: 'array', items, range };
    }
    if (tag !== undefined && tag !== '!' && tag !== `${TAG}seq`) this.fail(`could not determine a constructor for the tag '${tag}'`, node);
    return { kind: 'array', items: node.items.map((item) => this.construct(item as YNode, range.end)), range };
  }

  /** SafeConstructor.flatten_mapping: merged pairs first (later `<<` sources lose), own pairs after. */
  flatten(node: YAMLMap): Pair<YNode, YNode>[] {
    if (this.flattening.has(node)) this.fail('recursive merge: a mapping merges itself', node);
    this.flattening.add(node);
    try {
      return this.flattenOnce(node);
    } finally {
      this.flattening.delete(node);
    }
  }

  private flattenOnce(node: YAMLMap): Pair<YNode, YNode>[] {
    const merged: Pair<YNode, YNode>[] = [];
    const own: Pair<YNode, YNode>[] = [];
    for (const item of node.items as Pair<YNode, YNode>[]) {
      const key = item.key;
      const isMerge = isScalar(key) && ((key.tag === undefined && key.type === 'PLAIN' && String(key.value) === '<<') || key.tag === `${TAG}merge`);
      if (!isMerge) {
        own.push(item);
        continue;
      }
      const value = this.deref(item.value);
      if (isMap(value)) merged.push(...this.flatten(value));
      else if (isSeq(value)) {
        const subs = value.items.map((sub) => {
          const m = this.deref(sub as YNode);
          if (!isMap(m)) this.fail('expected a mapping for merging', m ?? value);
          return this.flatten(m);
        });
        for (const sub of subs.reverse()) merged.push(...sub);
      } else this.fail('expected a mapping or list of mappings for merging', value ?? key);
    }
    return [...merged, ...own];
  }

  pyKey(raw: YNode, at: number): { key: PyKey; range: SourceRange } {
    const node = this.deref(raw);
    if (node === null || node === undefined) return { key: { scalar: null }, range: { start: at, end: at } };
    if (!isScalar(node)) this.fail('found unhashable key (a sequence or mapping cannot be a mapping key)', node);
    const range = rangeOf(node);
    // `=` (the YAML 1.1 value key) is a plain string key.
    if (node.tag === undefined && node.type === 'PLAIN' && String(node.value) === '=') return { key: { scalar: '=' }, range };
    const built = this.construct(node, at);
    if (built.kind === 'scalar') return { key: { scalar: built.value }, range };
    return { key: { opaque: String(node.value) }, range };
  }

  mapping(node: YAMLMap): JNode {
    const range = rangeOf(node);
    const tag = node.tag;
    if (tag === `${TAG}set`) return { kind: 'invalid', message: 'a set (!!set) cannot be serialized to JSON', range };
    if (tag !== undefined && tag !== '!' && tag !== `${TAG}map`) this.fail(`could not determine a constructor for the tag '${tag}'`, node);
    const byIdentity = new Map<string, number>();
    const entries: { key: PyKey; keyRange: SourceRange; value: JNode }[] = [];
    for (const pair of this.flatten(node)) {
      if (!isPair(pair)) continue;
      const { key, range: keyRange } = this.pyKey(pair.key, range.start);
      const value = this.construct(pair.value, keyRange.end);
      const id = keyIdentity(key);
      const at = byIdentity.get(id);
      if (at === undefined) {
        byIdentity.set(id, entries.length);
        entries.push({ key, keyRange, value });
      } else entries[at] = { ...entries[at], value };
    }
    return sortMapping(entries, range);
  }
}

function rangeOf(node: Node): SourceRange {
  const r = node.range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
}

function endOf(node: YNode, fallback: Node): number {
  return node && !isAlias(node) && node.range ? node.range[1] : rangeOf(fallback).end;
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
    if ('opaque' in e.key) return { kind: 'invalid', message: `key '${e.key.opaque}' is a date: JSON keys must be str, int, float, bool or None`, range: e.keyRange };
    out.push({ key: keyToJsonString(e.key.scalar), keyRange: e.keyRange, value: e.value });
  }
  return { kind: 'object', entries: out, range };
}

/** Expanded node count with shared (aliased) subtrees counted each time they are used. */
function expandedSize(node: JNode, memo: Map<JNode, number>): number {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let size = 1;
  if (node.kind === 'array') for (const item of node.items) size += expandedSize(item, memo);
  else if (node.kind === 'object') for (const e of node.entries) size += expandedSize(e.value, memo);
  memo.set(node, size);
  return size;
}

/** Parses `text` like PyYAML's safe_load; bad YAML is an InputError naming file, line and column. */
export function loadYaml11(text: string, file: string): LoadedYaml {
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
    throw new InputError(`unacceptable character #x${code}: special characters are not allowed in YAML`, { file, ...new LineIndex(text).at(bad.index) });
  }
  // YAML 1.1 (PyYAML) treats raw NEL, LS and PS as line breaks, YAML 1.2 (the yaml package) as
  // content: rather than hash such a file differently from Python, refuse it and say where.
  const sep = /[\u0085\u2028\u2029]/.exec(text);
  if (sep) {
    const name = { '\u0085': 'NEL (U+0085)', '\u2028': 'LINE SEPARATOR (U+2028)', '\u2029': 'PARAGRAPH SEPARATOR (U+2029)' }[sep[0]];
    throw new InputError(`raw ${name} is a line break in YAML 1.1 and cannot be hashed compatibly; write it as an escape inside double quotes`, { file, ...new LineIndex(text).at(sep.index) });
  }
  const lines = new LineCounter();
  // The yaml package and PyYAML disagree on block scalars cut off by the end of the file; with a
  // final line break they agree, and Loader.scalar takes the added break back out.
  const unterminated = text !== '' && !/[\r\n]$/.test(text);
  const doc = parseDocument(unterminated ? `${text}\n` : text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, lineCounter: lines, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    // Positions past the end (where the added line break would be) are reported at the real end.
    const pos = new LineIndex(text).at(Math.min(error.pos[0], text.length));
    throw new InputError(`invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, { file, ...pos });
  }
  const loader = new Loader(doc, text, unterminated, file, lines);
  const root = loader.construct(doc.contents as YNode, 0);
  if (loader.hasAnchors && expandedSize(root, new Map()) > MAX_EXPANDED_NODES) {
    throw new InputError(`aliases expand to more than ${MAX_EXPANDED_NODES} nodes; refusing to hash this document`, { file, line: 1, column: 1 });
  }
  return { root, hasAnchors: loader.hasAnchors };
}
