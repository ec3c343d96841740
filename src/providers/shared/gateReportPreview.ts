import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { readGateReport } from '../../core/checklist';
import { renderMarkdown } from '../../core/gates';
import { writeFileAtomic } from '../../core/util';

// "Open Report": a gate report as people read it — the report's own Markdown rendering, opened in
// VS Code's Markdown preview. The Markdown goes to a temporary file (one per report path, replaced
// on each open) because the preview renders documents, and the JSON stays untouched beside it.

/** Renders the gate report at `file` and shows it in the Markdown preview; returns the Markdown file. */
export async function showGateReportPreview(file: string, signal: AbortSignal): Promise<vscode.Uri> {
  const { report } = await readGateReport(file, signal);
  const id = createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 12);
  const md = path.join(os.tmpdir(), 'aurora-ga', `gate-report-${id}`, `${path.basename(file, '.json')}.md`);
  await writeFileAtomic(md, renderMarkdown(report));
  const uri = vscode.Uri.file(md);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

/** Opens the report's JSON itself, beside what is shown. */
export async function showGateReportJson(file: string): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
