import type { CampaignState } from '../domain/campaign/decider';
import { refuse } from '../domain/errors';
import type { ParticipantRef } from '../domain/policies';
import type { ParticipantKind } from '../domain/titles';
import type { Deps } from './deps';
import { type ViewRecord, batchGetViews } from './store/views';
import { viewKeys } from './store/view-keys';

/** The campaign as its view holds it: the same state the campaign decider folds, written by the projector. */
export const campaignStateOf = (item: ViewRecord | undefined): CampaignState | null =>
  item
    ? {
        definition: item.definition as CampaignState['definition'],
        openedCycles: item.openedCycles as number[],
        closedRegistrations: item.closedRegistrations as Record<string, string>,
        ended: item.ended as boolean,
        evaluationWindows: (item.evaluationWindows ?? {}) as CampaignState['evaluationWindows'],
      }
    : null;

const participantOf = (kind: ParticipantKind, item: ViewRecord | undefined): ParticipantRef | null =>
  item ? { kind, id: item.sk, departmentId: item.departmentId as string } : null;

/**
 * A participant's reference data (for a pledge or an evaluation), the campaign and the participant on the roster,
 * in one BatchGetItem.
 * When the client did not say whether the participant is a department or a member, both are looked up at once.
 */
export const loadParticipantReference = async (deps: Deps, org: string, campaignId: string, participantId: string, kind?: ParticipantKind) => {
  const kinds: ParticipantKind[] = kind ? [kind] : ['department', 'member'];
  const [campaign, ...roster] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId), ...kinds.map((each) => viewKeys[each](org, participantId))]);
  const found = kinds.flatMap((each, index) => participantOf(each, roster[index]) ?? []);
  if (found.length > 1) refuse('invalid-request', `"${participantId}" is both a department and a member: say which with ?participantKind=`);
  return { campaign: campaignStateOf(campaign), participant: found[0] ?? null };
};
