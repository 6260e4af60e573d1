import * as z from 'zod';
import { CouncilMember, Nomination, Vote } from '../../events/voting';
import { isoDate, slug } from '../../events/text';
import { cycleParams } from './respond';

/** What the council and proposal routes parse. */
export const CouncilBody = z.strictObject({ members: z.array(CouncilMember).min(1).max(50) });
export const ProposalParams = cycleParams.extend({ proposalId: slug });
/** `reviewDate` (default 31 December of the cycle's year) picks the rule set the session follows. */
export const DraftProposalBody = z.strictObject({
  nominations: z.array(Nomination).min(1).max(200),
  quota: z.int().min(0).max(200).nullable().default(null),
  reviewDate: isoDate.optional(),
});

const Votes = z.array(Vote).max(200);
export const BallotBody = z.strictObject({ votes: Votes });
export const WrittenOpinionBody = z.strictObject({ memberId: slug, votes: Votes });
export const CloseVotingBody = z.strictObject({ present: z.array(slug).max(50), chairPreference: z.array(z.int().min(0)).max(200).optional() });
