import * as vscode from 'vscode';

/**
 * vscode.window.withProgress with the cancellation token bridged to an AbortSignal — what every core
 * function takes. The signal also aborts when `outer` (e.g. the extension's shutdown) does.
 */
export function withCancellableProgress<T>(
  options: { title: string; location?: vscode.ProgressLocation; outer?: AbortSignal },
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: options.location ?? vscode.ProgressLocation.Notification, title: options.title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    const signal = options.outer ? AbortSignal.any([controller.signal, options.outer]) : controller.signal;
    try {
      return await task(signal, progress);
    } finally {
      sub.dispose();
    }
  });
}
