import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as z from 'zod';
import { InputError } from '../util/errors';
import { agentSign } from './agent';
import { allows, type SignerEntry } from './allowedSigners';
import { ed25519PublicKey, fingerprint, readPrivateKeyFile, type SshPublicKey } from './keys';
import { RECORD_NAMESPACE } from './policy';

// DSSE v1 (github.com/secure-systems-lab/dsse): the signature covers PAE(payloadType, payload) =
// "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. Signatures are raw Ed25519 over those bytes, so
// any DSSE tool (or `openssl pkeyutl -verify -rawin`) can check them; keyid is the key's SHA256
// fingerprint as ssh-keygen prints it, and the key itself comes from allowed_signers.

export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export const envelopeSchema = z.object({
  payload: z.string().min(1),
  payloadType: z.string().min(1),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string().min(1) }).passthrough()),
}).passthrough();
export type Envelope = z.infer<typeof envelopeSchema>;

export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** Signs raw bytes with an Ed25519 SSH key: from an unencrypted key file, or through ssh-agent for a .pub / protected key. */
export type RawSigner = { keyid: string; publicKey: SshPublicKey; sign(data: Buffer, signal: AbortSignal): Promise<Buffer> };

export async function rawSigner(keyFile: string, env: NodeJS.ProcessEnv, signal: AbortSignal, publicKey: SshPublicKey): Promise<RawSigner> {
  if (publicKey.type !== 'ssh-ed25519') throw new InputError(`the promotion record is signed with Ed25519 keys (DSSE raw signatures); this key is ${publicKey.type}`, { file: keyFile });
  const keyid = fingerprint(publicKey);
  if (!keyFile.endsWith('.pub')) {
    const text = await fs.readFile(keyFile, { encoding: 'utf8', signal }).catch((err: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read the signing key: ${err.code ?? err.message}`, { file: keyFile });
    });
    const k = readPrivateKeyFile(text, keyFile);
    if (k.kind === 'ed25519') {
      if (!k.publicKey.blob.equals(publicKey.blob)) throw new InputError('the key file and its .pub differ', { file: keyFile });
      const key = k.key;
      return { keyid, publicKey, sign: async (data) => cryptoSign(null, data, key) };
    }
  }
  const socket = env.SSH_AUTH_SOCK;
  if (!socket) throw new InputError('this key is signed through ssh-agent, but SSH_AUTH_SOCK is not set (ssh-add the key, or give an unencrypted Ed25519 key file)', { file: keyFile });
  return {
    keyid,
    publicKey,
    sign: async (data, s) => {
      const r = await agentSign(socket, publicKey, data, s).catch((err: Error) => {
        throw new InputError(`ssh-agent: ${err.message}`, { file: keyFile });
      });
      if (r.algorithm !== 'ssh-ed25519' || r.signature.length !== 64) throw new InputError(`ssh-agent answered a ${r.algorithm} signature, not Ed25519`, { file: keyFile });
      return r.signature;
    },
  };
}

export async function signEnvelope(payload: Buffer, payloadType: string, signers: RawSigner[], signal: AbortSignal): Promise<Envelope> {
  const data = pae(payloadType, payload);
  const signatures = [];
  for (const s of signers) signatures.push({ keyid: s.keyid, sig: (await s.sign(data, signal)).toString('base64') });
  return { payload: payload.toString('base64'), payloadType, signatures };
}

export interface SignatureResult {
  keyid: string;
  ok: boolean;
  /** The principals of allowed_signers this key belongs to (for RECORD_NAMESPACE). */
  principals: string[];
  detail: string;
}

/** Checks every signature of the envelope against the Ed25519 keys of allowed_signers. */
export function verifyEnvelope(env: Envelope, signers: SignerEntry[]): SignatureResult[] {
  const data = pae(env.payloadType, Buffer.from(env.payload, 'base64'));
  return env.signatures.map((s) => {
    const keyid = s.keyid ?? '';
    const entries = signers.filter((e) => fingerprint(e.key) === keyid);
    const principals = [...new Set(entries.flatMap((e) => e.principals.filter((p) => allows(e, p, RECORD_NAMESPACE))))];
    if (entries.length === 0) return { keyid, ok: false, principals, detail: `key ${keyid || '(no keyid)'} is not in allowed_signers` };
    if (principals.length === 0) return { keyid, ok: false, principals, detail: `key ${keyid} is in allowed_signers, but not for namespace ${RECORD_NAMESPACE}` };
    const pub = ed25519PublicKey(entries[0].key);
    if (!pub) return { keyid, ok: false, principals, detail: `key ${keyid} is ${entries[0].key.type}; record signatures are Ed25519` };
    const ok = cryptoVerify(null, data, pub, Buffer.from(s.sig, 'base64'));
    return { keyid, ok, principals, detail: ok ? `good signature by ${principals.join(', ')} (${keyid})` : `bad signature for key ${keyid} (${principals.join(', ')}): the record was changed after signing, or signed with another key` };
  });
}
