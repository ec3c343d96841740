import type { AnsweredItem } from './answer';
import { isDecisive } from './decide';
import { CHECKLIST, MATRIX, type Component } from './definition';
import type { ChecklistView, ItemStatus } from './messages';

// Markdown in the layout of the original `docs/ga_promotion_checklist.md`: same headings, same
// order, checkboxes ticked from the answers, blanks filled. Everything that comes from data or from
// people (notes, names, profile names, messages) is escaped so it shows as written and cannot turn
// into markup or HTML where the file is rendered.

/** Escapes Markdown/HTML-significant characters and folds newlines, for inline text and table cells. */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`)).replace(/\r?\n/g, ' ');
}

const MARK: Record<ItemStatus, string> = { satisfied: '✅', warn: '⚠️', failed: '❌', no_data: '❔', open: '⬜' };
const BLANK = '_________________________________________________';

function itemLine(a: AnsweredItem, view: ChecklistView): string {
  const v = view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((i) => i.id === a.def.id)!;
  const indent = '  '.repeat(v.depth);
  const box = v.status === 'satisfied' ? 'x' : ' ';
  const auto = a.def.auto ? ` — ${MARK[v.status]} ${escapeMd(v.summary)}` : '';
  const note = v.note ? `\n${indent}  - _Note:_ ${escapeMd(v.note)}` : '';
  return `${indent}- [${box}] ${a.def.text}${auto}${note}`;
}

function worst(items: AnsweredItem[]): ItemStatus {
  // Worst first; a component with none of these (or nothing decisive) is satisfied.
  const order: ItemStatus[] = ['failed', 'no_data', 'open', 'warn'];
  const decisive = items.filter(isDecisive);
  return order.find((s) => decisive.some((i) => i.answer.status === s)) ?? 'satisfied';
}

const STATUS_WORD: Record<ItemStatus, string> = { satisfied: '✅ PASS', warn: '⚠️ CONDITIONAL', failed: '❌ FAIL', no_data: '❔ NO DATA', open: '⬜ OPEN' };

function componentItems(answers: AnsweredItem[], c: Component): AnsweredItem[] {
  return answers.filter((a) => a.def.component === c);
}

export function renderMarkdown(view: ChecklistView, answers: AnsweredItem[]): string {
  const byId = new Map(answers.map((a) => [a.def.id, a]));
  const out: string[] = [];
  const h = view.header;
  out.push('# AURORA GA Promotion Checklist v1.0', '## Production Release Decision Framework', '');
  out.push(`**Date:** ${escapeMd(h.date) || '_____________'}  `, `**RC Version:** ${escapeMd(h.rcVersion) || '_____________'}  `, `**Target GA Version:** ${escapeMd(h.targetVersion) || '_____________'}  `, `**Release Manager:** ${escapeMd(h.releaseManager) || '_____________'}`, '');
  const g = view.gates;
  out.push(`> Filled by aurora-ga at ${view.generatedAt}. Gate report: ${g ? `${g.dataMode.toUpperCase()} data, ${g.decisionCode}, evaluated ${g.timestamp}, SHA-256 \`${view.fingerprint.gateReportSha256}\`` : 'none'}; locks SHA-256 \`${view.fingerprint.locksSha256}\`.`);
  if (g && g.dataMode !== 'live') out.push(`> **${g.dataMode.toUpperCase()} DATA — this checklist cannot be used to promote.**`);
  if (view.canary && view.canary.dataMode !== 'live') out.push(`> **Canary results are ${view.canary.dataMode.toUpperCase()} runs — not evidence for promotion.**`);
  for (const s of view.sources.filter((x) => x.state !== 'ok')) out.push(`> ${escapeMd(s.name)}: ${s.state === 'missing' ? 'NO DATA (not found)' : 'ERROR'} — ${escapeMd(s.where)}${s.state === 'error' ? `: ${escapeMd(s.detail)}` : ''}`);
  if (view.stateProblem) out.push(`> Checklist state unreadable: ${escapeMd(view.stateProblem)}`);
  out.push('', '---', '');

  for (const section of CHECKLIST) {
    if (section.id === 'next') continue;
    out.push(`## ${section.title}`, '');
    for (const group of section.groups) {
      if (group.id === 'gates-overall') {
        const overall = byId.get('gates.overall')!;
        out.push(`**Overall GA Gates:** ${g ? { APPROVED: '✅ ALL PASS', CONDITIONAL: '⚠️ CONDITIONAL', BLOCKED: '❌ BLOCKED', INCONCLUSIVE: '❔ INCONCLUSIVE' }[g.decisionCode as 'APPROVED'] ?? escapeMd(g.decisionCode) : '❔ NO DATA'} — ${escapeMd(overall.answer.summary)}`, '');
        continue;
      }
      out.push(`### ${group.title}`);
      if (group.code && !group.codeTitle) out.push(group.code, '');
      for (const def of group.items) out.push(itemLine(byId.get(def.id)!, view));
      if (group.id.startsWith('gate')) out.push(`- **Notes:** ${escapeMd(byId.get(`${group.id}.status`)!.note) || BLANK}`);
      if (group.code && group.codeTitle) out.push('', `### ${group.codeTitle}`, group.code);
      if (group.id === 'locks-validation') {
        const locks = byId.get('locks.profiles')!;
        out.push(...locks.answer.evidence.map((e) => `- [${/: valid /.test(e) ? 'x' : ' '}] **Lock Status:** ${escapeMd(e)}`));
      }
      if (group.id === 'canary-execution') {
        const issues = view.canary?.runs.filter((r) => !r.success || r.healthy === false) ?? [];
        out.push('', '### Issues Found (if any)', ...(issues.length ? issues.map((r) => `- run ${r.runId}: ${r.success ? 'unhealthy' : `failed (exit ${r.exitCode})`}${r.reason ? ` — ${escapeMd(r.reason)}` : ''}`) : ['- none']));
      }
      out.push('');
    }
    out.push('---', '');
  }

  const gatesPassed = g ? g.gates.filter((x) => x.status === 'PASS').length : 0;
  const infra = [...componentItems(answers, 'monitoring'), ...componentItems(answers, 'safety'), ...componentItems(answers, 'documentation')];
  out.push('## 🎯 Final Decision', '', '### Summary Assessment');
  out.push(`- **GA Gates:** ${g ? `${gatesPassed} / ${g.gates.length}` : '_____ / 5'} PASS`);
  out.push(`- **Profile Locks:** ${worst(componentItems(answers, 'locks')) === 'satisfied' ? '✅ SECURED' : '❌ UNSECURED'}`);
  out.push(`- **Canary Tests:** ${worst(componentItems(answers, 'canary')) === 'satisfied' ? '✅ PASS' : '❌ FAIL'}`);
  out.push(`- **Infrastructure:** ${worst(infra) === 'satisfied' ? '✅ READY' : '❌ NOT READY'}`, '');
  out.push('### Decision Matrix', '| Component | Status | Impact | Notes |', '|-----------|--------|---------|-------|');
  for (const row of MATRIX) {
    const items = componentItems(answers, row.component);
    const open = items.filter((i) => isDecisive(i) && i.answer.status !== 'satisfied');
    out.push(`| ${row.title} | ${STATUS_WORD[worst(items)]} | ${row.impact} | ${open.length ? `${open.length} item(s) not satisfied` : 'all satisfied'} |`);
  }
  out.push('', '### GO / NO-GO Decision', '');
  const d = view.decision.decision;
  out.push(`**${d === 'GO' ? '☑' : '□'} GO** - Proceed with GA promotion  `, `**${d === 'NO-GO' ? '☑' : '□'} NO-GO** - Address issues and re-evaluate  `, `**${d === 'CONDITIONAL' ? '☑' : '□'} CONDITIONAL** - Limited promotion with monitoring`, '');
  if (view.decision.deciding.length) out.push('**Deciding items:**', ...view.decision.deciding.map((x) => `- ${escapeMd(x.text)}`), '');
  out.push('**Decision Rationale:**', ...(view.rationale ? view.rationale.split(/\r?\n/).map(escapeMd) : [BLANK, BLANK, BLANK]), '');
  out.push('### Next Steps (if GO)', ...CHECKLIST.find((s) => s.id === 'next')!.groups.flatMap((gr) => gr.items.map((def) => itemLine(byId.get(def.id)!, view))), '');
  out.push('### Responsible Parties', ...view.signoffs.map((s) => `- **${s.title}:** ${s.name ? escapeMd(s.name) : '_________________________'}`), '');
  out.push('**Approval Signatures:**', '');
  for (const s of view.signoffs) {
    out.push(s.name
      ? `${s.title}: ${escapeMd(s.name)} Date: ${escapeMd(s.time ?? '')} — ${s.signature === 'valid' ? 'SSH-signed, verified' : `**${s.signature === 'invalid' ? 'BAD SIGNATURE' : 'UNSIGNED'}:** ${escapeMd(s.signatureDetail)}`}${s.counts ? '' : ' (does not count)'}${s.stale ? ` — **STALE:** ${escapeMd(s.staleReasons.join('; '))}` : ''}  `
      : `${s.title}: _________________________ Date: _______  `);
  }
  out.push('', '---', '', '**Checklist Version:** 1.0  ', `**Last Updated:** ${view.generatedAt}  `, '**Template Location:** `docs/ga_promotion_checklist.md` (filled by `aurora-ga checklist --format md`)', '');
  return out.join('\n');
}
