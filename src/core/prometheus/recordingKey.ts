/** The same request always gets the same key, whatever order its parameters were built in. */
export function exchangeKey(path: string, params: Record<string, string>): string {
  return JSON.stringify([path, Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}
