import { describe, expect, it } from 'vitest';
import { campaignDecider } from '../../domain/campaign/decider';
import { fold } from '../../domain/decider';
import { pledgeDecider } from '../../domain/pledge/decider';
import { vnInstant } from '../../domain/time';
import type { CampaignEvent } from '../../events/campaign';
import type { PledgeContent, PledgeEvent } from '../../events/pledge';
import {
  actors,
  CCHC_2021_2025,
  CCHC_2026_2030,
  campaignState,
  DEPARTMENT,
  departmentContent,
  departmentRef,
  launched,
  MEMBER,
  memberContent,
  memberRef,
  OTHER_DEPARTMENT,
  OTHER_MEMBER,
  pledgeContext,
  registrationClosed,
} from './fixtures';
import { spec } from './specification';

const pledge = spec(pledgeDecider);

const save = (content: PledgeContent = memberContent(), late?: { reason: string }) =>
  late ? ({ type: 'SavePledge', content, late } as const) : ({ type: 'SavePledge', content } as const);
const withdraw = { type: 'WithdrawPledge' } as const;

const submittedBy = (content: PledgeContent, participant = memberRef(), late?: { reason: string }): PledgeEvent => ({
  type: 'PledgeSubmitted',
  data: { participantKind: participant.kind, participantId: participant.id, departmentId: participant.departmentId, ...content, ...(late ? { late } : {}) },
});
const submitted = submittedBy(memberContent());
const withdrawn: PledgeEvent = { type: 'PledgeWithdrawn', data: {} };

const ON_DEADLINE_DAY = vnInstant(2025, 3, 30, 23, 59, 59, 999);
const AFTER_DEADLINE = vnInstant(2025, 3, 31);
const LATE = { reason: 'Đồng chí đi công tác dài ngày, Văn phòng ghi nhận bản đăng ký gửi qua văn bản giấy' };

describe('pledgeDecider: SavePledge, who may register', () => {
  it('a member registers its own pledge', () => {
    const state = pledge
      .given([])
      .when(save(), pledgeContext())
      .then([
        {
          type: 'PledgeSubmitted',
          data: { participantKind: 'member', participantId: MEMBER, departmentId: DEPARTMENT, ...memberContent() },
        },
      ]);
    expect(state).toStrictEqual({ status: 'active', participant: memberRef(), content: memberContent(), late: null });
  });

  it("the head of the member's department registers for it", () => {
    pledge.given([]).when(save(), pledgeContext({ actor: actors.head(DEPARTMENT) })).then([submitted]);
  });

  it("the head registers its department's collective pledge", () => {
    pledge
      .given([])
      .when(save(departmentContent()), pledgeContext({ actor: actors.head(DEPARTMENT), participant: departmentRef() }))
      .then([submittedBy(departmentContent(), departmentRef())]);
  });

  it('the head of another department is forbidden, for a member or a department', () => {
    pledge.given([]).when(save(), pledgeContext({ actor: actors.head(OTHER_DEPARTMENT) })).thenThrows('forbidden');
    pledge
      .given([])
      .when(save(departmentContent()), pledgeContext({ actor: actors.head(OTHER_DEPARTMENT), participant: departmentRef() }))
      .thenThrows('forbidden');
  });

  it('a member may not register for another member, even of its own department', () => {
    pledge.given([]).when(save(), pledgeContext({ actor: actors.member(OTHER_MEMBER, DEPARTMENT) })).thenThrows('forbidden');
  });

  it('a member may not register its department', () => {
    pledge
      .given([])
      .when(save(departmentContent()), pledgeContext({ actor: actors.member(MEMBER, DEPARTMENT), participant: departmentRef() }))
      .thenThrows('forbidden');
  });

  it('the Office registers for anyone', () => {
    pledge.given([]).when(save(), pledgeContext({ actor: actors.office() })).then([submitted]);
    pledge
      .given([])
      .when(save(departmentContent()), pledgeContext({ actor: actors.office(), participant: departmentRef(OTHER_DEPARTMENT) }))
      .then([submittedBy(departmentContent(), departmentRef(OTHER_DEPARTMENT))]);
  });

  it.each([
    ['leader', actors.leader()],
    ['council', actors.council()],
    ['system', actors.system()],
  ])('a %s may not register anyone', (_role, actor) => {
    pledge.given([]).when(save(), pledgeContext({ actor })).thenThrows('forbidden');
  });
});

