// Where each character of a YAML scalar's value was typed (src/core/gates/scalarOffsets.ts), so the
// gates editor marks a PromQL problem at its characters. Every expectation below is worked out by
// hand from the document's character positions (comments give them); undefined means "mark the
// whole scalar", the answer for a form the rebuild does not handle.
import assert from 'node:assert/strict';
import { isMap, parseDocument, Scalar } from 'yaml';
import { scalarOffsets } from '../../../src/core/gates/scalarOffsets';

/** The offsets of the value of key `q` in `text`, after checking the parser's value. */
function offsetsOf(text: string, value: string): number[] | undefined {
  const doc = parseDocument(text);
  assert.ok(isMap(doc.contents));
  const node = doc.contents.get('q', true) as Scalar;
  assert.equal(node.value, value, 'the parser’s value');
  return scalarOffsets(text, node);
}

/** A node as a parser in error recovery might leave it: value, style and range given. */
function node(value: string, type: Scalar['type'], range: [number, number, number]): Scalar {
  const s = new Scalar(value);
  s.type = type;
  s.range = range;
  return s;
}

describe('gates editor: the document offset of every character of a scalar', () => {
  describe('plain and quoted scalars', () => {
    it('a plain scalar: a line break folds to a space at the next line’s text, an empty line to a newline', () => {
      // q0 :1 _2 a3 b4 \n5 _6 _7 c8 d9 \n10 \n11 _12 _13 e14 f15 \n16
      assert.deepEqual(offsetsOf('q: ab\n  cd\n\n  ef\n', 'ab cd\nef'), [3, 4, 8, 8, 9, 14, 14, 15, 16]);
      // With CRLF line ends the \r is not part of a line: q0 :1 _2 a3 b4 \r5 \n6 _7 _8 c9 d10 \r11
      assert.deepEqual(offsetsOf('q: ab\r\n  cd\r\n', 'ab cd'), [3, 4, 9, 9, 10, 11]);
      // '' is two characters of a plain scalar, and a backslash is no escape there.
      assert.deepEqual(offsetsOf("q: a''b\n", "a''b"), [3, 4, 5, 6, 7]);
      assert.deepEqual(offsetsOf('q: a\\tb\n', 'a\\tb'), [3, 4, 5, 6, 7]);
    });

    it('a single-quoted scalar: inside the quotes, \'\' is one quote at the first of the two', () => {
      // '3 i4 t5 '6 '7 s8 \n9 _10 _11 o12 k13 '14
      assert.deepEqual(offsetsOf("q: 'it''s\n  ok'\n", "it's ok"), [4, 5, 6, 8, 12, 12, 13, 14]);
      // A PromQL regex's backslash is itself: '3 a4 \5 .6 b7 '8
      assert.deepEqual(offsetsOf("q: 'a\\.b'\n", 'a\\.b'), [4, 5, 6, 7, 8]);
    });

    it('a double-quoted scalar: each escape at its backslash, an escaped line break joins the lines', () => {
      // "3 a4 \5 t6 b7 \8 x9 4 1 \12 u13 00e9 \18 U19 0001F600 c28 \29 \n30 _31 _32 d33 "34; the emoji is two UTF-16 units.
      assert.deepEqual(offsetsOf('q: "a\\tb\\x41\\u00e9\\U0001F600c\\\n  d"\n', 'a\tbAé😀cd'), [4, 5, 7, 8, 12, 18, 18, 28, 33, 34]);
      // '' is not an escape between double quotes: "3 a4 '5 '6 b7 "8
      assert.deepEqual(offsetsOf('q: "a\'\'b"\n', "a''b"), [4, 5, 6, 7, 8]);
    });

    it('keeps the leading spaces of the first line, drops trailing ones before a break and the next line’s indentation', () => {
      // "3 _4 _5 a6 b7 \n8 _9 _10 c11 d12 "13
      assert.deepEqual(offsetsOf('q: "  ab\n  cd"\n', '  ab cd'), [4, 5, 6, 7, 11, 11, 12, 13]);
      // "3 a4 b5 _6 _7 \n8 _9 _10 c11 d12 "13
      assert.deepEqual(offsetsOf('q: "ab  \n  cd"\n', 'ab cd'), [4, 5, 11, 11, 12, 13]);
    });

    it('gives up (undefined) where the rebuilt value is not the parser’s', () => {
      // An escaped space before a line break is kept by YAML ("a  b"), not by the rebuild.
      assert.equal(offsetsOf('q: "a\\ \n b"\n', 'a  b'), undefined);
      // An unclosed quote: the parser recovers the value "ab", which the text between the quotes is not.
      const doc = parseDocument('q: "abc');
      assert.ok(isMap(doc.contents));
      const q = doc.contents.get('q', true) as Scalar;
      assert.equal(q.value, 'ab');
      assert.equal(scalarOffsets('q: "abc', q), undefined);
    });

    it('refuses escapes it cannot read, and a node without a source range', () => {
      // "3 a4 \5 q6 b7 "8: \q is no YAML escape.
      assert.equal(scalarOffsets('q: "a\\qb"', node('aqb', 'QUOTE_DOUBLE', [3, 9, 9])), undefined);
      // \x takes exactly two hex digits: one at the end, or a non-digit among them, is no escape.
      assert.equal(scalarOffsets('q: "\\x4"', node('\u0004', 'QUOTE_DOUBLE', [3, 8, 8])), undefined);
      assert.equal(scalarOffsets('q: "\\x4g"', node('\u0004', 'QUOTE_DOUBLE', [3, 9, 9])), undefined);
      assert.equal(scalarOffsets('q: "\\xg4"', node('g4', 'QUOTE_DOUBLE', [3, 9, 9])), undefined);
      assert.equal(scalarOffsets('abc', new Scalar('abc')), undefined);
    });
  });

  describe('block scalars', () => {
    it('a literal block: indentation removed, each line break at the next line, empty lines at their own line', () => {
      // |3 \n4 _5 _6 a7 b8 \n9 \n10 _11 _12 c13 d14 \n15 z16
      assert.deepEqual(offsetsOf('q: |\n  ab\n\n  cd\nz: 1\n', 'ab\n\ncd\n'), [7, 8, 11, 10, 13, 14, 15, 16]);
      // A blank line of one space (indentation 2) breaks after that space: |3 \n4 _5 _6 a7 b8 \n9 _10 \n11 _12 _13 c14 d15 \n16
      assert.deepEqual(offsetsOf('q: |\n  ab\n \n  cd\n', 'ab\n\ncd\n'), [7, 8, 12, 11, 14, 15, 16, 17]);
      // An empty line before the text: |3 \n4 \n5 _6 _7 a8 b9 \n10
      assert.deepEqual(offsetsOf('q: |\n\n  ab\n', '\nab\n'), [5, 8, 9, 10, 11]);
      // The least indented line sets the indentation: |3 \n4 _5 _6 a7 b8 \n9 _10 _11 _12 _13 c14 d15 \n16
      assert.deepEqual(offsetsOf('q: |\n  ab\n    cd\n', 'ab\n  cd\n'), [7, 8, 10, 12, 13, 14, 15, 16, 17]);
    });

    it('a folded block: a break between text lines is a space, kept around more-indented lines and for empty lines', () => {
      // >3 \n4 _5 _6 a7 b8 \n9 _10 _11 c12 d13 \n14 \n15 _16 _17 e18 f19 \n20 _21 _22 _23 _24 g25 h26 \n27 _28 _29 i30 j31 \n32
      assert.deepEqual(offsetsOf('q: >\n  ab\n  cd\n\n  ef\n    gh\n  ij\n', 'ab cd\nef\n  gh\nij\n'), [7, 8, 10, 12, 13, 15, 18, 19, 21, 23, 24, 25, 26, 28, 30, 31, 32, 33]);
    });

    it('chomping and indentation indicators: + keeps trailing empty lines, - drops the last break, a digit sets the indentation', () => {
      // |3 +4 \n5 _6 _7 a8 b9 \n10 \n11 z12
      assert.deepEqual(offsetsOf('q: |+\n  ab\n\nz: 1\n', 'ab\n\n'), [8, 9, 10, 11, 12]);
      // |3 2(4) +5 \n6 _7 _8 a9 b10 \n11 \n12
      assert.deepEqual(offsetsOf('q: |2+\n  ab\n\nz: 1\n', 'ab\n\n'), [9, 10, 11, 12, 13]);
      assert.deepEqual(offsetsOf('q: |2-\n  ab\n\nz: 1\n', 'ab'), [9, 10, 11]);
      assert.deepEqual(offsetsOf('q: >-\n  ab\n  cd\n', 'ab cd'), [8, 9, 11, 13, 14, 15]);
      // Explicit indentation 2 keeps the extra spaces of a more-indented first line: |3 2(4) \n5 _6 _7 _8 _9 a10 b11 \n12 _13 _14 c15 d16 \n17 (the break at the start of its next line, 13)
      assert.deepEqual(offsetsOf('q: |2\n    ab\n  cd\n', '  ab\ncd\n'), [8, 9, 10, 11, 13, 15, 16, 17, 18]);
    });

    it('a comment after the header is no indicator, even with digits, + or - in it', () => {
      // The header "| # 3 items |+ >-" is 3…19, \n20 _21 _22 a23 b24 \n25
      assert.deepEqual(offsetsOf('q: | # 3 items |+ >-\n  ab\n\nz: 1\n', 'ab\n'), [23, 24, 25, 26]);
    });

    it('a block scalar at the end of a file without a final line break still ends in one', () => {
      // |3 \n4 _5 _6 a7 b8: the value's newline is after the text, at 9.
      assert.deepEqual(offsetsOf('q: |\n  ab', 'ab\n'), [7, 8, 9, 10]);
    });

    it('an empty block scalar is only its end, at the header', () => {
      assert.deepEqual(offsetsOf('q: |\nz: 1\n', ''), [3]);
    });
  });
});
