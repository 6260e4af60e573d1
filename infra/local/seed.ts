import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor';
import { vnDate, vnInstant } from '../../domain/time';
import type { Deps } from '../../functions/deps';
import { route as putCampaign } from '../../functions/http/put-campaign';
import { route as putDepartment } from '../../functions/http/put-department';
import { route as putMemberRoles } from '../../functions/http/put-member-roles';
import { route as putMember } from '../../functions/http/put-member';
import { route as putOrganizationProfile } from '../../functions/http/put-organization-profile';
import { route as putPledge } from '../../functions/http/put-pledge';
import type { HttpRequest, RouteHandler } from '../../functions/http/types';

export const DEMO_ORG = 'bqlkkt-phuquoc';

/**
 * The Board as its documents name it today. The plan (2021-2025) reports to the province of Kiên Giang, which was
 * merged into An Giang on 1 July 2025: documents written now go to UBND tỉnh An Giang (the profile is data: one
 * PUT changes it). The plan's own text writes the ký hiệu "BQLKKTQP" in places, a transposition of the initials.
 */
const PROFILE = { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh An Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' };

const DEPARTMENTS = [
  ['van-phong', 'Văn phòng'],
  ['phong-quan-ly-dau-tu', 'Phòng Quản lý Đầu tư'],
  ['phong-quy-hoach-xay-dung', 'Phòng Quản lý Quy hoạch và Xây dựng'],
  ['phong-doanh-nghiep-lao-dong', 'Phòng Quản lý Doanh nghiệp và Lao động'],
] as const;

/** Fictional civil servants; the first of each department is its head. */
const MEMBERS = [
  ['nguyen-van-an', 'Nguyễn Văn An', 'van-phong', 'Chánh Văn phòng'],
  ['tran-thi-bich', 'Trần Thị Bích', 'van-phong', 'Chuyên viên'],
  ['le-minh-chau', 'Lê Minh Châu', 'phong-quan-ly-dau-tu', 'Trưởng phòng'],
  ['pham-quoc-dung', 'Phạm Quốc Dũng', 'phong-quan-ly-dau-tu', 'Chuyên viên'],
  ['vo-thi-hanh', 'Võ Thị Hạnh', 'phong-quy-hoach-xay-dung', 'Trưởng phòng'],
  ['huynh-van-khoa', 'Huỳnh Văn Khoa', 'phong-quy-hoach-xay-dung', 'Chuyên viên'],
  ['dang-thi-lan', 'Đặng Thị Lan', 'phong-doanh-nghiep-lao-dong', 'Phó Trưởng phòng'],
  ['bui-van-minh', 'Bùi Văn Minh', 'phong-doanh-nghiep-lao-dong', 'Chuyên viên'],
] as const;

const OFFICE: Actor = { sub: 'seed:van-phong', org: DEMO_ORG, roles: ['office'] };

const call = async (route: RouteHandler, deps: Deps, at: Date, path: string, params: Record<string, string>, body: unknown) => {
  const response = await route(
    { method: 'PUT', path, params: { org: DEMO_ORG, ...params }, query: {}, headers: {}, body, actor: OFFICE, requestId: `seed-${randomUUID()}`, correlationId: 'seed' } satisfies HttpRequest,
    { ...deps, now: () => at },
  );
  if (response.status >= 300) throw new Error(`seeding ${path} failed: ${JSON.stringify(response.body)}`);
};

/**
 * The demo: the Phú Quốc Economic Zone Board (its profile, for the documents' headers), its departments and a few civil servants, the plan's 2021-2025
 * campaign and the follow-on 2026-2030 one, and the current year's pledges (most registered on time, one
 * department and one member missing, one recorded late by the Office). Written through the same route code as
 * any client, each event dated when it would have happened. `settle` waits for the projector.
 */
export const seedDemo = async (deps: Deps, now: Date, settle: () => Promise<void>): Promise<void> => {
  const start = vnInstant(2021, 1, 4, 8);
  await call(putOrganizationProfile, deps, start, `/orgs/${DEMO_ORG}/profile`, {}, PROFILE);
  for (const [departmentId, name] of DEPARTMENTS) await call(putDepartment, deps, start, `/orgs/${DEMO_ORG}/departments/${departmentId}`, { departmentId }, { name });
  for (const [memberId, fullName, departmentId, position] of MEMBERS) {
    await call(putMember, deps, start, `/orgs/${DEMO_ORG}/members/${memberId}`, { memberId }, { fullName, departmentId, position, email: `${memberId}@phuquoc.example.vn` });
    // The first of each department heads it and sits on the demo council: the local sign-in offers those roles.
    if (MEMBERS.find((each) => each[2] === departmentId)![0] === memberId) {
      await call(putMemberRoles, deps, start, `/orgs/${DEMO_ORG}/members/${memberId}/roles`, { memberId }, { roles: ['head', 'council'] });
    }
  }
  const campaigns = [
    { campaignId: 'cchc-2021-2025', launchedAt: start, years: [2021, 2025] },
    { campaignId: 'cchc-2026-2030', launchedAt: vnInstant(2026, 1, 5, 8), years: [2026, 2030] },
  ];
  const year = vnDate(now).year;
  for (const campaign of campaigns) {
    if (campaign.launchedAt > now) continue;
    await call(putCampaign, deps, campaign.launchedAt, `/orgs/${DEMO_ORG}/campaigns/${campaign.campaignId}`, { campaignId: campaign.campaignId }, { template: campaign.campaignId });
    await settle(); // pledges read the campaign and the roster from the views
    if (year >= campaign.years[0] && year <= campaign.years[1]) await seedPledges(deps, campaign.campaignId, year, now);
  }
};

const seedPledges = async (deps: Deps, campaignId: string, year: number, now: Date) => {
  const onTime = new Date(Math.min(now.getTime(), vnInstant(year, 3, 10, 9).getTime()));
  const base = `/orgs/${DEMO_ORG}/campaigns/${campaignId}/cycles/${year}/pledges`;
  const pledge = (participantId: string, kind: 'department' | 'member', titles: string[], text: string, at = onTime, late?: { reason: string }) =>
    call(putPledge, deps, at, `${base}/${participantId}`, { campaignId, year: String(year), participantId }, {
      participantKind: kind,
      targetTitles: titles,
      commitments: [{ text, criterion: 'cai-cach-thu-tuc-hanh-chinh' }],
      ...(late ? { late } : {}),
    });
  for (const [departmentId] of DEPARTMENTS.slice(0, 3)) {
    await pledge(departmentId, 'department', ['tap-the-lao-dong-tien-tien'], 'Giải quyết 100% hồ sơ thủ tục hành chính đúng hạn, không có hồ sơ trễ hạn.');
  }
  for (const [memberId] of MEMBERS.slice(0, 6)) {
    await pledge(memberId, 'member', ['lao-dong-tien-tien'], 'Tiếp nhận và xử lý hồ sơ trực tuyến mức độ 3, 4 đúng thời hạn.');
  }
  const deadlinePassed = now >= vnInstant(year, 3, 31);
  if (deadlinePassed) {
    await pledge('dang-thi-lan', 'member', ['lao-dong-tien-tien'], 'Tuyên truyền thanh toán không dùng tiền mặt.', vnInstant(year, 4, 2, 10), {
      reason: 'Đi công tác đến hết ngày 30/3, Văn phòng ghi nhận theo văn bản đăng ký nộp ngày 02/4.',
    });
  }
};
