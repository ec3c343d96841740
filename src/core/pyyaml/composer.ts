// PyYAML 6's parser.py and composer.py in one recursive pass: the same grammar states (documents,
// directives, block and indentless sequences, flow pairs, empty nodes), the same tag handles and
// the same resolution of untagged scalars; the result is PyYAML's node graph (aliases are the
// anchored node itself, so a recursive document is a cyclic graph, as in Python).
import { resolvePlain } from './resolve11';
import { Scanner, T, TOKEN_NAMES, type Token } from './scanner';
import { YamlError } from './yamlError';

export const TAG = 'tag:yaml.org,2002:';
const DEFAULT_HANDLES: Record<string, string> = { '!': '!', '!!': TAG };

export interface ScalarNode {
  kind: 'scalar';
  tag: string;
  value: string;
  /** '' plain, `'` `"` quoted, `|` `>` block. */
  style: string;
  start: number;
  end: number;
}
export interface SequenceNode {
  kind: 'seq';
  tag: string;
  items: YamlNode[];
  start: number;
  end: number;
}
export interface MappingNode {
  kind: 'map';
  tag: string;
  pairs: [YamlNode, YamlNode][];
  start: number;
  end: number;
}
export type YamlNode = ScalarNode | SequenceNode | MappingNode;

export interface ComposedDocument<N = YamlNode> {
  root: N | undefined;
  hasAnchors: boolean;
}

/** A collection being composed: items (or key, value pairs) are added in order, then it is closed. */
export interface CollectionBuilder<N> {
  /** What an alias to this collection stands for while it is still open (a recursive document). */
  readonly node: N;
  add(item: N, value?: N): void;
  close(end: number): N;
}

/** What the composer builds from: PyYAML's node graph (the default), or something leaner. */
export interface NodeBuilder<N> {
  scalar(tag: string, value: string, style: string, start: number, end: number): N;
  sequence(tag: string, start: number, end: number): CollectionBuilder<N>;
  mapping(tag: string, start: number, end: number): CollectionBuilder<N>;
  /** Called for every anchor and alias, before it is used (a builder without node identity declines by throwing). */
  anchorOrAlias(at: number): void;
}

const NODES: NodeBuilder<YamlNode> = {
  scalar: (tag, value, style, start, end) => ({ kind: 'scalar', tag, value, style, start, end }),
  sequence(tag, start, end) {
    const node: SequenceNode = { kind: 'seq', tag, items: [], start, end };
    return { node, add: (item) => void node.items.push(item), close: (at) => ((node.end = at), node) };
  },
  mapping(tag, start, end) {
    const node: MappingNode = { kind: 'map', tag, pairs: [], start, end };
    return { node, add: (key, value) => void node.pairs.push([key, value!]), close: (at) => ((node.end = at), node) };
  },
  anchorOrAlias: () => undefined,
};

/**
 * Nesting beyond this depth is refused: Python's composer recurses per level and stops with a
 * RecursionError a few hundred levels down, so a deeper document has no PyYAML hash to match.
 */
export const MAX_DEPTH = 256;

class Composer<N> {
  private readonly scanner: Scanner;
  private handles: Record<string, string> = DEFAULT_HANDLES;
  private anchors = new Map<string, N>();
  private depth = 0;
  hasAnchors = false;

  constructor(
    text: string,
    private readonly build: NodeBuilder<N>,
  ) {
    this.scanner = new Scanner(text);
  }

  private fail(problem: string, at: number, context?: string, contextAt?: number): never {
    throw new YamlError(problem, at, context, contextAt);
  }

  private is(type: T): boolean {
    return this.scanner.check(type);
  }

  private isAny(...types: T[]): boolean {
    const t = this.scanner.peekToken().type;
    return types.includes(t);
  }

  /** yaml.safe_load's get_single_node: at most one document, then the end of the stream. */
  single(): ComposedDocument<N> {
    this.scanner.getToken(); // stream start
    let root: N | undefined;
    let documents = 0;
    // parse_implicit_document_start
    if (!this.isAny(T.Directive, T.DocumentStart, T.StreamEnd)) {
      this.handles = DEFAULT_HANDLES;
      root = this.blockNode();
      documents = 1;
      this.documentEnd();
    }
    for (;;) {
      // parse_document_start
      while (this.is(T.DocumentEnd)) this.scanner.getToken();
      if (this.is(T.StreamEnd)) break;
      const start = this.scanner.peekToken().start;
      this.directives();
      if (!this.is(T.DocumentStart)) {
        const t = this.scanner.peekToken();
        this.fail(`expected '<document start>', but found '${TOKEN_NAMES[t.type]}'`, t.start);
      }
      this.scanner.getToken();
      if (documents === 1) this.fail('expected a single document in the stream, but found another document', start, 'while composing the stream', 0);
      documents = 1;
      root = this.isAny(T.Directive, T.DocumentStart, T.DocumentEnd, T.StreamEnd) ? this.empty(this.scanner.peekToken().start) : this.blockNode();
      this.documentEnd();
    }
    return { root, hasAnchors: this.hasAnchors };
  }