describe('pledgeDecider: SavePledge, amendments', () => {
  const amendedContent = memberContent({ targetTitles: ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so'] });

  it('a different content amends the pledge', () => {
    const state = pledge.given([submitted]).when(save(amendedContent), pledgeContext()).then([{ type: 'PledgeAmended', data: amendedContent }]);
    expect(state.content).toStrictEqual(amendedContent);
    expect(state.participant).toStrictEqual(memberRef());
  });

  it('a changed commitment is an amendment too', () => {
    const content = memberContent({ commitments: [{ text: 'Không để hồ sơ trễ hạn' }] });
    pledge.given([submitted]).when(save(content), pledgeContext()).then([{ type: 'PledgeAmended', data: content }]);
  });

  it('the identical content writes nothing', () => {
    pledge.given([submitted]).when(save(memberContent()), pledgeContext()).thenNothing();
    pledge
      .given([submitted, { type: 'PledgeAmended', data: amendedContent }])
      .when(save(structuredClone(amendedContent)), pledgeContext())
      .thenNothing();
  });

  // DynamoDB does not keep a map's key order: equality must be structural, not textual.
  it('the identical content with keys in another order writes nothing', () => {
    const stored = submittedBy({ targetTitles: ['lao-dong-tien-tien'], commitments: [{ criterion: 'cai-cach-the-che', text: 'Rà soát văn bản' }] });
    pledge
      .given([stored])
      .when(save({ targetTitles: ['lao-dong-tien-tien'], commitments: [{ text: 'Rà soát văn bản', criterion: 'cai-cach-the-che' }] }), pledgeContext())
      .thenNothing();
  });

  it('after a withdrawal, saving again submits a new pledge', () => {
    const state = pledge.given([submitted, withdrawn]).when(save(), pledgeContext()).then([submitted]);
    expect(state.status).toBe('active');
  });

  it('after a withdrawal, the head may submit again for the member', () => {
    pledge.given([submitted, withdrawn]).when(save(amendedContent), pledgeContext({ actor: actors.head(DEPARTMENT) })).then([submittedBy(amendedContent)]);
  });
});

describe('pledgeDecider: SavePledge, content checks', () => {
  it.each(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so', 'chien-si-thi-dua-cap-tinh'] as const)(
    'refuses the individual title %s for a department',
    (title) => {
      pledge
        .given([])
        .when(save(departmentContent({ targetTitles: ['tap-the-lao-dong-tien-tien', title] })), pledgeContext({ actor: actors.office(), participant: departmentRef() }))
        .thenThrows('title-not-allowed', { title });
    },
  );

  it.each(['tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac', 'co-thi-dua-cap-tinh'] as const)('refuses the collective title %s for a member', (title) => {
    pledge.given([]).when(save(memberContent({ targetTitles: [title] })), pledgeContext()).thenThrows('title-not-allowed', { title });
  });

  it('accepts a form of commendation open to both (giấy khen) for a member and a department', () => {
    const forMember = memberContent({ targetTitles: ['giay-khen'] });
    pledge.given([]).when(save(forMember), pledgeContext()).then([submittedBy(forMember)]);
    const forDepartment = departmentContent({ targetTitles: ['giay-khen', 'bang-khen-cap-tinh'] });
    pledge
      .given([])
      .when(save(forDepartment), pledgeContext({ actor: actors.head(DEPARTMENT), participant: departmentRef() }))
      .then([submittedBy(forDepartment, departmentRef())]);
  });

  it("refuses a title that is not in the campaign's allowed titles", () => {
    const campaign = campaignState([], { ...CCHC_2021_2025, allowedTitles: ['lao-dong-tien-tien', 'tap-the-lao-dong-tien-tien'] });
    pledge
      .given([])
      .when(save(memberContent({ targetTitles: ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so'] })), pledgeContext({ campaign }))
      .thenThrows('title-not-allowed', { title: 'chien-si-thi-dua-co-so' });
    pledge.given([]).when(save(memberContent()), pledgeContext({ campaign })).then([submitted]);
  });

  it('follows a redefinition that drops a title', () => {
    const campaign = campaignState([{ type: 'CampaignRedefined', data: { definition: { ...CCHC_2021_2025, allowedTitles: ['chien-si-thi-dua-co-so'] } } }]);
    pledge.given([]).when(save(memberContent()), pledgeContext({ campaign })).thenThrows('title-not-allowed', { title: 'lao-dong-tien-tien' });
  });

  it('refuses a commitment that names an unknown criterion', () => {
    const content = memberContent({
      commitments: [
        { text: 'Cải cách thể chế', criterion: 'cai-cach-the-che' },
        { text: 'Chuyển đổi số', criterion: 'chuyen-doi-so' },
      ],
    });
    pledge.given([]).when(save(content), pledgeContext()).thenThrows('unknown-criterion', { criterion: 'chuyen-doi-so' });
  });

  it('accepts commitments with no criterion, and no commitments at all', () => {
    const loose = memberContent({ commitments: [{ text: 'Chấp hành tốt kỷ luật, kỷ cương hành chính' }] });
    pledge.given([]).when(save(loose), pledgeContext()).then([submittedBy(loose)]);
    const none = memberContent({ commitments: [] });
    pledge.given([]).when(save(none), pledgeContext()).then([submittedBy(none)]);
  });

  it('checks the content before the window: a bad title after the deadline is title-not-allowed', () => {
    pledge
      .given([])
      .when(save(memberContent({ targetTitles: ['co-thi-dua-cap-tinh'] })), pledgeContext({ now: AFTER_DEADLINE }))
      .thenThrows('title-not-allowed');
  });
});

describe('pledgeDecider: SavePledge, the registration window', () => {
  it('accepts on 30/3 at 23:59:59.999 local', () => {
    pledge.given([]).when(save(), pledgeContext({ now: ON_DEADLINE_DAY })).then([submitted]);
  });

  it('refuses on 31/3 at 00:00:00 local, naming the deadline', () => {
    pledge.given([]).when(save(), pledgeContext({ now: AFTER_DEADLINE })).thenThrows('registration-closed', { deadline: '2025-03-30T16:59:59.999Z' });
  });

  it('refuses an amendment after the deadline too', () => {
    pledge.given([submitted]).when(save(memberContent({ targetTitles: ['giay-khen'] })), pledgeContext({ now: AFTER_DEADLINE })).thenThrows('registration-closed');
  });

  it('accepts on 1 January of the year (the yearly window opens at 00:00 local)', () => {
    pledge.given([]).when(save(), pledgeContext({ now: vnInstant(2025, 1, 1) })).then([submitted]);
  });

  it('a recorded RegistrationClosed closes the window even if the clock is earlier', () => {
    const campaign = campaignState([registrationClosed(2025)]);
    pledge.given([]).when(save(), pledgeContext({ campaign, now: vnInstant(2025, 3, 1) })).thenThrows('registration-closed');
  });

  it("another year's recorded close does not close this one", () => {
    const campaign = campaignState([registrationClosed(2024)]);
    pledge.given([]).when(save(), pledgeContext({ campaign, now: vnInstant(2025, 3, 1) })).then([submitted]);
  });

  it('the Office records a pledge after the deadline, flagged late with its reason', () => {
    const state = pledge.given([]).when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), now: AFTER_DEADLINE })).then([submittedBy(memberContent(), memberRef(), LATE)]);
    expect(state.late).toStrictEqual(LATE);
  });

  it('the Office records a late amendment, and the late flag is kept by later amendments', () => {
    const amended = memberContent({ targetTitles: ['giay-khen'] });
    const state = pledge
      .given([submitted])
      .when(save(amended, LATE), pledgeContext({ actor: actors.office(), now: AFTER_DEADLINE }))
      .then([{ type: 'PledgeAmended', data: { ...amended, late: LATE } }]);
    expect(state.late).toStrictEqual(LATE);
    // Once flagged, an amendment without its own flag keeps the record's reason.
    const after = fold(pledgeDecider, [submitted, { type: 'PledgeAmended', data: { ...amended, late: LATE } }, { type: 'PledgeAmended', data: memberContent() }]);
    expect(after.late).toStrictEqual(LATE);
  });

  it('the Office may flag the identical content as late: it is recorded as an amendment', () => {
    pledge
      .given([submitted])
      .when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), now: AFTER_DEADLINE }))
      .then([{ type: 'PledgeAmended', data: { ...memberContent(), late: LATE } }]);
  });

  it('the Office may record late even after the recorded close', () => {
    const campaign = campaignState([registrationClosed(2025)]);
    pledge
      .given([])
      .when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), campaign, now: vnInstant(2025, 4, 10) }))
      .then([submittedBy(memberContent(), memberRef(), LATE)]);
  });

  it.each([
    ['the member itself', actors.member(MEMBER, DEPARTMENT)],
    ['the head of its department', actors.head(DEPARTMENT)],
  ])('a late flag by %s is forbidden, after the deadline or while open', (_who, actor) => {
    pledge.given([]).when(save(memberContent(), LATE), pledgeContext({ actor, now: AFTER_DEADLINE })).thenThrows('forbidden');
    pledge.given([]).when(save(memberContent(), LATE), pledgeContext({ actor, now: ON_DEADLINE_DAY })).thenThrows('forbidden');
  });

  it('a late flag while registration is open is not applicable', () => {
    pledge.given([]).when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), now: ON_DEADLINE_DAY })).thenThrows('late-not-applicable');
  });

  it("a future year's cycle is not open yet (now 2025, scope 2026 of the 2026-2030 campaign)", () => {
    const campaign = campaignState([], CCHC_2026_2030);
    pledge.given([]).when(save(), pledgeContext({ campaign, scope: { year: 2026 }, now: vnInstant(2025, 6, 1) })).thenThrows('registration-not-open');
    pledge
      .given([])
      .when(save(), pledgeContext({ campaign, scope: { year: 2026 }, now: vnInstant(2025, 12, 31, 23, 59, 59, 999) }))
      .thenThrows('registration-not-open');
    // Not even late: the Office cannot record ahead of time.
    pledge
      .given([])
      .when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), campaign, scope: { year: 2026 }, now: vnInstant(2025, 6, 1) }))
      .thenThrows('registration-not-open');
    // It opens at 1/1/2026 00:00 local.
    pledge.given([]).when(save(), pledgeContext({ campaign, scope: { year: 2026 }, now: vnInstant(2026, 1, 1) })).then([submitted]);
  });

  it('a later year of the running campaign is not open yet either', () => {
    pledge.given([]).when(save(), pledgeContext({ scope: { year: 2025 }, now: vnInstant(2024, 10, 1) })).thenThrows('registration-not-open');
  });

  it.each([2020, 2026])('a year outside the campaign (%i) is not found', (year) => {
    pledge.given([]).when(save(), pledgeContext({ scope: { year }, now: vnInstant(2025, 3, 1) })).thenThrows('not-found');
  });

  it('a missing campaign is not found', () => {
    pledge.given([]).when(save(), pledgeContext({ campaign: null })).thenThrows('not-found');
    pledge.given([]).when(save(), pledgeContext({ campaign: campaignDecider.initialState })).thenThrows('not-found');
  });

  it('a participant missing from the roster is not found', () => {
    pledge.given([]).when(save(), pledgeContext({ participant: null })).thenThrows('not-found');
    pledge.given([]).when(save(), pledgeContext({ actor: actors.office(), participant: null })).thenThrows('not-found');
  });

  it('an ended campaign refuses pledges, late ones included', () => {
    const campaign = campaignState([{ type: 'CampaignEnded', data: { endDate: '2025-12-30' } }]);
    pledge.given([]).when(save(), pledgeContext({ campaign })).thenThrows('campaign-ended');
    pledge.given([]).when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), campaign, now: vnInstant(2026, 1, 5) })).thenThrows('campaign-ended');
  });
});

