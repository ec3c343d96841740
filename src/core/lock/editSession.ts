// The editor's view of one profile buffer. A full YAML parse of a 5,000-key profile costs tens of
// milliseconds, too much per keystroke, so typing inside a plain scalar value (the common edit:
// a threshold) is applied to the loaded tree directly, with the same PyYAML resolution; anything
// else (structure, keys, quotes, anchors) falls back to a full parse before the next analysis.
import { InputError } from '../util/errors';
import { constructImplicit, type JNode, type JScalar, loadYaml11, type NormalizedProfile, resolvePlain, serializeLocated, sha256Hex, type SourceRange } from '../pyyaml';

/** One replacement, in offsets of the text before it. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

// A plain scalar whose edit cannot change the document's structure: no spaces, quotes, flow or
// comment characters, and not a lone `-` (which would start a sequence).
const SAFE_PLAIN = /^[A-Za-z0-9_.+~-](?:[A-Za-z0-9_.+~:-]*[A-Za-z0-9_.+~-])?$/;

function safePlain(s: string): boolean {
  return SAFE_PLAIN.test(s) && s !== '-';
}

/** The scalar value node (not a key) whose range contains [start, end]. */
function scalarAt(node: JNode, start: number, end: number): JNode | undefined {
  const r = node.range;
  if (!r || start < r.start || end > r.end) return undefined;
  if (node.kind === 'scalar') return node;
  if (node.kind === 'object') {
    for (const e of node.entries) {
      const hit = scalarAt(e.value, start, end);
      if (hit) return hit;
    }
  } else if (node.kind === 'array') {
    for (const item of node.items) {
      const hit = scalarAt(item, start, end);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Whether `offset` falls inside any key or scalar value (then a `#` there is text, not a comment). */
function insideNode(node: JNode, offset: number): boolean {
  const r = node.range;
  if (node.kind === 'scalar' || node.kind === 'invalid') return !!r && offset >= r.start && offset < r.end;
  if (node.kind === 'object') return node.entries.some((e) => (e.keyRange && offset >= e.keyRange.start && offset < e.keyRange.end) || insideNode(e.value, offset));
  return node.items.some((item) => insideNode(item, offset));
}

function shift(r: SourceRange | undefined, at: number, delta: number): void {
  if (!r) return;
  if (r.start >= at) r.start += delta;
  if (r.end >= at) r.end += delta;
}

function shiftAll(node: JNode, at: number, delta: number): void {
  shift(node.range, at, delta);
  if (node.kind === 'object') {
    for (const e of node.entries) {
      shift(e.keyRange, at, delta);
      shiftAll(e.value, at, delta);
    }
  } else if (node.kind === 'array') for (const item of node.items) shiftAll(item, at, delta);
}

export class ProfileEditSession {
  private text: string;
  private root: JNode | undefined;
  private hasAnchors = false;
  private error: InputError | undefined;
  private stale = true;
  private normalizedCache: NormalizedProfile | undefined;
  /** How many edits took the incremental path / needed a full parse (for tests and the bench). */
  readonly stats = { incremental: 0, full: 0 };

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.text = text;
  }

  /** Records an edit; `newText` is the whole buffer after it (the source of truth if the fast path declines). */
  applyEdit(edit: TextEdit, newText: string): void {
    if (!this.stale && this.root && this.tryComment(edit, newText)) {
      // Same value, same hash: only the ranges after the edit moved.
      this.stats.incremental++;
      this.text = newText;
      return;
    }
    this.normalizedCache = undefined;
    if (!this.stale && this.root && !this.hasAnchors && this.tryIncremental(edit, newText)) {
      this.stats.incremental++;
      this.text = newText;
      return;
    }
    this.text = newText;
    this.stale = true;
  }

  /** Typing inside a comment: after a `#` that starts a comment, on one line, outside every key and value. */
  private tryComment(edit: TextEdit, newText: string): boolean {
    if (/[\r\n]/.test(edit.text)) return false;
    const lineStart = this.text.lastIndexOf('\n', edit.offset - 1) + 1;
    const lineEnd = this.text.indexOf('\n', edit.offset);
    if (edit.offset + edit.length > (lineEnd < 0 ? this.text.length : lineEnd)) return false;
    const line = this.text.slice(lineStart, edit.offset);
    const hash = /(^|[ \t])#/.exec(line);
    if (!hash) return false;
    const at = lineStart + hash.index + hash[1].length;
    if (insideNode(this.root!, at)) return false;
    if (newText.length !== this.text.length + edit.text.length - edit.length) return false;
    const delta = edit.text.length - edit.length;
    if (delta !== 0) shiftAll(this.root!, edit.offset + edit.length, delta);
    return true;
  }

  /** Replaces the whole buffer (document opened, reverted, or several edits at once). */
  reset(text: string): void {
    this.text = text;
    this.stale = true;
    this.normalizedCache = undefined;
  }

  private tryIncremental(edit: TextEdit, newText: string): boolean {
    const end = edit.offset + edit.length;
    const node = scalarAt(this.root!, edit.offset, end);
    if (!node || node.kind !== 'scalar' || node === this.root || !node.range) return false;
    const { start, end: oldEnd } = node.range;
    const before = this.text.slice(start, oldEnd);
    const after = before.slice(0, edit.offset - start) + edit.text + before.slice(end - start);
    if (!safePlain(before) || !safePlain(after)) return false;
    if (newText.slice(start, start + after.length) !== after || newText.length !== this.text.length + after.length - before.length) return false;
    let value: JScalar | undefined;
    try {
      value = constructImplicit(resolvePlain(after), after);
    } catch {
      // text PyYAML cannot construct (e.g. `0b_`): left to the full parse, like the tags below
    }
    // undefined: not constructible, or a timestamp, merge key or value key, which is not plain data
    if (value === undefined) return false;
    const delta = after.length - before.length;
    if (delta !== 0) shiftAll(this.root!, oldEnd, delta);
    node.value = value;
    node.range.end = start + after.length;
    return true;
  }

  private load(): void {
    if (!this.stale) return;
    this.stale = false;
    this.stats.full++;
    try {
      const loaded = loadYaml11(this.text, this.file);
      // Serialized once here so that dates, mixed keys and the like surface now, with their location;
      // incremental edits cannot introduce such nodes (they fall back to this path).
      serializeLocated(loaded.root, this.text, this.file);
      this.root = loaded.root;
      this.hasAnchors = loaded.hasAnchors;
      this.error = undefined;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.root = undefined;
      this.error = err;
    }
  }

  /**
   * The current buffer as the lock tool would hash it; throws the InputError if it cannot be hashed.
   * The JSON text and hash are computed on first use: comparing with a schema-2 lock rarely needs them.
   */
  normalized(): NormalizedProfile {
    this.load();
    if (this.error) throw this.error;
    if (!this.normalizedCache) {
      const root = this.root!;
      const text = this.text;
      const file = this.file;
      let json: string | undefined;
      let sha256: string | undefined;
      this.normalizedCache = {
        root,
        hasAnchors: this.hasAnchors,
        get json() {
          return (json ??= serializeLocated(root, text, file));
        },
        get sha256() {
          return (sha256 ??= sha256Hex(this.json));
        },
      };
    }
    return this.normalizedCache;
  }

  currentText(): string {
    return this.text;
  }
}
