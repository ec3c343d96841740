import net from 'node:net';
import { SshReader, sshString, sshUint32 } from './sshWire';
import type { SshPublicKey } from './keys';

// A minimal ssh-agent client (draft-miller-ssh-agent): ask the agent to sign bytes with one of its
// keys. For an Ed25519 key the answer is the raw 64-byte signature over exactly those bytes, which is
// what a DSSE signature is.

const SIGN_REQUEST = 13;
const SIGN_RESPONSE = 14;
const FAILURE = 5;

function request(socket: string, body: Buffer, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socket);
    const chunks: Buffer[] = [];
    const onAbort = () => conn.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    const finish = (err: Error | null, data?: Buffer) => {
      signal.removeEventListener('abort', onAbort);
      conn.destroy();
      if (err) reject(err);
      else resolve(data!);
    };
    conn.on('connect', () => conn.write(Buffer.concat([sshUint32(body.length), body])));
    conn.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      if (all.length >= 4 && all.length >= 4 + all.readUInt32BE(0)) finish(null, all.subarray(4, 4 + all.readUInt32BE(0)));
    });
    conn.on('error', (err) => finish(err));
    conn.on('end', () => finish(new Error('ssh-agent closed the connection')));
  });
}

/** Signs `data` with `key` held by the agent at `socket`; returns the signature's raw bytes and algorithm. */
export async function agentSign(socket: string, key: SshPublicKey, data: Buffer, signal: AbortSignal): Promise<{ algorithm: string; signature: Buffer }> {
  const reply = await request(socket, Buffer.concat([Buffer.from([SIGN_REQUEST]), sshString(key.blob), sshString(data), sshUint32(0)]), signal);
  const r = new SshReader(reply);
  const type = r.byte();
  if (type === FAILURE) throw new Error('ssh-agent refused to sign (is the key added? ssh-add -l)');
  if (type !== SIGN_RESPONSE) throw new Error(`unexpected ssh-agent answer ${type}`);
  const sig = new SshReader(r.string());
  return { algorithm: sig.text(), signature: Buffer.from(sig.string()) };
}
