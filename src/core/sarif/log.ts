import path from 'node:path';
import { pathToFileURL } from 'node:url';

// SARIF 2.1.0 (OASIS), the part code scanning reads: one run, the tool's rules, and results with a
// physical location. Validated against the published schema in test/unit/sarif.

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  name: string;
  description: string;
  help: string;
  level: SarifLevel;
}

/** One problem to report; positions are 1-based, columns in UTF-16 code units (the run's columnKind). */
export interface SarifFinding {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** Absolute path of the file to mark. */
  file: string;
  start?: { line: number; column: number };
  end?: { line: number; column: number };
}

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every relative artifact URI is resolved against: the repository root (code scanning's checkout). */
export const SRCROOT = '%SRCROOT%';

/**
 * A file as an artifact location: relative to `root` with `/` and each segment percent-encoded (a
 * space, `#`, `%` or a `:` in a name stays a valid URI reference); an absolute file URL outside it.
 */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(f: SarifFinding): Record<string, number> {
  // A problem of the whole file sits on its first line, as the editor shows it.
  if (!f.start) return { startLine: 1 };
  return { startLine: f.start.line, startColumn: f.start.column, ...(f.end ? { endLine: f.end.line, endColumn: f.end.column } : {}) };
}

/** A SARIF log of one run of `tool` over the files under `root`. */
export function sarifLog(tool: { name: string; version: string }, rules: SarifRule[], findings: SarifFinding[], root: string): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            semanticVersion: tool.version,
            rules: rules.map((r) => ({ id: r.id, name: r.name, shortDescription: { text: r.description }, help: { text: r.help }, defaultConfiguration: { level: r.level } })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${path.resolve(root)}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: f.level,
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, root), region: region(f) } }],
        })),
      },
    ],
  };
}

export function renderSarif(log: object): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
