import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Pair, type YAMLMap } from 'yaml';
import { InputError } from '../util/errors';

// Sets `ci_gating.hard_override: auto` in the runtime config (original-kit Appendix A). The yaml
// Document API finds the node; an existing value is replaced by splicing only its source range, so
// every other byte — comments, quoting, flow lists — stays as the user wrote it.

export interface HardOverrideEdit {
  /** The new text, or the old one when nothing changes. */
  text: string;
  changed: boolean;
  /** One line per ci_gating block: `line N: hard_override force_off → auto`. */
  changes: string[];
}

const TARGET = 'auto';

export function setHardOverrideAuto(text: string, file: string): HardOverrideEdit {
  const lc = new LineCounter();
  // Duplicate keys must be seen, not rejected by the parser: the original master.yaml has two.
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, keepSourceTokens: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const { line, col } = lc.linePos(e.pos[0]);
    throw new InputError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line, column: col });
  }
  const blocks: { pair: Pair; parent: YAMLMap }[] = [];
  visit(doc, {
    Pair(_key, pair, path) {
      const parent = path[path.length - 1];
      if (isScalar(pair.key) && pair.key.value === 'ci_gating' && isMap(parent)) blocks.push({ pair: pair as Pair, parent: parent as YAMLMap });
    },
  });
  const lineOf = (p: Pair) => (isScalar(p.key) && p.key.range ? lc.linePos(p.key.range[0]).line : 0);
  for (const b of blocks) {
    const twins = b.parent.items.filter((p) => isPair(p) && isScalar(p.key) && p.key.value === 'ci_gating');
    if (twins.length > 1) {
      throw new InputError(
        `'ci_gating' appears ${twins.length} times in one mapping (lines ${twins.map((p) => lineOf(p as Pair)).join(', ')}); PyYAML keeps only the last, so hard_override would not take effect. Merge them into one block, then promote again`,
        { file, line: lineOf(twins[1] as Pair) },
      );
    }
  }
  const maps = blocks.filter((b) => isMap(b.pair.value));
  if (maps.length === 0) throw new InputError("no 'ci_gating' mapping found: cannot set ci_gating.hard_override", { file });

  const splices: { start: number; end: number; line: number; before: string }[] = [];
  const changes: string[] = [];
  let structural = false;
  for (const { pair } of maps) {
    const gating = pair.value as YAMLMap;
    const current = gating.items.find((p) => isScalar(p.key) && p.key.value === 'hard_override');
    if (current && isScalar(current.value) && current.value.range) {
      const before = String(current.value.value);
      const line = lc.linePos(current.value.range[0]).line;
      if (before === TARGET) {
        changes.push(`line ${line}: hard_override already ${TARGET}`);
        continue;
      }
      splices.push({ start: current.value.range[0], end: current.value.range[1], line, before });
      changes.push(`line ${line}: hard_override ${before} → ${TARGET}`);
    } else {
      // No scalar to splice: let the Document API add the key (the file is re-serialised).
      gating.set('hard_override', TARGET);
      structural = true;
      changes.push(`line ${lineOf(pair)}: hard_override added as ${TARGET}`);
    }
  }
  if (structural) {
    for (const s of splices) {
      const node = (maps.map((m) => (m.pair.value as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'hard_override')).find((p) => p && isScalar(p.value) && p.value.range?.[0] === s.start));
      if (node && isScalar(node.value)) node.value.value = TARGET;
    }
    return { text: doc.toString(), changed: true, changes };
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + TARGET + out.slice(s.end);
  return { text: out, changed: splices.length > 0, changes };
}
