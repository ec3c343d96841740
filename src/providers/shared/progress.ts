import * as vscode from 'vscode';

/** A cancellation token as the AbortSignal every core function takes (the token's listener goes once it fired). */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      controller.abort();
    });
  }
  return controller.signal;
}

/**
 * vscode.window.withProgress with the cancellation token bridged to an AbortSignal — what every core
 * function takes. The signal also aborts when `outer` (e.g. the extension's shutdown) does.
 */
export function withCancellableProgress<T>(
  options: { title: string; location?: vscode.ProgressLocation; outer?: AbortSignal },
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: options.location ?? vscode.ProgressLocation.Notification, title: options.title, cancellable: true }, (progress, token) => {
    const own = signalOf(token);
    return task(options.outer ? AbortSignal.any([own, options.outer]) : own, progress);
  });
}