describe('pledgeDecider: the campaign-wide (5-year) pledge', () => {
  const wide = { year: 'campaign' } as const;

  it("is open until the first year's deadline (30/3/2021 23:59:59.999 local)", () => {
    pledge.given([]).when(save(), pledgeContext({ scope: wide, now: vnInstant(2021, 1, 15) })).then([submitted]);
    pledge.given([]).when(save(), pledgeContext({ scope: wide, now: vnInstant(2021, 3, 30, 23, 59, 59, 999) })).then([submitted]);
  });

  it('is closed from 31/3/2021 00:00 local, naming that deadline', () => {
    pledge
      .given([])
      .when(save(), pledgeContext({ scope: wide, now: vnInstant(2021, 3, 31) }))
      .thenThrows('registration-closed', { deadline: '2021-03-30T16:59:59.999Z' });
    pledge.given([]).when(save(), pledgeContext({ scope: wide, now: vnInstant(2025, 3, 1) })).thenThrows('registration-closed');
  });

  it("is closed by the first year's recorded close", () => {
    const campaign = campaignState([registrationClosed(2021)]);
    pledge.given([]).when(save(), pledgeContext({ scope: wide, campaign, now: vnInstant(2021, 2, 1) })).thenThrows('registration-closed');
  });

  it('is open before the period starts (a campaign defined in advance)', () => {
    const campaign = fold(campaignDecider, [launched(null, CCHC_2026_2030)]);
    pledge.given([]).when(save(), pledgeContext({ scope: wide, campaign, now: vnInstant(2025, 11, 1) })).then([submitted]);
  });

  it('the Office records a late campaign-wide pledge', () => {
    pledge
      .given([])
      .when(save(memberContent(), LATE), pledgeContext({ actor: actors.office(), scope: wide, now: vnInstant(2022, 1, 1) }))
      .then([submittedBy(memberContent(), memberRef(), LATE)]);
  });
});

