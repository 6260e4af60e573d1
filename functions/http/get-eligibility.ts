import type { DisciplineLevel } from '../../events/discipline';
import { hasRole } from '../../domain/actor';
import { departmentEligibility, memberEligibility, quotaCap } from '../../domain/awards/eligibility';
import { type RuleSet, ruleSetFor } from '../../domain/awards/rule-sets';
import { refuse } from '../../domain/errors';
import { mayRead } from '../../domain/policies';
import { scoreLinesOf } from '../projections/evaluation';
import type { CampaignDefinition } from '../../events/campaign';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, batchGetViews, queryViews } from '../store/views';
import { pledgePartition, scoresPartition, viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { EligibilityParams, EligibilityQuery } from './award-request';
import { eligibilityPage } from './eligibility-page';
import type { RouteHandler } from './types';

/** Every fact eligibility needs for a cycle, from seven Queries of the views and one GetItem (the campaign) at once. */
const loadFacts = async (deps: Parameters<RouteHandler>[1], org: string, campaignId: string, year: number) => {
  const [departments, members, scores, pledges, discipline, initiatives, awards, [campaign]] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, pledgePartition(org, campaignId, year)),
    queryViews(deps, viewKeys.discipline(org, year, '').pk),
    queryViews(deps, viewKeys.initiative(org, campaignId, year, '').pk),
    queryViews(deps, viewKeys.awards(org, 'member', '').pk),
    batchGetViews(deps, [viewKeys.campaign(org, campaignId)]),
  ]);
  const collectiveLdttRule = (campaign?.definition as CampaignDefinition | undefined)?.collectiveLdttRule;
  const entries = new Map(scoreLinesOf(scores).map((line) => [`${line.participantKind}:${line.participantId}`, line]));
  const gradeOf = (kind: string, id: string) => {
    const entry = entries.get(`${kind}:${id}`);
    return entry?.final ? entry.grade : null;
  };
  const pledged = new Set(pledges.filter((pledge) => pledge.status === 'active').map((pledge) => pledge.sk));
  const disciplineOf = new Map(discipline.map((item) => [item.sk, item.level as DisciplineLevel | null]));
  // Counted once per author, looked up per participant: the answer is linear in the organization, never quadratic.
  // Research projects (kind "de-tai", accepted = recognized at base level) are counted apart from initiatives; an
  // initiative or project counts province-wide once the Office records the province's decision.
  type Recognized = { initiatives: number; provinceWide: number; research: number };
  const recognizedOf = new Map<string, Recognized>();
  for (const item of initiatives.filter((each) => each.status === 'recognized')) {
    const author = item.author as { kind: string; id: string };
    const counts = recognizedOf.get(`${author.kind}:${author.id}`) ?? { initiatives: 0, provinceWide: 0, research: 0 };
    const research = item.kind === 'de-tai';
    recognizedOf.set(`${author.kind}:${author.id}`, {
      initiatives: counts.initiatives + (research ? 0 : 1),
      provinceWide: counts.provinceWide + (item.provinceWide ? 1 : 0),
      research: counts.research + (research ? 1 : 0),
    });
  }
  const count = (kind: string, id: string, which: keyof Recognized = 'initiatives') => recognizedOf.get(`${kind}:${id}`)?.[which] ?? 0;
  const awardsOf = new Map(awards.map((item) => [item.sk, item]));
  const cstdcsYears = (memberId: string) =>
    Object.values((awardsOf.get(memberId)?.entries ?? {}) as Record<string, { title: string; granted: boolean; year: number }>)
      .filter((entry) => entry.title === 'chien-si-thi-dua-co-so' && entry.granted)
      .map((entry) => entry.year);
  return { departments, members: rosterOfCycle(members, year), gradeOf, pledged, disciplineOf, count, cstdcsYears, collectiveLdttRule };
};

