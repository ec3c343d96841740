import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { InputError } from '../util/errors';
import { SshReader } from './sshWire';

// SSH public keys as they appear in allowed_signers and *.pub files, and the one private key format
// Aurora reads itself: an unencrypted OpenSSH Ed25519 key file (for raw DSSE signatures). Encrypted
// keys and other types sign through ssh-agent instead.

export interface SshPublicKey {
  type: string;
  /** The wire-format key blob (what the base64 in a .pub line decodes to). */
  blob: Buffer;
}

/** `SHA256:…` exactly as `ssh-keygen -l` prints it. */
export function fingerprint(key: SshPublicKey): string {
  return `SHA256:${createHash('sha256').update(key.blob).digest('base64').replace(/=+$/, '')}`;
}

/** Parses `TYPE BASE64 [comment]`; null when the text is not a public key. */
export function parsePublicKey(text: string): SshPublicKey | null {
  const m = /^\s*(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s|$)/.exec(text);
  if (!m) return null;
  const blob = Buffer.from(m[2], 'base64');
  try {
    if (new SshReader(blob).text() !== m[1]) return null;
  } catch {
    return null;
  }
  return { type: m[1], blob };
}

/** Node's KeyObject for an Ed25519 SSH public key (to verify raw signatures); null for other types. */
export function ed25519PublicKey(key: SshPublicKey): KeyObject | null {
  if (key.type !== 'ssh-ed25519') return null;
  const r = new SshReader(key.blob);
  r.text();
  const x = r.string();
  if (x.length !== 32) return null;
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' });
}

export type PrivateKeyFile =
  | { kind: 'ed25519'; key: KeyObject; publicKey: SshPublicKey }
  | { kind: 'agent-only'; reason: string; publicKey: SshPublicKey | null };

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** Reads an OpenSSH private key file; keys Aurora cannot use itself say why (then ssh-agent signs). */
export function readPrivateKeyFile(text: string, file: string): PrivateKeyFile {
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (!m) throw new InputError('not an OpenSSH private key (expected -----BEGIN OPENSSH PRIVATE KEY-----)', { file });
  const raw = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  try {
    if (!raw.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('bad magic');
    const r = new SshReader(raw.subarray(MAGIC.length));
    const cipher = r.text();
    r.text();
    r.string();
    if (r.uint32() !== 1) throw new Error('more than one key');
    const pubBlob = Buffer.from(r.string());
    const publicKey: SshPublicKey = { type: new SshReader(pubBlob).text(), blob: pubBlob };
    if (cipher !== 'none') return { kind: 'agent-only', reason: 'the key file is passphrase-protected', publicKey };
    if (publicKey.type !== 'ssh-ed25519') return { kind: 'agent-only', reason: `${publicKey.type} key files are signed through ssh-agent`, publicKey };
    const p = new SshReader(r.string());
    if (p.uint32() !== p.uint32()) throw new Error('check bytes differ');
    p.text();
    const pub = p.string();
    const priv = p.string();
    const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: priv.subarray(0, 32).toString('base64url'), x: pub.toString('base64url') }, format: 'jwk' });
    return { kind: 'ed25519', key, publicKey };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`unreadable OpenSSH private key: ${(err as Error).message}`, { file });
  }
}

