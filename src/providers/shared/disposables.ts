import type * as vscode from 'vscode';

/** Disposes every item, last first (so later registrations, which may use earlier ones, go first), and empties the list. */
export function disposeAll(items: vscode.Disposable[]): void {
  while (items.length) items.pop()!.dispose();
}

/** A Disposable that runs `fn` once. */
export function toDisposable(fn: () => void): vscode.Disposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      fn();
    },
  };
}
