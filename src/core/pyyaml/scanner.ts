// A YAML 1.1 scanner that follows PyYAML 6's scanner.py rule by rule (not the YAML 1.2 grammar):
// tabs never start a token, anchors end at `:` `,` `]` `}` …, `?` and `:` in flow context are
// indicators even before a non-space, a block scalar counts only the breaks present in the text.
// Positions are UTF-16 offsets (what editors use); columns and the simple-key length limit count
// code points, and U+FEFF is not counted in a column, as in PyYAML's Reader.
import { YamlError } from './yamlError';

export const enum T {
  StreamStart,
  StreamEnd,
  Directive,
  DocumentStart,
  DocumentEnd,
  BlockSequenceStart,
  BlockMappingStart,
  BlockEnd,
  FlowSequenceStart,
  FlowMappingStart,
  FlowSequenceEnd,
  FlowMappingEnd,
  Key,
  Value,
  BlockEntry,
  FlowEntry,
  Alias,
  Anchor,
  Tag,
  Scalar,
}

/** PyYAML's token ids, as its error messages name them. */
export const TOKEN_NAMES = [
  '<stream start>', '<stream end>', '<directive>', '<document start>', '<document end>', '<block sequence start>',
  '<block mapping start>', '<block end>', '[', '{', ']', '}', '?', ':', '-', ',', '<alias>', '<anchor>', '<tag>', '<scalar>',
];

export interface Token {
  type: T;
  start: number;
  end: number;
  /** Scalar text, anchor/alias name, directive name. */
  value?: string;
  plain?: boolean;
  /** Scalar style: '' plain, `'`, `"`, `|`, `>`. */
  style?: string;
  /** Tag token: handle (null for a verbatim `!<…>`) and suffix; TAG directive: handle and prefix. */
  handle?: string | null;
  suffix?: string;
  /** YAML directive version. */
  major?: number;
  minor?: number;
}

interface SimpleKey {
  tokenNumber: number;
  required: boolean;
  cp: number;
  line: number;
  column: number;
  offset: number;
}

const NUL = 0;
const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;
const NEL = 0x85;
const LS = 0x2028;
const PS = 0x2029;
const BOM = 0xfeff;

/** '\r\n\x85\u2028\u2029' */
function isBreak(c: number): boolean {
  return c === LF || c === CR || c === NEL || c === LS || c === PS;
}
/** '\0\r\n\x85\u2028\u2029' */
function isBreakZ(c: number): boolean {
  return c === NUL || isBreak(c);
}
/** '\0 \t\r\n\x85\u2028\u2029' */
function isBlankZ(c: number): boolean {
  return c === SP || c === TAB || isBreakZ(c);
}
/** '\0 \r\n\x85\u2028\u2029' (PyYAML's set after directives, tags, block scalar headers: no tab) */
function isSpaceZ(c: number): boolean {
  return c === SP || isBreakZ(c);
}
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
const URI_CHARS = new Set([..."-;/?:@&=+$,_.!~*'()[]%"].map((c) => c.charCodeAt(0)));
const ANCHOR_END = new Set([...'?:,]}%@`'].map((c) => c.charCodeAt(0)));
const PLAIN_FIRST_EXCLUDED = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\x08', t: '\t', '\t': '\t', n: '\n', v: '\x0b', f: '\x0c', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '\\': '\\', '/': '/', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const ESCAPE_CODES: Record<string, number> = { x: 2, u: 4, U: 8 };

function describe(c: number, s: string, at: number): string {
  if (c === NUL && at >= s.length) return "'\\x00' (end of file)";
  return JSON.stringify(String.fromCodePoint(s.codePointAt(at) ?? 0)).replace(/^"|"$/g, "'");
}

export class Scanner {
  private p = 0;
  private line = 0;
  private column = 0;
  /** Code points consumed (PyYAML's Reader.index). */
  private cp = 0;
  private done = false;
  private flowLevel = 0;
  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensTaken = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private allowSimpleKey = true;
  private readonly possibleSimpleKeys = new Map<number, SimpleKey>();

  constructor(private readonly s: string) {
    this.tokens.push({ type: T.StreamStart, start: 0, end: 0 });
  }

