import { promises as fs } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type * as z from 'zod';
import { InputError } from './errors';

// JSON is a subset of YAML 1.2, so the yaml parser gives us source ranges for JSON files: a schema
// problem can then name the line of the offending value instead of only its path.

/** Parses JSON text, throwing an InputError with line and column on a syntax error. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    // V8 does not always say where (Node 20 often omits the position), so find the spot ourselves.
    const offset = syntaxErrorOffset(text);
    const reason = (err as Error).message.split('\n')[0].replace(/,? ".*$/s, '').replace(/ in JSON at position \d+.*$/, '');
    const lc = new LineCounter();
    parseDocument(text, { lineCounter: lc });
    const { line, col } = lc.linePos(Math.min(offset, text.length));
    throw new InputError(`invalid JSON: ${reason}`, { file, line, column: col }, 'invalid-json');
  }
}

/** Offset of the first JSON syntax error in `text` (a strict recursive-descent scan). */
function syntaxErrorOffset(text: string): number {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (): never => { throw i; };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws(); if (text[i] !== '"') fail(); string(); ws();
        if (text[i] !== ':') fail(); i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value(); ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return at as number;
  }
}

/** Turns the first zod issue into an InputError located at the offending value in `text`. */
export function schemaError(text: string, file: string, error: z.ZodError, what: string): InputError {
  const issue = error.issues[0];
  const jsonPath = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(top level)';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  // Walk up the path until a node exists: a missing key is reported at its parent object.
  for (let n = issue.path.length; n >= 0; n--) {
    const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lc.linePos(node.range[0]);
      return new InputError(`${what}: ${jsonPath.replace(/^\./, '')}: ${issue.message}`, { file, line, column: col }, 'invalid-schema');
    }
  }
  return new InputError(`${what}: ${jsonPath.replace(/^\./, '')}: ${issue.message}`, { file }, 'invalid-schema');
}

/**
 * Reads an input file as UTF-8; a missing or unreadable file is an InputError naming it and `what`
 * it should have been (e.g. 'gate report'). Cancellation is rethrown as is.
 */
export async function readInputText(file: string, what: string, signal: AbortSignal): Promise<string> {
  return (await readInputBytes(file, what, signal)).toString('utf8');
}

/** readInputText for callers that need the exact bytes (a SHA-256 over the file, say). */
export async function readInputBytes(file: string, what: string, signal: AbortSignal): Promise<Buffer> {
  try {
    return await fs.readFile(file, { signal });
  } catch (err) {
    signal.throwIfAborted();
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what}: ${(err as Error).message}`, { file }, code === 'ENOENT' ? 'not-found' : 'unreadable');
  }
}
