import * as vscode from 'vscode';
import { signalOf } from '../shared';
import { BUILTIN_VARIABLES } from '../../core/gates';
import { contextAt, findQueries, queryAt } from '../../core/gatesEditor';
import { PROMQL_AGGREGATORS, PROMQL_FUNCTIONS, type PromqlFunction } from '../../core/promql';
import type { GatesDocuments } from './documents';
import type { ServerCatalog } from './server';

function functionItem(f: PromqlFunction, aggregator: boolean): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: f.name, detail: `(${f.args})`, description: aggregator ? 'aggregation' : f.returns }, vscode.CompletionItemKind.Function);
  item.documentation = new vscode.MarkdownString(f.doc);
  item.insertText = new vscode.SnippetString(`${f.name}($0)`);
  return item;
}

/** Completion inside the queries of a gates file: functions, template variables, and the server's metrics, labels and values. */
export function registerGatesCompletion(documents: GatesDocuments, catalog: ServerCatalog): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'yaml' },
    {
      async provideCompletionItems(document, position, token) {
        if (!documents.is(document)) return undefined;
        const outline = findQueries(document.getText());
        const hit = queryAt(outline.queries, document.offsetAt(position));
        if (!hit) return undefined;
        const ctx = contextAt(hit.query.template, hit.at);
        const signal = signalOf(token);
        const words = (names: string[], kind: vscode.CompletionItemKind, detail: string) =>
          names.map((n) => Object.assign(new vscode.CompletionItem({ label: n, description: detail }, kind)));
        const variables = [...BUILTIN_VARIABLES, ...Object.keys(outline.variables)];
        switch (ctx.kind) {
          case 'variable':
            return words(variables, vscode.CompletionItemKind.Variable, 'template variable');
          case 'label-name': {
            const r = await catalog.labels(ctx.metric, signal);
            return r.ok ? words(r.value, vscode.CompletionItemKind.Property, 'label') : [];
          }
          case 'label-value': {
            const r = await catalog.values(ctx.label, ctx.metric, signal);
            return r.ok ? words(r.value, vscode.CompletionItemKind.Value, `${ctx.label} value`) : [];
          }
          case 'expression': {
            const items = [...PROMQL_FUNCTIONS.map((f) => functionItem(f, false)), ...PROMQL_AGGREGATORS.map((f) => functionItem(f, true))];
            items.push(...variables.map((v) => Object.assign(new vscode.CompletionItem({ label: `\${${v}}`, description: 'template variable' }, vscode.CompletionItemKind.Variable))));
            const r = await catalog.metrics(signal);
            if (r.ok) items.push(...words(r.value, vscode.CompletionItemKind.Field, 'metric'));
            return new vscode.CompletionList(items, !r.ok);
          }
        }
      },
    },
    '{', '"', '$', '(', ',', '=',
  );
}
