import type { CampaignState } from '../domain/campaign/decider';
import { refuse } from '../domain/errors';
import type { ParticipantRef } from '../domain/policies';
import type { ParticipantKind } from '../domain/titles';
import { cycleRosterDate, departmentOn } from '../domain/organization/roster';
import { vnIsoDate } from '../domain/time';
import type { Deps } from './deps';
import { postingsOf } from './roster';
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

/**
 * A participant as a record sees it: a member in the department it was in on the record's date, or not at all if
 * it was not on staff then (so a head acts for the members its department had that year, and only for them).
 */
const participantOf = (kind: ParticipantKind, item: ViewRecord | undefined, date: string): ParticipantRef | null => {
  if (!item) return null;
  if (kind === 'department') return { kind, id: item.sk, departmentId: item.sk };
  const departmentId = departmentOn(postingsOf(item), date);
  return departmentId === null ? null : { kind, id: item.sk, departmentId };
};

/** The date a record reads the roster on: its cycle's review date, or today for the campaign-wide (5-year) pledge. */
const recordDate = (deps: Deps, year: number | 'campaign') => (year === 'campaign' ? vnIsoDate(deps.now()) : cycleRosterDate(year));

/**
 * A participant's reference data (for a pledge or an evaluation), the campaign and the participant on the roster,
 * in one BatchGetItem.
 * When the client did not say whether the participant is a department or a member, both are looked up at once.
 */
export const loadParticipantReference = async (deps: Deps, org: string, campaignId: string, year: number | 'campaign', participantId: string, kind?: ParticipantKind) => {
  const kinds: ParticipantKind[] = kind ? [kind] : ['department', 'member'];
  const [campaign, ...roster] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId), ...kinds.map((each) => viewKeys[each](org, participantId))]);
  const date = recordDate(deps, year);
  const found = kinds.flatMap((each, index) => participantOf(each, roster[index], date) ?? []);
  if (found.length > 1) refuse('invalid-request', `"${participantId}" is both a department and a member: say which with ?participantKind=`);
  return { campaign: campaignStateOf(campaign), participant: found[0] ?? null };
};

/** What a command names besides its own record: a campaign, members, departments. */
export interface References {
  readonly campaignId?: string;
  readonly members?: readonly string[];
  readonly departments?: readonly string[];
}

/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

/**
 * Refuses a command that names what does not exist, before anything is written: an unknown campaign (404), a
 * member or department not on the roster (400 unknown-member, unknown-department). A member id that is a
 * department's (a nomination whose kind does not match its id) is not on the members' roster either.
 */
export const requireReferences = async (deps: Deps, org: string, references: References): Promise<void> => {
  const members = [...new Set(references.members ?? [])];
  const departments = [...new Set(references.departments ?? [])];
  const keys = [
    ...(references.campaignId ? [viewKeys.campaign(org, references.campaignId)] : []),
    ...members.map((id) => viewKeys.member(org, id)),
    ...departments.map((id) => viewKeys.department(org, id)),
  ];
  const chunks = Array.from({ length: Math.ceil(keys.length / BATCH) }, (_, index) => keys.slice(index * BATCH, (index + 1) * BATCH));
  const found = (await Promise.all(chunks.map((chunk) => batchGetViews(deps, chunk)))).flat();
  const missing = (key: { pk: string; sk: string }) => !found.some((item) => item?.pk === key.pk && item.sk === key.sk);
  if (references.campaignId && missing(viewKeys.campaign(org, references.campaignId))) refuse('not-found', `no campaign "${references.campaignId}"`);
  const unknownMembers = members.filter((id) => missing(viewKeys.member(org, id)));
  if (unknownMembers.length > 0) refuse('unknown-member', `not on the roster as members: ${unknownMembers.join(', ')}`);
  const unknownDepartments = departments.filter((id) => missing(viewKeys.department(org, id)));
  if (unknownDepartments.length > 0) refuse('unknown-department', `no such departments: ${unknownDepartments.join(', ')}`);
};
