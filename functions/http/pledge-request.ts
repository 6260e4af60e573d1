import * as z from 'zod';
import { LateRecord, PledgeContent } from '../../events/pledge';
import { slug } from '../../events/text';
import type { PledgeScope } from '../../domain/campaign/registration-window';
import type { ParticipantKind } from '../../domain/titles';
import { participantAggregateId } from '../store/view-keys';
import { campaignOrCycleParams, participantKindQuery } from './respond';
import type { HttpRequest } from './types';

export const PledgeParams = campaignOrCycleParams.extend({ participantId: slug });

/** `late` only from the Office, only after the deadline (the decider says so). */
export const PledgeBody = PledgeContent.extend({ participantKind: z.enum(['department', 'member']), late: LateRecord.optional() });

/**
 * The yearly pledge (…/cycles/{year}/pledges/{id}) and the campaign-wide 5-year pledge (…/pledges/{id}) share
 * their handlers: the path's year, or its absence, is the scope.
 */
export const pledgePath = (request: HttpRequest) => {
  const { org, campaignId, year, participantId } = PledgeParams.parse(request.params);
  const { participantKind } = participantKindQuery.parse(request.query);
  const scope: PledgeScope = { year: year ?? 'campaign' };
  return { org, campaignId, participantId, scope, kindHint: participantKind as ParticipantKind | undefined };
};

export const pledgeStreamId = (org: string, campaignId: string, scope: PledgeScope, kind: ParticipantKind, participantId: string) =>
  ({ org, type: 'pledge', id: participantAggregateId(campaignId, scope.year, kind, participantId) }) as const;