  private ch(k = 0): number {
    return this.s.charCodeAt(this.p + k) || NUL;
  }

  private fail(context: string | undefined, contextAt: number | undefined, problem: string, at = this.p): never {
    throw new YamlError(problem, at, context, contextAt);
  }

  private forward(n = 1): void {
    const s = this.s;
    for (; n > 0; n--) {
      const c = s.charCodeAt(this.p++);
      if (c >= 0xdc00 && c <= 0xdfff && this.p >= 2 && (s.charCodeAt(this.p - 2) & 0xfc00) === 0xd800) continue;
      this.cp++;
      if (c === LF || c === NEL || c === LS || c === PS || (c === CR && s.charCodeAt(this.p) !== LF)) {
        this.line++;
        this.column = 0;
      } else if (c !== BOM) this.column++;
    }
  }

  private prefixIs(text: string): boolean {
    return this.s.startsWith(text, this.p);
  }

  // --- the token queue -------------------------------------------------------------------------

  peekToken(): Token {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  check(type: T): boolean {
    return this.peekToken().type === type;
  }

  getToken(): Token {
    const token = this.peekToken();
    this.tokens[this.head++] = undefined as unknown as Token;
    this.tokensTaken++;
    if (this.head > 64 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
    return token;
  }

  private queued(): number {
    return this.tokens.length - this.head;
  }

  private needMoreTokens(): boolean {
    if (this.done) return false;
    if (this.queued() === 0) return true;
    this.staleSimpleKeys();
    return this.nextPossibleSimpleKey() === this.tokensTaken;
  }

  private fetchMoreTokens(): void {
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unwindIndent(this.column);
    const c = this.ch();
    switch (c) {
      case NUL:
        return this.fetchStreamEnd();
      case 37: // %
        if (this.column === 0) return this.fetchDirective();
        break;
      case 45: // -
        if (this.checkDocumentIndicator('---')) return this.fetchDocumentIndicator(T.DocumentStart);
        if (isBlankZ(this.ch(1))) return this.fetchBlockEntry();
        break;
      case 46: // .
        if (this.checkDocumentIndicator('...')) return this.fetchDocumentIndicator(T.DocumentEnd);
        break;
      case 91: // [
        return this.fetchFlowCollectionStart(T.FlowSequenceStart);
      case 123: // {
        return this.fetchFlowCollectionStart(T.FlowMappingStart);
      case 93: // ]
        return this.fetchFlowCollectionEnd(T.FlowSequenceEnd);
      case 125: // }
        return this.fetchFlowCollectionEnd(T.FlowMappingEnd);
      case 44: // ,
        return this.fetchFlowEntry();
      case 63: // ?
        if (this.flowLevel || isBlankZ(this.ch(1))) return this.fetchKey();
        break;
      case 58: // :
        if (this.flowLevel || isBlankZ(this.ch(1))) return this.fetchValue();
        break;
      case 42: // *
        return this.fetchAnchor(T.Alias);
      case 38: // &
        return this.fetchAnchor(T.Anchor);
      case 33: // !
        return this.fetchTag();
      case 124: // |
        if (!this.flowLevel) return this.fetchBlockScalar(true);
        break;
      case 62: // >
        if (!this.flowLevel) return this.fetchBlockScalar(false);
        break;
      case 39: // '
        return this.fetchFlowScalar(false);
      case 34: // "
        return this.fetchFlowScalar(true);
    }
    if (this.checkPlain()) return this.fetchPlain();
    this.fail('while scanning for the next token', undefined, `found character ${describe(c, this.s, this.p)} that cannot start any token`);
  }

  // --- simple keys -----------------------------------------------------------------------------

  private nextPossibleSimpleKey(): number | undefined {
    let min: number | undefined;
    for (const key of this.possibleSimpleKeys.values()) if (min === undefined || key.tokenNumber < min) min = key.tokenNumber;
    return min;
  }

  private staleSimpleKeys(): void {
    if (this.possibleSimpleKeys.size === 0) return;
    for (const [level, key] of this.possibleSimpleKeys) {
      if (key.line !== this.line || this.cp - key.cp > 1024) {
        if (key.required) this.fail('while scanning a simple key', key.offset, "could not find expected ':'");
        this.possibleSimpleKeys.delete(level);
      }
    }
  }

  private saveSimpleKey(): void {
    const required = !this.flowLevel && this.indent === this.column;
    if (this.allowSimpleKey) {
      this.removeSimpleKey();
      this.possibleSimpleKeys.set(this.flowLevel, { tokenNumber: this.tokensTaken + this.queued(), required, cp: this.cp, line: this.line, column: this.column, offset: this.p });
    }
  }

  private removeSimpleKey(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (key) {
      if (key.required) this.fail('while scanning a simple key', key.offset, "could not find expected ':'");
      this.possibleSimpleKeys.delete(this.flowLevel);
    }
  }

  // --- indentation -----------------------------------------------------------------------------

  private unwindIndent(column: number): void {
    if (this.flowLevel) return;
    while (this.indent > column) {
      this.indent = this.indents.pop()!;
      this.tokens.push({ type: T.BlockEnd, start: this.p, end: this.p });
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      return true;
    }
    return false;
  }

  // --- fetchers --------------------------------------------------------------------------------

  private simple(type: T, length = 1): void {
    const start = this.p;
    this.forward(length);
    this.tokens.push({ type, start, end: this.p });
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.possibleSimpleKeys.clear();
    this.tokens.push({ type: T.StreamEnd, start: this.p, end: this.p });
    this.done = true;
  }

  private fetchDirective(): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanDirective());
  }

