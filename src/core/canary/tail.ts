/** Keeps the last `cap` bytes of a stream, so a chatty or endless child cannot grow our memory. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes seen in total, including the dropped ones. */
  total = 0;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.cap === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.cap) this.size -= this.chunks.shift()!.length;
  }

  get truncated(): boolean {
    return this.total > this.cap;
  }

  /** The kept bytes as text (a character cut at the start becomes U+FFFD). */
  text(): string {
    const all = Buffer.concat(this.chunks, this.size);
    return all.subarray(Math.max(0, all.length - this.cap)).toString('utf8');
  }
}

/** The last `n` characters of `text`, as the original stored stdout/stderr. */
export function lastChars(text: string, n: number): string {
  // slice(-0) would keep everything.
  return n === 0 ? '' : text.slice(-n);
}
