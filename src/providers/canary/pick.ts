// The interactive part of "Aurora: Run Canary": profile, runs and gating, each skippable by arguments.
import path from 'node:path';
import * as vscode from 'vscode';
import { GATING_MODES, type GatingMode } from '../../core/canary';
import { disposeAll } from '../shared';

export type ProfileChoice = { demo: true } | { demo: false; profile: string };

let asking: string | undefined;
let highlighted: string | undefined;

/** The title of the question on screen now: host tests answer it through commands once it is asked. */
export function currentQuestion(): string | undefined {
  return asking;
}

/** The label of the item highlighted in the quick pick on screen now (tests accept only once it is the one they chose). */
export function currentHighlight(): string | undefined {
  return highlighted;
}

async function ask<T>(title: string, show: () => Thenable<T>): Promise<T> {
  asking = title;
  try {
    return await show();
  } finally {
    asking = undefined;
  }
}

/** A quick pick that reports which item is highlighted; resolves with the accepted item, undefined when dismissed. */
function quickPick<T extends vscode.QuickPickItem>(title: string, items: T[], placeholder?: string): Promise<T | undefined> {
  return ask(title, () => new Promise<T | undefined>((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = title;
    qp.items = items;
    if (placeholder) qp.placeholder = placeholder;
    const subscriptions = [
      qp.onDidChangeActive((active) => (highlighted = active[0]?.label)),
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
        qp.hide();
      }),
      qp.onDidHide(() => {
        highlighted = undefined;
        resolve(undefined);
        disposeAll(subscriptions);
        qp.dispose();
      }),
    ];
    qp.show();
  }));
}

/** Profiles with a lock beside them first (those are the ones a canary can run), the demo last. */
export async function pickProfile(folder: vscode.WorkspaceFolder, preferred: string | undefined): Promise<ProfileChoice | undefined> {
  const locks = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.lock.json'), '**/{node_modules,artifacts,.git}/**', 200);
  const profiles = new Set<string>();
  for (const lock of locks) {
    for (const ext of ['.yaml', '.yml']) {
      const candidate = lock.fsPath.replace(/\.lock\.json$/, ext);
      try {
        await vscode.workspace.fs.stat(vscode.Uri.file(candidate));
        profiles.add(candidate);
      } catch {
        // no profile with this extension
      }
    }
  }
  type Item = vscode.QuickPickItem & { choice?: ProfileChoice; browse?: true };
  const rel = (p: string) => path.relative(folder.uri.fsPath, p).split(path.sep).join('/');
  const items: Item[] = [...profiles].sort().map((p) => ({ label: rel(p), description: 'locked', choice: { demo: false, profile: p } }));
  if (preferred) {
    const abs = path.resolve(folder.uri.fsPath, preferred);
    items.unshift(...(items.some((i) => i.choice && !i.choice.demo && i.choice.profile === abs) ? [] : [{ label: rel(abs), description: 'auroraGa.canary.profile', choice: { demo: false as const, profile: abs } }]));
  }
  items.push({ label: '$(folder-opened) Other profile…', browse: true }, { label: '$(beaker) Demo', description: 'bundled demo command and profile — results labelled DEMO', choice: { demo: true } });
  const title = 'Aurora: Run Canary (1/3) — profile under test';
  const picked = await quickPick(title, items, 'Profile whose lock must validate before the first run');
  if (!picked) return undefined;
  if (picked.choice) return picked.choice;
  const uri = await vscode.window.showOpenDialog({ defaultUri: folder.uri, canSelectMany: false, filters: { 'YAML profile': ['yaml', 'yml'] }, title: 'Profile under test' });
  return uri?.[0] ? { demo: false, profile: uri[0].fsPath } : undefined;
}

export async function pickRuns(initial: number): Promise<number | undefined> {
  const title = 'Aurora: Run Canary (2/3) — number of runs';
  const raw = await ask(title, () => vscode.window.showInputBox({
    title,
    value: String(initial),
    validateInput: (v) => (/^\s*\d+\s*$/.test(v) && Number(v) >= 1 ? undefined : 'A whole number of runs, at least 1'),
  }));
  return raw === undefined ? undefined : Number(raw);
}

const GATING_HELP: Record<GatingMode, string> = {
  soft: 'passes --ci-gating soft: gating violations are warnings',
  hard: 'passes --ci-gating hard: a run exiting 3 stops the sequence and fails it',
  none: 'passes no gating flag',
};

export async function pickGating(initial: GatingMode): Promise<GatingMode | undefined> {
  const items = [initial, ...GATING_MODES.filter((g) => g !== initial)].map((g) => ({ label: g, description: GATING_HELP[g] }));
  const title = 'Aurora: Run Canary (3/3) — CI gating';
  const picked = await quickPick(title, items);
  return picked?.label as GatingMode | undefined;
}