  private documentEnd(): void {
    if (this.is(T.DocumentEnd)) this.scanner.getToken();
    this.anchors = new Map();
  }

  private directives(): void {
    let version = false;
    const handles: Record<string, string> = {};
    while (this.is(T.Directive)) {
      const token = this.scanner.getToken();
      if (token.value === 'YAML') {
        if (version) this.fail('found duplicate YAML directive', token.start);
        if (token.major !== 1) this.fail('found incompatible YAML document (version 1.* is required)', token.start);
        version = true;
      } else if (token.value === 'TAG') {
        const handle = token.handle!;
        if (Object.hasOwn(handles, handle)) this.fail(`duplicate tag handle '${handle}'`, token.start);
        handles[handle] = token.suffix!;
      }
    }
    for (const [handle, prefix] of Object.entries(DEFAULT_HANDLES)) if (!Object.hasOwn(handles, handle)) handles[handle] = prefix;
    this.handles = handles;
  }

  private blockNode(indentless = false): N {
    return this.node(true, indentless);
  }

  /** parse_node + compose_node. */
  private node(block: boolean, indentless = false): N {
    if (this.is(T.Alias)) {
      const token = this.scanner.getToken();
      this.build.anchorOrAlias(token.start);
      const target = this.anchors.get(token.value!);
      if (!target) this.fail(`found undefined alias '${token.value}'`, token.start);
      return target;
    }
    let anchor: Token | undefined;
    let tagToken: Token | undefined;
    if (this.is(T.Anchor)) {
      anchor = this.scanner.getToken();
      if (this.is(T.Tag)) tagToken = this.scanner.getToken();
    } else if (this.is(T.Tag)) {
      tagToken = this.scanner.getToken();
      if (this.is(T.Anchor)) anchor = this.scanner.getToken();
    }
    const propsStart = anchor && tagToken ? Math.min(anchor.start, tagToken.start) : (anchor ?? tagToken)?.start;
    let tag: string | undefined;
    if (tagToken) {
      const handle = tagToken.handle;
      if (handle !== null && handle !== undefined) {
        if (!Object.hasOwn(this.handles, handle)) this.fail(`found undefined tag handle '${handle}'`, tagToken.start, 'while parsing a node', propsStart);
        tag = this.handles[handle] + tagToken.suffix;
      } else tag = tagToken.suffix;
    }
    if (anchor) {
      this.build.anchorOrAlias(anchor.start);
      this.hasAnchors = true;
      if (this.anchors.has(anchor.value!)) this.fail(`found duplicate anchor '${anchor.value}'`, anchor.start, 'first occurrence', (this.anchors.get(anchor.value!) as { start?: number }).start);
    }
    const nonSpecific = tag === undefined || tag === '!';
    const next = this.scanner.peekToken();
    if (next.type === T.Scalar) {
      this.scanner.getToken();
      let resolved: string;
      if ((next.plain && tag === undefined) || tag === '!') resolved = `${TAG}${resolvePlain(next.value!)}`;
      else resolved = tag ?? `${TAG}str`;
      return this.register(anchor, this.build.scalar(resolved, next.value!, next.style!, next.start, next.end));
    }
    let fill: ((c: CollectionBuilder<N>) => N) | undefined;
    let mapping = false;
    if (indentless && next.type === T.BlockEntry) fill = (c) => this.indentlessSequence(c);
    else if (next.type === T.FlowSequenceStart) fill = (c) => this.flowSequence(c);
    else if (block && next.type === T.BlockSequenceStart) fill = (c) => this.blockSequence(c);
    else if (next.type === T.FlowMappingStart) [fill, mapping] = [(c) => this.flowMapping(c), true];
    else if (block && next.type === T.BlockMappingStart) [fill, mapping] = [(c) => this.blockMapping(c), true];
    if (fill) {
      const collection = mapping ? this.build.mapping(nonSpecific ? `${TAG}map` : tag!, next.start, next.end) : this.build.sequence(nonSpecific ? `${TAG}seq` : tag!, next.start, next.end);
      this.register(anchor, collection.node);
      if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels (PyYAML stops with a RecursionError on such documents)`, next.start);
      const closed = fill(collection);
      this.depth--;
      return closed;
    }
    if (anchor || tagToken) {
      const at = tagToken && anchor ? Math.max(tagToken.end, anchor.end) : (tagToken ?? anchor)!.end;
      return this.register(anchor, this.empty(at, tag));
    }
    return this.fail(`expected the node content, but found '${TOKEN_NAMES[next.type]}'`, next.start, `while parsing a ${block ? 'block' : 'flow'} node`, propsStart ?? next.start);
  }

  private register(anchor: Token | undefined, node: N): N {
    if (anchor) this.anchors.set(anchor.value!, node);
    return node;
  }

  /** process_empty_scalar: a plain '' (null), or '' under an explicit tag. */
  private empty(at: number, tag?: string): N {
    return this.build.scalar(tag === undefined || tag === '!' ? `${TAG}${resolvePlain('')}` : tag, '', '', at, at);
  }

  private blockSequence(node: CollectionBuilder<N>): N {
    const start = this.scanner.getToken();
    while (this.is(T.BlockEntry)) {
      const entry = this.scanner.getToken();
      node.add(this.isAny(T.BlockEntry, T.BlockEnd) ? this.empty(entry.end) : this.blockNode());
    }
    if (!this.is(T.BlockEnd)) {
      const t = this.scanner.peekToken();
      this.fail(`expected <block end>, but found '${TOKEN_NAMES[t.type]}'`, t.start, 'while parsing a block collection', start.start);
    }
    return node.close(this.scanner.getToken().end);
  }

  private indentlessSequence(node: CollectionBuilder<N>): N {
    while (this.is(T.BlockEntry)) {
      const entry = this.scanner.getToken();
      node.add(this.isAny(T.BlockEntry, T.Key, T.Value, T.BlockEnd) ? this.empty(entry.end) : this.blockNode());
    }
    return node.close(this.scanner.peekToken().start);
  }

  private blockMapping(node: CollectionBuilder<N>): N {
    const start = this.scanner.getToken();
    for (;;) {
      let key: N;
      if (this.is(T.Key)) {
        const token = this.scanner.getToken();
        key = this.isAny(T.Key, T.Value, T.BlockEnd) ? this.empty(token.end) : this.blockNode(true);
      } else {
        if (!this.is(T.BlockEnd)) {
          const t = this.scanner.peekToken();
          this.fail(`expected <block end>, but found '${TOKEN_NAMES[t.type]}'`, t.start, 'while parsing a block mapping', start.start);
        }
        return node.close(this.scanner.getToken().end);
      }
      let value: N;
      if (this.is(T.Value)) {
        const token = this.scanner.getToken();
        value = this.isAny(T.Key, T.Value, T.BlockEnd) ? this.empty(token.end) : this.blockNode(true);
      } else value = this.empty(this.scanner.peekToken().start);
      node.add(key, value);
    }
  }

  private flowSequence(node: CollectionBuilder<N>): N {
    const start = this.scanner.getToken();
    let first = true;
    while (!this.is(T.FlowSequenceEnd)) {
      if (!first) {
        if (this.is(T.FlowEntry)) this.scanner.getToken();
        else {
          const t = this.scanner.peekToken();
          this.fail(`expected ',' or ']', but got '${TOKEN_NAMES[t.type]}'`, t.start, 'while parsing a flow sequence', start.start);
        }
      }
      first = false;
      if (this.is(T.Key)) {
        // A single-pair mapping inside a flow sequence: [a: b], [? a : b]
        const keyToken = this.scanner.getToken();
        const pair = this.build.mapping(`${TAG}map`, keyToken.start, keyToken.end);
        const key = this.isAny(T.Value, T.FlowEntry, T.FlowSequenceEnd) ? this.empty(keyToken.end) : this.node(false);
        let value: N;
        if (this.is(T.Value)) {
          const token = this.scanner.getToken();
          value = this.isAny(T.FlowEntry, T.FlowSequenceEnd) ? this.empty(token.end) : this.node(false);
        } else value = this.empty(this.scanner.peekToken().start);
        pair.add(key, value);
        node.add(pair.close(this.scanner.peekToken().start));
      } else if (!this.is(T.FlowSequenceEnd)) node.add(this.node(false));
    }
    return node.close(this.scanner.getToken().end);
  }

  private flowMapping(node: CollectionBuilder<N>): N {
    const start = this.scanner.getToken();
    let first = true;
    while (!this.is(T.FlowMappingEnd)) {
      if (!first) {
        if (this.is(T.FlowEntry)) this.scanner.getToken();
        else {
          const t = this.scanner.peekToken();
          this.fail(`expected ',' or '}', but got '${TOKEN_NAMES[t.type]}'`, t.start, 'while parsing a flow mapping', start.start);
        }
      }
      first = false;
      if (this.is(T.Key)) {
        const keyToken = this.scanner.getToken();
        const key = this.isAny(T.Value, T.FlowEntry, T.FlowMappingEnd) ? this.empty(keyToken.end) : this.node(false);
        let value: N;
        if (this.is(T.Value)) {
          const token = this.scanner.getToken();
          value = this.isAny(T.FlowEntry, T.FlowMappingEnd) ? this.empty(token.end) : this.node(false);
        } else value = this.empty(this.scanner.peekToken().start);
        node.add(key, value);
      } else if (!this.is(T.FlowMappingEnd)) {
        const key = this.node(false);
        node.add(key, this.empty(this.scanner.peekToken().start));
      }
    }
    return node.close(this.scanner.getToken().end);
  }
}

/** Composes `text` like yaml.safe_load's get_single_node (undefined root: an empty stream). */
export function composeSingle(text: string): ComposedDocument;
export function composeSingle<N>(text: string, build: NodeBuilder<N>): ComposedDocument<N>;
export function composeSingle<N>(text: string, build?: NodeBuilder<N>): ComposedDocument<N | YamlNode> {
  return new Composer<N | YamlNode>(text, (build ?? NODES) as NodeBuilder<N | YamlNode>).single();
}
