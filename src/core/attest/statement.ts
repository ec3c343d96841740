import * as z from 'zod';

// The promotion record: an in-toto Statement v1 (github.com/in-toto/attestation, spec/v1) whose
// predicate is Aurora's decision, and the SLSA Verification Summary (slsa.dev/verification_summary/v1)
// derived from it for consumers that only read PASSED/FAILED.

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PROMOTION_PREDICATE = 'https://aurora-ga.dev/ga-promotion/v1';
export const VSA_PREDICATE = 'https://slsa.dev/verification_summary/v1';
export const VERIFIER_ID = 'https://aurora-ga.dev/verifier/aurora-ga';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const fileRef = z.object({ path: z.string(), sha256: sha });
export type FileRef = z.infer<typeof fileRef>;

export const subjectSchema = z.object({ name: z.string().min(1), digest: z.object({ sha256: sha }).passthrough() }).passthrough();
export type Subject = z.infer<typeof subjectSchema>;

const checkSchema = z.object({
  check_id: z.string(),
  outcome: z.string(),
  counts_as: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  comparator: z.string(),
});

export const promotionPredicateSchema = z.object({
  decision: z.literal('GO'),
  exit_code: z.literal(0),
  version: z.object({ from: z.string().nullable(), to: z.string() }),
  decided_at: z.string(),
  evaluator: z.object({ name: z.literal('aurora-ga'), version: z.string() }),
  evaluation: z.object({
    data_mode: z.literal('live'),
    source: z.string(),
    evaluated_at: z.string(),
    window_hours: z.number(),
    window: z.string().nullable(),
    decision_code: z.string(),
    exit_code: z.number().int(),
  }),
  gates_file: fileRef,
  gate_report: fileRef,
  recording: fileRef,
  gates: z.array(z.object({ gate_id: z.number(), key: z.string(), status: z.string(), fail_action: z.string(), checks: z.array(checkSchema) })),
  locks: z.object({ sha256: sha, files: z.array(fileRef) }),
  checklist: fileRef.extend({ decision: z.string(), rationale: z.string() }),
  policy: fileRef,
  allowed_signers: fileRef,
  /** Released artifacts: `file` ones are checked against the file at `name`; `digest` ones were given as digests. */
  artifacts: z.array(z.object({ name: z.string(), sha256: sha, source: z.enum(['file', 'digest']) })),
  /** Each sign-off as stored: its signed payload and SSH signature. */
  signoffs: z.array(z.object({ role: z.string(), principal: z.string(), time: z.string(), signature: z.unknown().optional() }).passthrough()),
});
export type PromotionPredicate = z.infer<typeof promotionPredicateSchema>;

export const statementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(subjectSchema).min(1),
  predicateType: z.literal(PROMOTION_PREDICATE),
  predicate: promotionPredicateSchema,
});
export type PromotionStatement = z.infer<typeof statementSchema>;

export function promotionStatement(subject: Subject[], predicate: PromotionPredicate): PromotionStatement {
  return { _type: STATEMENT_TYPE, subject, predicateType: PROMOTION_PREDICATE, predicate };
}

/**
 * The VSA of a verification: PASSED only for a verified GO. VSA v1 has no CONDITIONAL or
 * INCONCLUSIVE; they are stated as custom verifiedLevels (the spec allows values not starting with
 * SLSA_) and repeated in the Aurora-specific properties.
 */
export function verificationSummary(subject: Subject[], o: { passed: boolean; decisionCode: string; checklistDecision: string; toolVersion: string; timeVerified: string; record: FileRef; gatesFile: FileRef; resourceUri: string; failures: string[] }) {
  return {
    _type: STATEMENT_TYPE,
    subject,
    predicateType: VSA_PREDICATE,
    predicate: {
      verifier: { id: VERIFIER_ID, version: { 'aurora-ga': o.toolVersion } },
      timeVerified: o.timeVerified,
      resourceUri: o.resourceUri,
      policy: { uri: o.gatesFile.path, digest: { sha256: o.gatesFile.sha256 } },
      inputAttestations: [{ uri: o.record.path, digest: { sha256: o.record.sha256 } }],
      verificationResult: o.passed ? 'PASSED' : 'FAILED',
      verifiedLevels: [`AURORA_GA_GATES_${o.decisionCode}`, `AURORA_GA_CHECKLIST_${o.checklistDecision.replace('-', '_')}`],
      slsaVersion: '1.0',
      'aurora-ga': { decision_code: o.decisionCode, checklist_decision: o.checklistDecision, failures: o.failures },
    },
  };
}
