// The SSH wire encoding (RFC 4251 §5): uint32 lengths before strings. Used to read OpenSSH key files
// and public key blobs, and to talk to ssh-agent.

export class SshReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  uint32(): number {
    if (this.pos + 4 > this.buf.length) throw new Error('truncated SSH data');
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  byte(): number {
    if (this.pos + 1 > this.buf.length) throw new Error('truncated SSH data');
    return this.buf[this.pos++];
  }

  bytes(n: number): Buffer {
    if (this.pos + n > this.buf.length) throw new Error('truncated SSH data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): Buffer {
    return this.bytes(this.uint32());
  }

  text(): string {
    return this.string().toString('utf8');
  }
}

export function sshString(data: Buffer | string): Buffer {
  const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

export function sshUint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
