import { readFile } from 'node:fs/promises';
import { type Document, isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError } from '../util/errors';
import { gatesFile, type GatesFile } from './schema';
import { templateNames } from './template';

/** Names every gates file may use without declaring them. */
export const BUILTIN_VARIABLES = ['window', 'step', 'profile', 'profile_re', 'artifacts'] as const;

export interface LoadedGates {
  file: string;
  definitions: GatesFile;
}

type PathKey = string | number;

function locate(doc: Document.Parsed, path: PathKey[], lines: LineCounter): { line: number; column: number } | undefined {
  // Walk down as far as the document goes: a missing key is reported at its parent.
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else break;
    if (!node) break;
    found = node as Node;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function dotted(path: PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || '(top level)';
}

/** A gates file's YAML as the loader reads it (source ranges and line numbers kept). */
export interface GatesDocument {
  doc: Document.Parsed;
  lines: LineCounter;
}

export function parseGatesYaml(text: string): GatesDocument {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/** Parses and validates a gates file's text; every problem is an InputError naming file, line and key. */
export function parseGates(text: string, file: string, yaml: GatesDocument = parseGatesYaml(text)): LoadedGates {
  const { doc, lines } = yaml;
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    throw new InputError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  const fail = (path: PathKey[], message: string): never => {
    throw new InputError(`${dotted(path)}: ${message}`, { file, ...locate(doc, path, lines) });
  };
  const data: unknown = doc.toJS();
  const parsed = gatesFile.safeParse(data);
  if (!parsed.success) {
    // A typo gives two issues (unknown key, missing key): the unknown one says what to fix.
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    const issue = issues[0];
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') fail(path, `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`);
    const present = path.reduce<unknown>((cur, k) => (cur !== null && typeof cur === 'object' ? (cur as Record<PathKey, unknown>)[k] : undefined), data);
    if (present === undefined && path.length) fail(path.slice(0, -1), `missing required key '${String(path[path.length - 1])}'`);
    fail(path, issue.message);
  }
  const defs = parsed.data as GatesFile;
  const known = new Set<string>([...BUILTIN_VARIABLES, ...Object.keys(defs.variables)]);
  const gateKeys = new Set<string>();
  const gateIds = new Set<number>();
  defs.gates.forEach((gate, g) => {
    if (gateKeys.has(gate.key)) fail(['gates', g, 'key'], `duplicate gate key '${gate.key}'`);
    if (gateIds.has(gate.id)) fail(['gates', g, 'id'], `duplicate gate id ${gate.id}`);
    gateKeys.add(gate.key);
    gateIds.add(gate.id);
    const checkIds = new Set<string>();
    gate.checks.forEach((check, c) => {
      const at = ['gates', g, 'checks', c];
      if (checkIds.has(check.id)) fail([...at, 'id'], `duplicate check id '${check.id}' in gate '${gate.key}'`);
      checkIds.add(check.id);
      if (check.type === 'promql_range' && check.reduce === 'share' && !check.where) fail(at, "reduce 'share' needs 'where: {comparator, value}'");
      if (check.type === 'compare' && !check.query === !(check.errors || check.requests)) fail(at, "a compare check needs either 'query' (samples) or 'errors' and 'requests' (counts)");
      if (check.type === 'compare' && !check.query && !(check.errors && check.requests)) fail(at, "a counts comparison needs both 'errors' and 'requests'");
      if (check.type === 'compare' && typeof check.allowed === 'number' && typeof check.critical_limit === 'number' && check.critical_limit < check.allowed) {
        fail([...at, 'critical_limit'], `critical_limit ${check.critical_limit} is below allowed ${check.allowed}`);
      }
      for (const [field, value] of Object.entries(check)) {
        // A compare check's queries take ${side}; its sides default to the --var-only ${baseline}/${candidate}.
        const local = check.type === 'compare' ? (['query', 'errors', 'requests'].includes(field) ? ['side'] : ['baseline', 'candidate'].includes(field) ? [field] : []) : [];
        const texts = Array.isArray(value) ? value : typeof value === 'object' && value ? Object.values(value) : [value];
        for (const t of texts) {
          if (typeof t !== 'string') continue;
          for (const name of templateNames(t)) {
            // Names only a --var can supply are allowed if declared; undeclared ones are typos.
            if (!known.has(name) && !local.includes(name)) fail([...at, field], `unknown variable \${${name}} (declare it under 'variables')`);
          }
        }
      }
    });
  });
  return { file, definitions: defs };
}

export async function loadGates(file: string): Promise<LoadedGates> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read gates file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  return parseGates(text, file);
}
