/**
 * A refusal by the domain. `code` is the stable, machine-readable reason that clients switch on;
 * the HTTP layer maps it to a status (functions/http/problem.ts), the domain knows nothing of HTTP.
 */
export type DomainErrorCode =
  | 'invalid-request'
  | 'forbidden'
  | 'not-found'
  | 'registration-closed'
  | 'registration-not-open'
  | 'late-not-applicable'
  | 'title-not-allowed'
  | 'unknown-criterion'
  | 'unknown-department'
  | 'unknown-member'
  | 'accounts-not-configured'
  | 'no-account'
  | 'account-disabled'
  | 'role-not-granted'
  | 'campaign-ended'
  | 'invalid-campaign'
  | 'version-conflict'
  | 'idempotency-key-reused'
  | 'already-submitted'
  | 'not-submitted'
  | 'not-appraised'
  | 'not-finalized'
  | 'evaluation-finalized'
  | 'incomplete-self-assessment'
  | 'nothing-applicable'
  | 'score-out-of-range'
  | 'criterion-not-applicable'
  | 'evaluation-not-open'
  | 'evaluation-closed'
  | 'appraisal-closed'
  | 'invalid-transition'
  | 'title-not-for-recipient'
  | 'decision-revoked'
  | 'already-voted'
  | 'not-a-council-member'
  | 'voting-not-open'
  | 'quota-base-missing'
  | 'quota-exceeds-cap'
  | 'vote-session-required'
  | 'not-passed-by-council'
  | 'exceeds-quota'
  | 'recipient-not-eligible'
  | 'conflict-of-interest'
  | 'incomplete-appraisal'
  | 'appraisal-locked'
  | 'written-opinion-recorded'
  | 'evidence-type-not-allowed'
  | 'evidence-too-large'
  | 'evidence-not-uploaded'
  | 'evidence-mismatch'
  | 'evidence-required'
  | 'transfer-needs-date'
  | 'member-left'
  | 'member-not-left';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: DomainErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};
