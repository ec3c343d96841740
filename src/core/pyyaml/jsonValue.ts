/** A span of source text as UTF-16 offsets (the units of JS strings and of VS Code's positionAt). */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * A JSON-level value as Python's json module sees it: Python `int` is a bigint, Python `float` a
 * number, so `1` and `1.0` stay distinct all the way to the serialized text.
 */
export type JScalar = null | boolean | bigint | number | string;

export interface JEntry {
  key: string;
  keyRange?: SourceRange;
  value: JNode;
}

export type JNode =
  | { kind: 'scalar'; value: JScalar; range?: SourceRange }
  | { kind: 'array'; items: JNode[]; range?: SourceRange }
  /** Entries are in serialization order (Python's sort of the original keys). */
  | { kind: 'object'; entries: JEntry[]; range?: SourceRange }
  /** Something PyYAML loads but json.dumps rejects (a date, bytes, a set, unsortable keys): an error when serialized. */
  | { kind: 'invalid'; message: string; range?: SourceRange };

export function scalar(value: JScalar, range?: SourceRange): JNode {
  return { kind: 'scalar', value, range };
}
