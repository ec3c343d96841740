import type * as vscode from 'vscode';

/** `fn` run once, `delayMs` after the last call; `flush` runs a pending call now; disposing drops it. */
export interface Debounced extends vscode.Disposable {
  (): void;
  flush(): void;
}

/** The one debounce of the extension. `delayMs` may be a function: it is read when a call is scheduled (a setting's current value). */
export function debounce(fn: () => void, delayMs: number | (() => number)): Debounced {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const call = (() => {
    clearTimeout(timer);
    timer = setTimeout(run, typeof delayMs === 'number' ? delayMs : delayMs());
  }) as Debounced;
  call.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  call.dispose = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return call;
}

/** One debounce per key (a document, a folder): each key's calls collapse on their own. */
export class KeyedDebounce<K> implements vscode.Disposable {
  private readonly timers = new Map<K, NodeJS.Timeout>();

  constructor(
    private readonly fn: (key: K) => void,
    private readonly delayMs: (key: K) => number,
  ) {}

  schedule(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.fn(key);
    }, this.delayMs(key)));
  }

  cancel(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
