// "3 min ago" for a past instant: the one wording of elapsed time the faces show (the exact time goes beside it).

const UNITS: [limitSeconds: number, seconds: number, unit: string][] = [
  [3600, 60, 'min'],
  [86_400, 3600, 'h'],
  [Infinity, 86_400, 'd'],
];

/** How long ago `iso` was at `now` (ms): "just now", "3 min ago", "5 h ago", "2 d ago"; "in the future" for clock skew. */
export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const s = Math.round((now - at) / 1000);
  if (s < -60) return 'in the future';
  if (s < 60) return 'just now';
  const [, unit, name] = UNITS.find(([limit]) => s < limit)!;
  return `${Math.floor(s / unit)} ${name} ago`;
}

/** Milliseconds until `relativeTime(iso, …)` next reads differently (at least one second). */
export function nextRelativeChange(iso: string, now: number): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return Infinity;
  const s = Math.max(0, (now - at) / 1000);
  const unit = s < 60 ? 60 : UNITS.find(([limit]) => s < limit)![1];
  return Math.max(1000, Math.ceil((Math.floor(s / unit) + 1) * unit * 1000 - (now - at)));
}
