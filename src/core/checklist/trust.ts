import path from 'node:path';
import { checkSignoffs, loadTrust, type Trust } from '../attest/trust';
import type { SshKeygen } from '../attest/sshKeygen';
import { systemSshKeygen } from '../attest/sshKeygen';
import type { SignoffTrust } from './signoff';
import type { ChecklistState } from './state';

/** The policy, allowed_signers and every sign-off's signature, checked for the checklist. */
export async function signoffTrust(root: string, state: ChecklistState, ssh: SshKeygen | undefined, signal: AbortSignal): Promise<{ view: SignoffTrust; trust: Trust }> {
  const trust = await loadTrust(root, ssh ?? systemSshKeygen(), signal);
  const checks = await checkSignoffs(state.signoffs, trust, signal);
  return {
    trust,
    view: {
      policy: trust.policy,
      policyFile: trust.policyFile,
      allowedSigners: path.relative(root, trust.allowedSignersFile).split(path.sep).join('/'),
      problem: trust.policyProblem ?? (trust.allowedSigners.ok ? null : trust.allowedSigners.problem),
      checks,
    },
  };
}
