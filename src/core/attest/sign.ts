import type { Role } from '../checklist/messages';
import { fingerprint } from './keys';
import { SIGNOFF_NAMESPACE } from './policy';
import type { SignoffSignature } from './signoff';
import type { SshKeygen } from './sshKeygen';
import { loadTrust, resolveSigner, signingPublicKey } from './trust';

export interface PreparedSigner {
  principal: string;
  keyFingerprint: string;
  sign(payload: Buffer, signal: AbortSignal): Promise<SignoffSignature>;
}

/**
 * Gets ready to sign as `role` with `keyFile` (a private key file, or a .pub whose private half is in
 * ssh-agent): finds or checks the principal against allowed_signers and the policy first, so a key
 * that would not verify is refused before anything is signed or saved.
 */
export async function prepareSigner(root: string, keyFile: string, role: Role, principal: string | undefined, ssh: SshKeygen, signal: AbortSignal): Promise<PreparedSigner> {
  const trust = await loadTrust(root, ssh, signal);
  const key = await signingPublicKey(keyFile, ssh, signal);
  const who = resolveSigner(trust, key, role, principal);
  const fp = fingerprint(key);
  return {
    principal: who,
    keyFingerprint: fp,
    sign: async (payload, s) => ({
      format: 'sshsig',
      namespace: SIGNOFF_NAMESPACE,
      payload: payload.toString('base64'),
      sig: await ssh.sign(payload, keyFile, SIGNOFF_NAMESPACE, s),
      key_fingerprint: fp,
    }),
  };
}