/**
 * GET …/cycles/{year}/eligibility (and …/eligibility/{participantId}): for every member and department, which
 * titles it is eligible for and why, under the rule set in force on the review date (`?date=`, default 31 December
 * of the cycle's year). The Office, the leadership and the council see everyone; a head its department; a member
 * itself. Research projects are recorded as initiatives of kind "de-tai" (accepted = recognized at base level); an
 * initiative or project counts province-wide once the Office records the province's decision. The answer is one page
 * of rows (`nextCursor` names the next; eligibility-page.ts), `?department=` one department's.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, participantId } = EligibilityParams.parse(request.params);
  const { date = `${year}-12-31`, department: onlyDepartment, limit, after } = EligibilityQuery.parse(request.query);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read eligibility');
  let rules: RuleSet;
  try {
    rules = ruleSetFor(date);
  } catch (error) {
    return refuse('invalid-request', (error as Error).message);
  }
  const facts = await loadFacts(deps, org, campaignId, year);

  const members = facts.members.map((member: ViewRecord) => {
    const memberFacts = {
      year,
      grade: facts.gradeOf('member', member.sk),
      pledged: facts.pledged.has(`member#${member.sk}`),
      disciplineLevel: facts.disciplineOf.get(member.sk) ?? null,
      recognizedInitiatives: facts.count('member', member.sk),
      provinceWideInitiatives: facts.count('member', member.sk, 'provinceWide'),
      acceptedResearch: facts.count('member', member.sk, 'research') > 0,
      previousCstdcsYears: facts.cstdcsYears(member.sk),
    };
    return { memberId: member.sk, fullName: member.fullName as string, departmentId: member.departmentId as string, facts: memberFacts, titles: memberEligibility(rules, memberFacts) };
  });
  const eligibleFor = (titles: readonly { title: string; eligible: boolean }[], code: string) => titles.find((each) => each.title === code)?.eligible ?? false;
  const membersOf = new Map<string, typeof members>();
  for (const member of members) {
    if (!membersOf.has(member.departmentId)) membersOf.set(member.departmentId, []);
    membersOf.get(member.departmentId)!.push(member);
  }
  const departments = facts.departments.map((department: ViewRecord) => {
    const own = membersOf.get(department.sk) ?? [];
    const departmentFacts = {
      collectiveGrade: facts.gradeOf('department', department.sk),
      pledged: facts.pledged.has(`department#${department.sk}`),
      ...(facts.collectiveLdttRule ? { ldttPercentOverride: facts.collectiveLdttRule.percent, ldttPercentSource: facts.collectiveLdttRule.source } : {}),
      members: own.map((member) => ({
        memberId: member.memberId,
        grade: member.facts.grade,
        disciplineLevel: member.facts.disciplineLevel,
        eligibleLdtt: eligibleFor(member.titles, 'lao-dong-tien-tien'),
        eligibleCstdcs: eligibleFor(member.titles, 'chien-si-thi-dua-co-so'),
      })),
    };
    return { departmentId: department.sk, name: department.name as string, facts: departmentFacts, titles: departmentEligibility(rules, departmentFacts) };
  });

  const ldttHolders = members.filter((member) => eligibleFor(member.titles, 'lao-dong-tien-tien')).length;
  const quota = quotaCap(rules, 'chien-si-thi-dua-co-so', ldttHolders);
  const whole = hasRole(actor, 'office', 'leader', 'council');
  const visibleMembers = members.filter((member) => (participantId === undefined || member.memberId === participantId) && (whole || mayRead(actor, { kind: 'member', id: member.memberId, departmentId: member.departmentId })));
  const visibleDepartments = departments.filter((department) => (participantId === undefined || department.departmentId === participantId) && (whole || (hasRole(actor, 'head') && actor.department === department.departmentId)));
  if (participantId !== undefined && visibleMembers.length + visibleDepartments.length === 0) {
    refuse(members.some((member) => member.memberId === participantId) || departments.some((each) => each.departmentId === participantId) ? 'forbidden' : 'not-found', 'no such participant you may read');
  }
  const rows = [
    ...visibleDepartments.map((row) => ({ departmentId: row.departmentId, kind: 'department' as const, id: row.departmentId, row })),
    ...visibleMembers.map((row) => ({ departmentId: row.departmentId, kind: 'member' as const, id: row.memberId, row })),
  ].filter((row) => onlyDepartment === undefined || row.departmentId === onlyDepartment);
  const page = eligibilityPage(rows, { limit, after });
  return {
    status: 200,
    body: {
      campaignId,
      year,
      date,
      ruleSet: { code: rules.code, label: rules.label, thresholdsUnconfirmed: rules.thresholdsUnconfirmed, notes: rules.notes },
      cstdcsQuota: quota === null ? null : { ldttHolders, allowed: quota, source: rules.memberTitles.find((rule) => rule.title === 'chien-si-thi-dua-co-so')?.quota?.source },
      members: page.members,
      departments: page.departments,
      nextCursor: page.nextCursor,
    },
  };
};

export const handler = httpHandler(route);