describe('pledgeDecider: WithdrawPledge', () => {
  it('withdraws an active pledge while registration is open', () => {
    const state = pledge.given([submitted]).when(withdraw, pledgeContext({ now: ON_DEADLINE_DAY })).then([withdrawn]);
    expect(state.status).toBe('withdrawn');
  });

  it('withdraws an amended pledge, by the head or the Office', () => {
    const history: PledgeEvent[] = [submitted, { type: 'PledgeAmended', data: memberContent({ targetTitles: ['giay-khen'] }) }];
    pledge.given(history).when(withdraw, pledgeContext({ actor: actors.head(DEPARTMENT) })).then([withdrawn]);
    pledge.given(history).when(withdraw, pledgeContext({ actor: actors.office() })).then([withdrawn]);
  });

  it('finds nothing to withdraw when there is no pledge', () => {
    pledge.given([]).when(withdraw, pledgeContext()).thenThrows('not-found');
  });

  it('finds nothing to withdraw when it is already withdrawn', () => {
    pledge.given([submitted, withdrawn]).when(withdraw, pledgeContext()).thenThrows('not-found');
  });

  it('is refused after the deadline, for the Office too', () => {
    pledge.given([submitted]).when(withdraw, pledgeContext({ now: AFTER_DEADLINE })).thenThrows('registration-closed');
    pledge.given([submitted]).when(withdraw, pledgeContext({ actor: actors.office(), now: AFTER_DEADLINE })).thenThrows('registration-closed');
  });

  it('is refused after a recorded close', () => {
    pledge.given([submitted]).when(withdraw, pledgeContext({ campaign: campaignState([registrationClosed(2025)]) })).thenThrows('registration-closed');
  });

  it('is forbidden to another member and to the head of another department', () => {
    pledge.given([submitted]).when(withdraw, pledgeContext({ actor: actors.member(OTHER_MEMBER, DEPARTMENT) })).thenThrows('forbidden');
    pledge.given([submitted]).when(withdraw, pledgeContext({ actor: actors.head(OTHER_DEPARTMENT) })).thenThrows('forbidden');
  });

  it('is refused for an ended campaign, a missing campaign or a missing participant', () => {
    const ended: CampaignEvent = { type: 'CampaignEnded', data: { endDate: '2025-12-30' } };
    pledge.given([submitted]).when(withdraw, pledgeContext({ campaign: campaignState([ended]) })).thenThrows('campaign-ended');
    pledge.given([submitted]).when(withdraw, pledgeContext({ campaign: null })).thenThrows('not-found');
    pledge.given([submitted]).when(withdraw, pledgeContext({ participant: null })).thenThrows('not-found');
  });

  it('is refused for a year outside the campaign', () => {
    pledge.given([submitted]).when(withdraw, pledgeContext({ scope: { year: 2026 } })).thenThrows('not-found');
  });
});
