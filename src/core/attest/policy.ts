import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { ROLES } from '../checklist/messages';
import { InputError } from '../util/errors';
import { schemaError } from '../util/jsonSource';
import { readTextIfPresent } from '../util/readText';

// The repository's sign-off policy, `.aurora/policy.yaml`, committed next to `.aurora/allowed_signers`.
// It says who may sign in which role; allowed_signers says which key is whose. Without a policy no
// sign-off can be verified, so nothing is ever GO by default.

export const POLICY_FILE = '.aurora/policy.yaml';
export const DEFAULT_ALLOWED_SIGNERS = '.aurora/allowed_signers';
/** ssh-keygen -Y namespaces: a sign-off signature can never be replayed as a record signature or a git commit. */
export const SIGNOFF_NAMESPACE = 'aurora-ga-signoff';
export const RECORD_NAMESPACE = 'aurora-ga-record';

const principal = z.string().min(1).max(200).regex(/^[^\s,"]+$/, 'a principal has no spaces, commas or quotes');

export const policySchema = z.object({
  version: z.literal(1),
  /** Relative to the repository root. */
  allowed_signers: z.string().min(1).default(DEFAULT_ALLOWED_SIGNERS),
  /** Principals (as in allowed_signers) who may sign in each role. */
  roles: z.object({
    release_manager: z.array(principal).default([]),
    sre_lead: z.array(principal).default([]),
    product_owner: z.array(principal).default([]),
  }).strict().default({ release_manager: [], sre_lead: [], product_owner: [] }),
  /** Roles whose sign-off a GO needs. */
  required_roles: z.array(z.enum(ROLES)).min(1).default([...ROLES]),
  /** May one principal sign in two roles? (Four-eyes: no.) */
  one_principal_many_roles: z.boolean().default(false),
  /** Do name-only (unsigned) sign-offs count at all? */
  count_unsigned: z.boolean().default(false),
  /** Principals who may sign the promotion record; default: everyone holding a role. */
  record_signers: z.array(principal).optional(),
}).strict();
export type Policy = z.infer<typeof policySchema>;

export interface LoadedPolicy {
  policy: Policy;
  /** Where it came from; null when the repository has none (then the defaults apply). */
  file: string | null;
  /** Absolute path of allowed_signers. */
  allowedSignersFile: string;
  /** The policy file's bytes' SHA-256 input, for the record. */
  text: string | null;
}

export function parsePolicy(text: string, file: string): Policy {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) {
    const { line, col } = lc.linePos(doc.errors[0].pos[0]);
    throw new InputError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, { file, line, column: col });
  }
  const parsed = policySchema.safeParse(doc.toJS());
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a valid sign-off policy');
  return parsed.data;
}

export async function loadPolicy(root: string, signal: AbortSignal): Promise<LoadedPolicy> {
  const file = path.join(root, POLICY_FILE);
  const text = await readTextIfPresent(file, signal);
  const policy = text === undefined ? policySchema.parse({ version: 1 }) : parsePolicy(text, POLICY_FILE);
  return { policy, file: text === undefined ? null : POLICY_FILE, allowedSignersFile: path.resolve(root, policy.allowed_signers), text: text ?? null };
}

/** The roles `principal` holds under the policy. */
export function rolesOf(policy: Policy, who: string): (typeof ROLES)[number][] {
  return ROLES.filter((r) => policy.roles[r].includes(who));
}
