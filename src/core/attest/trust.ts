import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '../checklist/messages';
import { InputError } from '../util/errors';
import { parseAllowedSigners, allows, type SignerEntry } from './allowedSigners';
import { fingerprint, parsePublicKey, type SshPublicKey } from './keys';
import { DEFAULT_ALLOWED_SIGNERS, loadPolicy, policySchema, rolesOf, SIGNOFF_NAMESPACE } from './policy';
import { applyOnePrincipalOneRole, checkSignoff, type SignatureCheck, type StoredSignoff, type TrustContext } from './signoff';
import type { SshKeygen } from './sshKeygen';

export interface Trust extends TrustContext {
  signers: SignerEntry[];
  /** The policy file could not be read: every signed sign-off is then unverifiable, with this reason. */
  policyProblem: string | null;
}

/** Reads the repository's policy and allowed_signers; problems are carried, never thrown (they make sign-offs not count). */
export async function loadTrust(root: string, ssh: SshKeygen, signal: AbortSignal): Promise<Trust> {
  let loaded;
  try {
    loaded = await loadPolicy(root, signal);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const problem = `the sign-off policy cannot be read: ${err.format()}`;
    return { policy: policySchema.parse({ version: 1 }), policyFile: null, allowedSignersFile: path.join(root, DEFAULT_ALLOWED_SIGNERS), allowedSigners: { ok: false, problem }, ssh, signers: [], policyProblem: problem };
  }
  const rel = path.relative(root, loaded.allowedSignersFile).split(path.sep).join('/');
  let allowedSigners: Trust['allowedSigners'] = { ok: true };
  let signers: SignerEntry[] = [];
  try {
    signers = parseAllowedSigners(await fs.readFile(loaded.allowedSignersFile, { encoding: 'utf8', signal }), rel);
  } catch (err) {
    signal.throwIfAborted();
    const code = (err as NodeJS.ErrnoException).code;
    allowedSigners = { ok: false, problem: err instanceof InputError ? err.format() : code === 'ENOENT' ? `${rel} not found: no signature can be verified (see README "Signed sign-offs")` : `cannot read ${rel}: ${(err as Error).message}` };
  }
  return { policy: loaded.policy, policyFile: loaded.file, allowedSignersFile: loaded.allowedSignersFile, allowedSigners, ssh, signers, policyProblem: null };
}

/** Every role's sign-off checked, then the one-principal-one-role rule applied. */
export async function checkSignoffs(signoffs: Partial<Record<Role, StoredSignoff>>, trust: Trust, signal: AbortSignal): Promise<Partial<Record<Role, SignatureCheck>>> {
  const checks: Partial<Record<Role, SignatureCheck>> = {};
  await Promise.all(ROLES.map(async (role) => {
    const s = signoffs[role];
    if (s) checks[role] = await checkSignoff(s, role, trust, signal);
  }));
  applyOnePrincipalOneRole(signoffs, checks, trust.policy);
  return checks;
}

/** The SSH public key behind a signing key given as a private key file or a .pub (agent). */
export async function signingPublicKey(keyFile: string, ssh: SshKeygen, signal: AbortSignal): Promise<SshPublicKey> {
  const pubFile = keyFile.endsWith('.pub') ? keyFile : `${keyFile}.pub`;
  let text: string;
  try {
    text = await fs.readFile(pubFile, { encoding: 'utf8', signal });
  } catch {
    try {
      text = await ssh.publicKeyOf(keyFile, signal);
    } catch (err) {
      throw new InputError(`cannot use the signing key: ${(err as Error).message}`, { file: keyFile });
    }
  }
  const key = parsePublicKey(text);
  if (!key) throw new InputError('not an SSH public key', { file: pubFile });
  return key;
}

/** Principals of allowed_signers whose entry lists `key` for `namespace`. */
export function principalsOf(trust: Trust, key: SshPublicKey, namespace: string): string[] {
  return [...new Set(trust.signers.filter((e) => e.key.blob.equals(key.blob)).flatMap((e) => e.principals.filter((p) => allows(e, p, namespace))))];
}

/**
 * Who signs with `key` in `role`: the given principal, checked, or the one principal allowed_signers
 * and the policy agree on. Refusals say exactly what is missing, before anything is signed.
 */
export function resolveSigner(trust: Trust, key: SshPublicKey, role: Role, principal: string | undefined): string {
  if (trust.policyProblem) throw new InputError(trust.policyProblem);
  if (!trust.allowedSigners.ok) throw new InputError(trust.allowedSigners.problem);
  const fp = fingerprint(key);
  const mine = principalsOf(trust, key, SIGNOFF_NAMESPACE);
  const where = path.basename(trust.allowedSignersFile);
  if (principal !== undefined) {
    if (!mine.includes(principal)) throw new InputError(`the key ${fp} is not listed for ${principal} in ${where}${mine.length ? ` (it is listed for ${mine.join(', ')})` : ''}`);
    if (!rolesOf(trust.policy, principal).includes(role)) throw new InputError(`${principal} does not hold the role ${role} in ${trust.policyFile ?? 'the policy (no .aurora/policy.yaml)'}`);
    return principal;
  }
  const candidates = mine.filter((p) => rolesOf(trust.policy, p).includes(role));
  if (candidates.length === 1) return candidates[0];
  if (mine.length === 0) throw new InputError(`the key ${fp} is not in ${where}: add a line \`PRINCIPAL ${key.type} …\` for it`);
  if (candidates.length === 0) throw new InputError(`${mine.join(', ')} (key ${fp}) ${mine.length > 1 ? 'do' : 'does'} not hold the role ${role} in ${trust.policyFile ?? 'the policy (no .aurora/policy.yaml)'}`);
  throw new InputError(`the key ${fp} belongs to several principals with the role ${role} (${candidates.join(', ')}): say which one`);
}
