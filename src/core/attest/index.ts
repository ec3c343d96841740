// Signed sign-offs, consistent reports and verifiable promotion records (issue #14). Core only: the
// one effect, running ssh-keygen, is the injected SshKeygen (sshKeygen.ts); ssh-agent is reached
// through its socket (agent.ts).
export { reportProblems } from './consistency';
export { checkRecording } from './recordingRef';
export { envelopeSchema, INTOTO_PAYLOAD_TYPE, pae, rawSigner, signEnvelope, verifyEnvelope, type Envelope, type RawSigner } from './dsse';
export { fingerprint, parsePublicKey, type SshPublicKey } from './keys';
export { loadPolicy, parsePolicy, policySchema, POLICY_FILE, DEFAULT_ALLOWED_SIGNERS, RECORD_NAMESPACE, SIGNOFF_NAMESPACE, type Policy } from './policy';
export { buildStatement, resolveArtifact, type ReleasedArtifact } from './record';
export { prepareSigner, type PreparedSigner } from './sign';
export { approvedEvaluation, checkSignoff, encodePayload, type SignatureCheck, type SignoffPayload, type SignoffSignature } from './signoff';
export { systemSshKeygen, type SshKeygen } from './sshKeygen';
export { PROMOTION_PREDICATE, statementSchema, verificationSummary, VSA_PREDICATE, type PromotionStatement } from './statement';
export { checkSignoffs, loadTrust, signingPublicKey, type Trust } from './trust';
export { consistencyStep, rederiveStep, signoffStep, verifyRecordFile, verifyStatement, type Step, type Verification } from './verify';
export { verifyCurrent } from './current';
