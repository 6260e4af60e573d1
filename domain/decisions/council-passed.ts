import { floorPercentOf } from '../awards/exact';
import type { RuleSet } from '../awards/rule-sets';
import { refuse } from '../errors';
import type { ProposalState } from '../voting/proposal';
import type { TitleCode } from '../titles';

export interface AwardLine {
  readonly title: TitleCode;
  readonly recipientKind: 'department' | 'member';
  readonly recipientId: string;
  readonly proposalId?: string;
}

type Exception = { readonly code: 'not-passed-by-council' | 'exceeds-quota'; readonly award: AwardLine; readonly why: string };

/** Whether the rules give the title's grant to the agency council's vote (CSTĐCS: Decree 98 art. 30(7)). */
const needsAgencyVote = (rules: RuleSet, award: AwardLine) =>
  (award.recipientKind === 'member' ? rules.memberTitles : rules.departmentTitles).find((rule) => rule.title === award.title)?.vote?.by === 'agency-council';

/** Why a line grants beyond its session: not passed, or passed outside the quota (a tie the chair may settle is not). */
const lineException = (award: AwardLine, session: ProposalState | undefined): Exception | null => {
  if (session === undefined || session.status !== 'closed') return { code: 'not-passed-by-council', award, why: `session "${award.proposalId}" has not closed` };
  const index = session.nominations.findIndex((each) => each.nomineeKind === award.recipientKind && each.nomineeId === award.recipientId && each.title === award.title);
  const outcome = session.outcomes[index];
  if (outcome === undefined || !outcome.passed) return { code: 'not-passed-by-council', award, why: `session "${award.proposalId}" did not pass it` };
  if (!outcome.withinQuota && !outcome.tiedAtCut) return { code: 'exceeds-quota', award, why: `passed in session "${award.proposalId}" but outside its quota of ${session.quota}` };
  return null;
};

/** More lines of a session's quota title granted than its quota (ties settled by the chair count too). */
const sessionExceptions = (lines: readonly AwardLine[], sessions: ReadonlyMap<string, ProposalState>): Exception[] =>
  [...sessions.entries()].flatMap(([proposalId, session]) => {
    if (session.quota === null) return [];
    const limited = lines.filter((award) => award.proposalId === proposalId && (session.quotaTitle === null || award.title === session.quotaTitle));
    return limited.length > session.quota ? [{ code: 'exceeds-quota' as const, award: limited[session.quota], why: `${limited.length} granted from session "${proposalId}", whose quota is ${session.quota}` }] : [];
  });

/**
 * A decision grants a title that requires the agency council's vote only to whom a named, closed session passed,
 * within its quota (the rule set's cap, Decree 91 art. 9(3), when the Office gave none). Granting beyond that is
 * refused unless the Office records the legal basis for the exception (`legalBasis`); naming the session never is
 * optional.
 */
export const requireCouncilPassed = (lines: readonly AwardLine[], rules: RuleSet, sessions: ReadonlyMap<string, ProposalState>, legalBasis: string | undefined): void => {
  const voted = lines.filter((award) => needsAgencyVote(rules, award));
  const unnamed = voted.find((award) => award.proposalId === undefined);
  if (unnamed) refuse('vote-session-required', `"${unnamed.title}" for ${unnamed.recipientKind} "${unnamed.recipientId}" needs the council session that passed it (proposalId)`, { title: unnamed.title, recipientId: unnamed.recipientId });
  const exceptions = [...voted.flatMap((award) => lineException(award, sessions.get(award.proposalId!)) ?? []), ...sessionExceptions(voted, sessions)];
  if (exceptions.length > 0 && legalBasis === undefined) {
    refuse(exceptions[0].code, `${exceptions[0].why}: record the legal basis (legalBasis) for an exception`, {
      exceptions: exceptions.map(({ code, award, why }) => ({ code, title: award.title, recipientId: award.recipientId, why })),
    });
  }
};

/** What the cycle's other decisions (not revoked) already grant to members, per title. */
export type CycleGrants = Readonly<Partial<Record<TitleCode, number>>>;

/**
 * The rule set of the cycle's review caps a title over the whole cycle (Decree 91 art. 9(3): CSTĐCS at most 15% of
 * the LĐTT holders), whatever sessions it came from: this decision's grants plus the cycle's others may not exceed
 * it, unless the Office records the legal basis for the exception.
 */
export const requireWithinCap = (lines: readonly AwardLine[], reviewRules: RuleSet, others: CycleGrants, legalBasis: string | undefined): void => {
  if (legalBasis !== undefined) return;
  const granting = (title: TitleCode) => (others[title] ?? 0) + lines.filter((award) => award.recipientKind === 'member' && award.title === title).length;
  for (const rule of reviewRules.memberTitles) {
    if (rule.quota === null || !lines.some((award) => award.recipientKind === 'member' && award.title === rule.title)) continue;
    const cap = floorPercentOf(rule.quota.percent, granting(rule.quota.ofTitle));
    const total = granting(rule.title);
    if (total > cap) refuse('exceeds-quota', `${total} “${rule.label}” in the cycle exceed the cap of ${cap}: record the legal basis (legalBasis) for an exception`, { cap, granted: total, source: rule.quota.source });
  }
};
