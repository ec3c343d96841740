import { nextRelativeChange } from '../../core/util';

/**
 * Calls `onChange` each time a relative time ("3 min ago") of `iso` next reads differently: one
 * timer at a time, set for that moment (a minute, then an hour apart), never a per-second poll.
 */
export class RelativeClock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private iso: string | undefined;

  constructor(private readonly onChange: () => void, private readonly now: () => number = Date.now) {}

  /** Follows `iso` (undefined: stops). */
  follow(iso: string | undefined): void {
    this.iso = iso;
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.iso === undefined) return;
    const wait = nextRelativeChange(this.iso, this.now());
    if (!Number.isFinite(wait)) return;
    this.timer = setTimeout(() => {
      this.onChange();
      this.arm();
    }, wait);
  }

  dispose(): void {
    this.follow(undefined);
  }
}
