import * as vscode from 'vscode';
import { signalOf } from '../shared';
import { findQueries, queryAt, wordAt } from '../../core/gatesEditor';
import { promqlFunction } from '../../core/promql';
import type { GatesDocuments } from './documents';
import type { ServerCatalog } from './server';

/** Hover in a query: a function's signature and meaning, or a metric's type and help from the server. */
export function registerGatesHover(documents: GatesDocuments, catalog: ServerCatalog): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'yaml' }, {
    async provideHover(document, position, token) {
      if (!documents.is(document)) return undefined;
      const hit = queryAt(findQueries(document.getText()).queries, document.offsetAt(position));
      if (!hit?.query.offsets) return undefined;
      const word = wordAt(hit.query.template, hit.at);
      if (!word) return undefined;
      const range = new vscode.Range(document.positionAt(hit.query.offsets[word.from]), document.positionAt(hit.query.offsets[word.to - 1] + 1));
      const fn = promqlFunction(word.word);
      const after = hit.query.template.slice(word.to).trimStart();
      if (fn && after.startsWith('(')) return new vscode.Hover(new vscode.MarkdownString().appendCodeblock(`${fn.name}(${fn.args}) → ${fn.returns}`, 'promql').appendText(fn.doc), range);
      const signal = signalOf(token);
      const [meta, now] = await Promise.all([catalog.metadata(word.word, signal), catalog.current(word.word, signal)]);
      if (!meta.ok && !now.ok) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${word.word}**`);
      if (meta.ok && meta.value) md.appendMarkdown(` — ${meta.value.type}${meta.value.unit ? ` (${meta.value.unit})` : ''}\n\n${meta.value.help}`);
      else md.appendMarkdown(' — the server has no metadata for it (only scraped targets carry type and help)');
      if (now.ok) {
        const first = now.value.first;
        const labels = first ? Object.entries(first.labels).filter(([k]) => k !== '__name__').map(([k, v]) => `${k}="${v}"`).join(', ') : '';
        md.appendMarkdown(now.value.series ? `\n\nNow: ${now.value.series} series; {${labels}} = ${first?.value}` : '\n\nNow: no series (nothing within the last 5 minutes)');
      }
      return new vscode.Hover(md, range);
    },
  });
}