  private checkDocumentIndicator(text: string): boolean {
    return this.column === 0 && this.prefixIs(text) && isBlankZ(this.ch(3));
  }

  private fetchDocumentIndicator(type: T): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.simple(type, 3);
  }

  private fetchFlowCollectionStart(type: T): void {
    this.saveSimpleKey();
    this.flowLevel++;
    this.allowSimpleKey = true;
    this.simple(type);
  }

  private fetchFlowCollectionEnd(type: T): void {
    this.removeSimpleKey();
    // PyYAML lets the level go negative on a stray `]`/`}`; the parser then refuses the token.
    this.flowLevel--;
    this.allowSimpleKey = false;
    this.simple(type);
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.simple(T.FlowEntry);
  }

  private fetchBlockEntry(): void {
    if (!this.flowLevel) {
      if (!this.allowSimpleKey) this.fail(undefined, undefined, 'sequence entries are not allowed here');
      if (this.addIndent(this.column)) this.tokens.push({ type: T.BlockSequenceStart, start: this.p, end: this.p });
    }
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.simple(T.BlockEntry);
  }

  private fetchKey(): void {
    if (!this.flowLevel) {
      if (!this.allowSimpleKey) this.fail(undefined, undefined, 'mapping keys are not allowed here');
      if (this.addIndent(this.column)) this.tokens.push({ type: T.BlockMappingStart, start: this.p, end: this.p });
    }
    this.allowSimpleKey = !this.flowLevel;
    this.removeSimpleKey();
    this.simple(T.Key);
  }

  private fetchValue(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (key) {
      this.possibleSimpleKeys.delete(this.flowLevel);
      const at = this.head + key.tokenNumber - this.tokensTaken;
      this.tokens.splice(at, 0, { type: T.Key, start: key.offset, end: key.offset });
      if (!this.flowLevel && this.addIndent(key.column)) this.tokens.splice(at, 0, { type: T.BlockMappingStart, start: key.offset, end: key.offset });
      this.allowSimpleKey = false;
    } else {
      if (!this.flowLevel) {
        if (!this.allowSimpleKey) this.fail(undefined, undefined, 'mapping values are not allowed here');
        if (this.addIndent(this.column)) this.tokens.push({ type: T.BlockMappingStart, start: this.p, end: this.p });
      }
      this.allowSimpleKey = !this.flowLevel;
      this.removeSimpleKey();
    }
    this.simple(T.Value);
  }

  private fetchAnchor(type: T.Alias | T.Anchor): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.tokens.push(this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(double: boolean): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanFlowScalar(double));
  }

  private fetchPlain(): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanPlain());
  }

  private checkPlain(): boolean {
    const c = this.ch();
    if (!isBlankZ(c) && !PLAIN_FIRST_EXCLUDED.has(c)) return true;
    return !isBlankZ(this.ch(1)) && (c === 45 || (!this.flowLevel && (c === 63 || c === 58)));
  }

  // --- scanners --------------------------------------------------------------------------------

  private scanToNextToken(): void {
    if (this.p === 0 && this.ch() === BOM) this.forward();
    for (;;) {
      while (this.ch() === SP) this.forward();
      if (this.ch() === 35) while (!isBreakZ(this.ch())) this.forward();
      if (this.scanLineBreak()) {
        if (!this.flowLevel) this.allowSimpleKey = true;
      } else return;
    }
  }

  /** Consumes one line break; '\n' for CR, LF, CRLF and NEL, the character itself for LS/PS, '' for none. */
  private scanLineBreak(): string {
    const c = this.ch();
    if (c === CR || c === LF || c === NEL) {
      this.forward(c === CR && this.ch(1) === LF ? 2 : 1);
      return '\n';
    }
    if (c === LS || c === PS) {
      this.forward();
      return String.fromCharCode(c);
    }
    return '';
  }

  private scanDirective(): Token {
    const start = this.p;
    this.forward();
    const name = this.scanDirectiveName(start);
    const token: Token = { type: T.Directive, start, end: start, value: name };
    if (name === 'YAML') {
      while (this.ch() === SP) this.forward();
      token.major = this.scanVersionNumber(start);
      if (this.ch() !== 46) this.fail('while scanning a directive', start, `expected a digit or '.', but found ${describe(this.ch(), this.s, this.p)}`);
      this.forward();
      token.minor = this.scanVersionNumber(start);
      if (!isSpaceZ(this.ch())) this.fail('while scanning a directive', start, `expected a digit or ' ', but found ${describe(this.ch(), this.s, this.p)}`);
      token.end = this.p;
    } else if (name === 'TAG') {
      while (this.ch() === SP) this.forward();
      token.handle = this.scanTagHandle('directive', start);
      if (this.ch() !== SP) this.fail('while scanning a directive', start, `expected ' ', but found ${describe(this.ch(), this.s, this.p)}`);
      while (this.ch() === SP) this.forward();
      token.suffix = this.scanTagUri('directive', start);
      if (!isSpaceZ(this.ch())) this.fail('while scanning a directive', start, `expected ' ', but found ${describe(this.ch(), this.s, this.p)}`);
      token.end = this.p;
    } else {
      token.end = this.p;
      while (!isBreakZ(this.ch())) this.forward();
    }
    while (this.ch() === SP) this.forward();
    if (this.ch() === 35) while (!isBreakZ(this.ch())) this.forward();
    if (!isBreakZ(this.ch())) this.fail('while scanning a directive', start, `expected a comment or a line break, but found ${describe(this.ch(), this.s, this.p)}`);
    this.scanLineBreak();
    return token;
  }

  private scanDirectiveName(start: number): string {
    let n = 0;
    while (isWordChar(this.ch(n))) n++;
    if (!n || !isSpaceZ(this.ch(n))) {
      this.forward(n);
      this.fail('while scanning a directive', start, `expected alphabetic or numeric character, but found ${describe(this.ch(), this.s, this.p)}`);
    }
    const name = this.s.slice(this.p, this.p + n);
    this.forward(n);
    return name;
  }

  private scanVersionNumber(start: number): number {
    if (!(this.ch() >= 48 && this.ch() <= 57)) this.fail('while scanning a directive', start, `expected a digit, but found ${describe(this.ch(), this.s, this.p)}`);
    let n = 0;
    while (this.ch(n) >= 48 && this.ch(n) <= 57) n++;
    const value = Number(this.s.slice(this.p, this.p + n));
    this.forward(n);
    return value;
  }

  private scanAnchor(type: T.Alias | T.Anchor): Token {
    const start = this.p;
    const what = type === T.Alias ? 'alias' : 'anchor';
    this.forward();
    let n = 0;
    while (isWordChar(this.ch(n))) n++;
    const end = this.ch(n);
    if (!n || !(isBlankZ(end) || ANCHOR_END.has(end))) {
      this.forward(n);
      this.fail(`while scanning an ${what}`, start, `expected alphabetic or numeric character, but found ${describe(this.ch(), this.s, this.p)}`);
    }
    const value = this.s.slice(this.p, this.p + n);
    this.forward(n);
    return { type, start, end: this.p, value };
  }

  private scanTag(): Token {
    const start = this.p;
    const next = this.ch(1);
    let handle: string | null;
    let suffix: string;
    if (next === 60) {
      // !<verbatim>
      handle = null;
      this.forward(2);
      suffix = this.scanTagUri('tag', start);
      if (this.ch() !== 62) this.fail('while parsing a tag', start, `expected '>', but found ${describe(this.ch(), this.s, this.p)}`);
      this.forward();
    } else if (isBlankZ(next)) {
      handle = null;
      suffix = '!';
      this.forward();
    } else {
      let n = 1;
      let useHandle = false;
      for (let c = next; !isSpaceZ(c); c = this.ch(++n)) {
        if (c === 33) {
          useHandle = true;
          break;
        }
      }
      if (useHandle) handle = this.scanTagHandle('tag', start);
      else {
        handle = '!';
        this.forward();
      }
      suffix = this.scanTagUri('tag', start);
    }
    if (!isSpaceZ(this.ch())) this.fail('while scanning a tag', start, `expected ' ', but found ${describe(this.ch(), this.s, this.p)}`);
    return { type: T.Tag, start, end: this.p, handle, suffix };
  }

  private scanTagHandle(what: string, start: number): string {
    if (this.ch() !== 33) this.fail(`while scanning a ${what}`, start, `expected '!', but found ${describe(this.ch(), this.s, this.p)}`);
    let n = 1;
    if (this.ch(n) !== SP) {
      while (isWordChar(this.ch(n))) n++;
      if (this.ch(n) !== 33) {
        this.forward(n);
        this.fail(`while scanning a ${what}`, start, `expected '!', but found ${describe(this.ch(), this.s, this.p)}`);
      }
      n++;
    }
    const value = this.s.slice(this.p, this.p + n);
    this.forward(n);
    return value;
  }

  private scanTagUri(what: string, start: number): string {
    let out = '';
    let n = 0;
    let c = this.ch();
    while (isWordChar(c) || URI_CHARS.has(c)) {
      if (c === 37) {
        out += this.s.slice(this.p, this.p + n);
        this.forward(n);
        n = 0;
        out += this.scanUriEscapes(what, start);
      } else n++;
      c = this.ch(n);
    }
    if (n) {
      out += this.s.slice(this.p, this.p + n);
      this.forward(n);
    }
    if (!out) this.fail(`while parsing a ${what}`, start, `expected URI, but found ${describe(c, this.s, this.p + n)}`);
    return out;
  }

  private scanUriEscapes(what: string, start: number): string {
    const bytes: number[] = [];
    const at = this.p;
    while (this.ch() === 37) {
      this.forward();
      for (let k = 0; k < 2; k++) {
        if (!isHex(this.ch(k))) this.fail(`while scanning a ${what}`, start, `expected URI escape sequence of 2 hexadecimal numbers, but found ${describe(this.ch(k), this.s, this.p + k)}`);
      }
      bytes.push(parseInt(this.s.slice(this.p, this.p + 2), 16));
      this.forward(2);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return this.fail(`while scanning a ${what}`, start, "'utf-8' codec can't decode the escaped bytes", at);
    }
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.p;
    this.forward();
    // Header: chomping (+ keep, - strip) and indentation indicator, either order.
    let chomping: boolean | undefined;
    let increment: number | undefined;
    let c = this.ch();
    const digit = (): void => {
      increment = this.ch() - 48;
      if (increment === 0) this.fail('while scanning a block scalar', start, 'expected indentation indicator in the range 1-9, but found 0');
      this.forward();
    };
    if (c === 43 || c === 45) {
      chomping = c === 43;
      this.forward();
      if (this.ch() >= 48 && this.ch() <= 57) digit();
    } else if (c >= 48 && c <= 57) {
      digit();
      c = this.ch();
      if (c === 43 || c === 45) {
        chomping = c === 43;
        this.forward();
      }
    }
    if (!isSpaceZ(this.ch())) this.fail('while scanning a block scalar', start, `expected chomping or indentation indicators, but found ${describe(this.ch(), this.s, this.p)}`);
    while (this.ch() === SP) this.forward();
    if (this.ch() === 35) while (!isBreakZ(this.ch())) this.forward();
    if (!isBreakZ(this.ch())) this.fail('while scanning a block scalar', start, `expected a comment or a line break, but found ${describe(this.ch(), this.s, this.p)}`);
    this.scanLineBreak();

    const minIndent = Math.max(this.indent + 1, 1);
    let indent: number;
    let breaks: string[];
    let end: number;
    if (increment === undefined) {
      // Auto-detected indentation: the deepest run of leading spaces over the leading empty lines.
      breaks = [];
      let maxIndent = 0;
      end = this.p;
      while (this.ch() === SP || isBreak(this.ch())) {
        if (this.ch() !== SP) {
          breaks.push(this.scanLineBreak());
          end = this.p;
        } else {
          this.forward();
          if (this.column > maxIndent) maxIndent = this.column;
        }
      }
      indent = Math.max(minIndent, maxIndent);
    } else {
      indent = minIndent + increment - 1;
      [breaks, end] = this.scanBlockScalarBreaks(indent);
    }
    const chunks: string[] = [];
    let lineBreak = '';
    while (this.column === indent && this.ch() !== NUL) {
      chunks.push(...breaks);
      const leadingNonSpace = this.ch() !== SP && this.ch() !== TAB;
      let n = 0;
      while (!isBreakZ(this.ch(n))) n++;
      chunks.push(this.s.slice(this.p, this.p + n));
      this.forward(n);
      lineBreak = this.scanLineBreak();
      [breaks, end] = this.scanBlockScalarBreaks(indent);
      if (this.column === indent && this.ch() !== NUL) {
        if (!literal && lineBreak === '\n' && leadingNonSpace && this.ch() !== SP && this.ch() !== TAB) {
          if (!breaks.length) chunks.push(' ');
        } else chunks.push(lineBreak);
      } else break;
    }
    if (chomping !== false) chunks.push(lineBreak);
    if (chomping === true) chunks.push(...breaks);
    return { type: T.Scalar, start, end, value: chunks.join(''), plain: false, style: literal ? '|' : '>' };
  }

  private scanBlockScalarBreaks(indent: number): [string[], number] {
    const chunks: string[] = [];
    let end = this.p;
    while (this.column < indent && this.ch() === SP) this.forward();
    while (isBreak(this.ch())) {
      chunks.push(this.scanLineBreak());
      end = this.p;
      while (this.column < indent && this.ch() === SP) this.forward();
    }
    return [chunks, end];
  }

  private scanFlowScalar(double: boolean): Token {
    const start = this.p;
    const quote = this.ch();
    this.forward();
    const chunks: string[] = [];
    this.scanFlowScalarNonSpaces(double, start, chunks);
    while (this.ch() !== quote) {
      this.scanFlowScalarSpaces(start, chunks);
      this.scanFlowScalarNonSpaces(double, start, chunks);
    }
    this.forward();
    return { type: T.Scalar, start, end: this.p, value: chunks.join(''), plain: false, style: double ? '"' : "'" };
  }

  private scanFlowScalarNonSpaces(double: boolean, start: number, chunks: string[]): void {
    for (;;) {
      let n = 0;
      for (let c = this.ch(); c !== 39 && c !== 34 && c !== 92 && !isBlankZ(c); c = this.ch(++n));
      if (n) {
        chunks.push(this.s.slice(this.p, this.p + n));
        this.forward(n);
      }
      const c = this.ch();
      if (!double && c === 39 && this.ch(1) === 39) {
        chunks.push("'");
        this.forward(2);
      } else if ((double && c === 39) || (!double && (c === 34 || c === 92))) {
        chunks.push(String.fromCharCode(c));
        this.forward();
      } else if (double && c === 92) {
        this.forward();
        const e = this.s[this.p] ?? '\0';
        const code = this.ch();
        if (e in ESCAPES && code !== NUL) {
          chunks.push(ESCAPES[e]);
          this.forward();
        } else if (e in ESCAPE_CODES) {
          const length = ESCAPE_CODES[e];
          this.forward();
          for (let k = 0; k < length; k++) {
            if (!isHex(this.ch(k))) this.fail('while scanning a double-quoted scalar', start, `expected escape sequence of ${length} hexadecimal numbers, but found ${describe(this.ch(k), this.s, this.p + k)}`);
          }
          const value = parseInt(this.s.slice(this.p, this.p + length), 16);
          // Python's chr() refuses code points past U+10FFFF (a ValueError, not a YAML error).
          if (value > 0x10ffff) this.fail('while scanning a double-quoted scalar', start, `chr() arg not in range(0x110000): \\${e}${this.s.slice(this.p, this.p + length)}`);
          chunks.push(String.fromCodePoint(value));
          this.forward(length);
        } else if (isBreak(code)) {
          this.scanLineBreak();
          this.scanFlowScalarBreaks(start, chunks);
        } else this.fail('while scanning a double-quoted scalar', start, `found unknown escape character ${describe(code, this.s, this.p)}`);
      } else return;
    }
  }

  private scanFlowScalarSpaces(start: number, chunks: string[]): void {
    let n = 0;
    while (this.ch(n) === SP || this.ch(n) === TAB) n++;
    const whitespace = this.s.slice(this.p, this.p + n);
    this.forward(n);
    const c = this.ch();
    if (c === NUL) this.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
    if (isBreak(c)) {
      const lineBreak = this.scanLineBreak();
      const breaks: string[] = [];
      this.scanFlowScalarBreaks(start, breaks);
      if (lineBreak !== '\n') chunks.push(lineBreak);
      else if (!breaks.length) chunks.push(' ');
      chunks.push(...breaks);
    } else chunks.push(whitespace);
  }

  private scanFlowScalarBreaks(start: number, chunks: string[]): void {
    for (;;) {
      if ((this.prefixIs('---') || this.prefixIs('...')) && isBlankZ(this.ch(3))) this.fail('while scanning a quoted scalar', start, 'found unexpected document separator');
      while (this.ch() === SP || this.ch() === TAB) this.forward();
      if (isBreak(this.ch())) chunks.push(this.scanLineBreak());
      else return;
    }
  }

  private scanPlain(): Token {
    const chunks: string[] = [];
    const start = this.p;
    let end = start;
    const indent = this.indent + 1;
    let spaces: string[] | undefined = [];
    const flow = this.flowLevel > 0;
    for (;;) {
      if (this.ch() === 35) break;
      let n = 0;
      for (;;) {
        const c = this.ch(n);
        if (isBlankZ(c)) break;
        if (c === 58) {
          const d = this.ch(n + 1);
          if (isBlankZ(d) || (flow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125))) break;
        }
        if (flow && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125)) break;
        n++;
      }
      if (n === 0) break;
      this.allowSimpleKey = false;
      chunks.push(...spaces);
      chunks.push(this.s.slice(this.p, this.p + n));
      this.forward(n);
      end = this.p;
      spaces = this.scanPlainSpaces();
      if (!spaces || !spaces.length || this.ch() === 35 || (!flow && this.column < indent)) break;
    }
    return { type: T.Scalar, start, end, value: chunks.join(''), plain: true, style: '' };
  }

  private scanPlainSpaces(): string[] | undefined {
    let n = 0;
    while (this.ch(n) === SP) n++;
    const whitespace = this.s.slice(this.p, this.p + n);
    this.forward(n);
    const c = this.ch();
    if (isBreak(c)) {
      const lineBreak = this.scanLineBreak();
      this.allowSimpleKey = true;
      const separator = (): boolean => (this.prefixIs('---') || this.prefixIs('...')) && isBlankZ(this.ch(3));
      if (separator()) return undefined;
      const breaks: string[] = [];
      while (this.ch() === SP || isBreak(this.ch())) {
        if (this.ch() === SP) this.forward();
        else {
          breaks.push(this.scanLineBreak());
          if (separator()) return undefined;
        }
      }
      const chunks: string[] = [];
      if (lineBreak !== '\n') chunks.push(lineBreak);
      else if (!breaks.length) chunks.push(' ');
      chunks.push(...breaks);
      return chunks;
    }
    return whitespace ? [whitespace] : [];
  }
}
