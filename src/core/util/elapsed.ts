/** Milliseconds since `since` (a performance.now() reading), to 0.1 ms: how every duration in a report is written. */
export function elapsedMs(since: number, now: number = performance.now()): number {
  return Math.round((now - since) * 10) / 10;
}
