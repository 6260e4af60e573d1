/** Small factories for decider specifications: actors, the campaign, participants, pledge content and contexts. */
import type { CycleFacts } from '../../domain/awards/cycle-eligibility';
import { type Actor, systemActor } from '../../domain/actor';
import { type CampaignState, campaignDecider } from '../../domain/campaign/decider';
import type { PledgeScope } from '../../domain/campaign/registration-window';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { fold } from '../../domain/decider';
import type { PledgeContext } from '../../domain/pledge/decider';
import type { ParticipantRef } from '../../domain/policies';
import { vnInstant } from '../../domain/time';
import type { CampaignDefinition, CampaignEvent } from '../../events/campaign';
import type { PledgeContent } from '../../events/pledge';

export const ORG = 'bqlkkt-phu-quoc';

export const actors = {
  office: (): Actor => ({ sub: 'user:van-phong', org: ORG, roles: ['office'] }),
  leader: (): Actor => ({ sub: 'user:truong-ban', org: ORG, roles: ['leader'] }),
  council: (): Actor => ({ sub: 'user:hoi-dong', org: ORG, roles: ['council'] }),
  head: (department: string): Actor => ({ sub: `user:truong-${department}`, org: ORG, roles: ['head'], department }),
  member: (member: string, department: string): Actor => ({ sub: `user:${member}`, org: ORG, roles: ['member'], member, department }),
  system: (job = 'spec'): Actor => systemActor(ORG, job),
};

/** Every actor that is not the Office, by name. */
export const nonOfficeActors: readonly (readonly [string, Actor])[] = [
  ['leader', actors.leader()],
  ['council', actors.council()],
  ['head', actors.head('phong-quy-hoach')],
  ['member', actors.member('nguyen-van-an', 'phong-quy-hoach')],
];

/** Every person, the Office included: none of them may run the scheduler's commands. */
export const people: readonly (readonly [string, Actor])[] = [['office', actors.office()], ...nonOfficeActors];

export const CCHC_2021_2025: CampaignDefinition = CAMPAIGN_TEMPLATES['cchc-2021-2025'];
export const CCHC_2026_2030: CampaignDefinition = CAMPAIGN_TEMPLATES['cchc-2026-2030'];

export const launched = (openedCycle: number | null = 2021, definition: CampaignDefinition = CCHC_2021_2025): CampaignEvent => ({
  type: 'CampaignLaunched',
  data: { definition, openedCycle },
});

export const registrationClosed = (year: number, deadline = vnInstant(year, 3, 31).toISOString()): CampaignEvent => ({
  type: 'RegistrationClosed',
  data: { year, deadline },
});

/** The state of a campaign launched from a template, with any further events. */
export const campaignState = (more: readonly CampaignEvent[] = [], definition: CampaignDefinition = CCHC_2021_2025): CampaignState =>
  fold(campaignDecider, [launched(2021, definition), ...more]);

/** Participants on the roster. */
export const DEPARTMENT = 'phong-quy-hoach';
export const OTHER_DEPARTMENT = 'phong-dau-tu';
export const MEMBER = 'nguyen-van-an';
export const OTHER_MEMBER = 'tran-thi-binh';

export const departmentRef = (id = DEPARTMENT): ParticipantRef => ({ kind: 'department', id, departmentId: id });
export const memberRef = (id = MEMBER, departmentId = DEPARTMENT): ParticipantRef => ({ kind: 'member', id, departmentId });

export const memberContent = (overrides: Partial<PledgeContent> = {}): PledgeContent => ({
  targetTitles: ['lao-dong-tien-tien'],
  commitments: [{ text: 'Hoàn thành 100% hồ sơ thủ tục hành chính đúng hạn', criterion: 'cai-cach-thu-tuc-hanh-chinh' }],
  ...overrides,
});

export const departmentContent = (overrides: Partial<PledgeContent> = {}): PledgeContent => ({
  targetTitles: ['tap-the-lao-dong-tien-tien'],
  commitments: [{ text: 'Tiếp nhận hồ sơ trực tuyến mức độ 4', criterion: 'chinh-quyen-dien-tu-so' }],
  ...overrides,
});

/** A pledge context: by default the member itself, on 1 March 2025, for the 2025 cycle of the 2021-2025 campaign. */
export const pledgeContext = (overrides: Partial<PledgeContext> = {}): PledgeContext => ({
  actor: actors.member(MEMBER, DEPARTMENT),
  now: vnInstant(2025, 3, 1, 9),
  scope: { year: 2025 } satisfies PledgeScope,
  campaign: campaignState(),
  participant: memberRef(),
  ...overrides,
});

/**
 * A cycle's facts where every given member meets LĐTT under every rule set (graded "hoàn thành tốt", pledged, no
 * discipline): for specs of decisions whose subject is not eligibility (their size, their pages).
 */
export const everyoneEligible = (members: readonly { readonly id: string; readonly departmentId: string }[], year = 2025): CycleFacts => ({
  members: new Map(
    members.map(({ id, departmentId }) => [
      id,
      { year, grade: 'hoan-thanh-tot', pledged: true, disciplineLevel: null, recognizedInitiatives: 1, provinceWideInitiatives: 0, acceptedResearch: false, previousCstdcsYears: [], departmentId },
    ]),
  ),
  departments: new Map([...new Set(members.map((each) => each.departmentId))].map((id) => [id, { collectiveGrade: 'hoan-thanh-tot', pledged: true }])),
});
