// Real SSH keys for the attestation tests: made by ssh-keygen in the workspace's temp folder, listed
// in its .aurora/allowed_signers, with a policy giving each principal one role.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareSigner } from '../../../src/core/attest/sign';
import { systemSshKeygen } from '../../../src/core/attest/sshKeygen';
import type { Role } from '../../../src/core/checklist/messages';
import { updateChecklist } from '../../../src/core/checklist/session';
import { loadOptions } from '../checklist/workspace';

export const PEOPLE: Record<Role, string> = { release_manager: 'alice@example.com', sre_lead: 'bob@example.com', product_owner: 'carol@example.com' };

/** ssh-keygen -t TYPE in `dir`; returns the private key path (its .pub beside it). */
export function makeKey(dir: string, name: string, type = 'ed25519'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', name, '-f', file]);
  return file;
}

export function pub(keyFile: string): string {
  return fs.readFileSync(`${keyFile}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** Three keys (outside the repository, as a person's ~/.ssh), allowed_signers and the policy in `root`. */
export function setUpSigners(root: string, policyExtra = ''): Record<Role, string> {
  const keysDir = path.join(root, '..', `${path.basename(root)}-keys`);
  const keys = Object.fromEntries(Object.keys(PEOPLE).map((r) => [r, makeKey(keysDir, r)])) as Record<Role, string>;
  fs.mkdirSync(path.join(root, '.aurora'), { recursive: true });
  fs.writeFileSync(path.join(root, '.aurora/allowed_signers'), Object.entries(PEOPLE).map(([r, p]) => `${p} namespaces="aurora-ga-signoff,aurora-ga-record" ${pub(keys[r as Role])}\n`).join(''));
  fs.writeFileSync(path.join(root, '.aurora/policy.yaml'), `version: 1\nroles:\n${Object.entries(PEOPLE).map(([r, p]) => `  ${r}: [${p}]\n`).join('')}${policyExtra}`);
  return keys;
}

export function rmKeys(root: string): void {
  fs.rmSync(path.join(root, '..', `${path.basename(root)}-keys`), { recursive: true, force: true });
}

export async function signAs(root: string, role: Role, keyFile: string, signal: AbortSignal, principal?: string) {
  const ssh = systemSshKeygen();
  const signer = await prepareSigner(root, keyFile, role, principal, ssh, signal);
  return updateChecklist(root, { ...loadOptions, ssh }, { type: 'signOff', role, name: signer.principal, signer: signer.sign }, signal);
}
