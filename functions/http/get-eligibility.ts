import { hasRole } from '../../domain/actor';
import { type CycleFacts, cycleEligibility } from '../../domain/awards/cycle-eligibility';
import { quotaCap } from '../../domain/awards/eligibility';
import { type RuleSet, ruleSetFor } from '../../domain/awards/rule-sets';
import { refuse } from '../../domain/errors';
import { mayRead } from '../../domain/policies';
import type { ViewRecord } from '../store/views';
import { loadCycleFacts } from './cycle-facts';
import { httpHandler } from './handler';
import { EligibilityParams, EligibilityQuery } from './award-request';
import { eligibilityPage } from './eligibility-page';
import type { RouteHandler } from './types';

/** A member's facts as the answer shows them (its name and department are the row's own fields). */
const stripMember = ({ departmentId: _departmentId, name: _name, ...facts }: CycleFacts['members'] extends ReadonlyMap<string, infer F> ? F : never) => facts;

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
  const { departments: departmentItems, members: roster, facts } = await loadCycleFacts(deps, org, campaignId, year);
  const decided = cycleEligibility(rules, facts);

  const members = roster.map((member: ViewRecord) => ({
    memberId: member.sk,
    fullName: member.fullName as string,
    departmentId: member.departmentId as string,
    facts: stripMember(facts.members.get(member.sk)!),
    titles: decided.member(member.sk)!,
  }));
  const departments = departmentItems.map((department: ViewRecord) => ({
    departmentId: department.sk,
    name: department.name as string,
    facts: (({ name: _name, ...own }) => ({ ...own, members: decided.departmentMembers(department.sk) }))(facts.departments.get(department.sk)!),
    titles: decided.department(department.sk)!,
  }));

  // Decree 91 art. 9(3)'s base is the LĐTT the cycle's decisions granted ("đạt danh hiệu"), as the proposal list and
  // the decision's cap count it; how many meet LĐTT's conditions is shown beside it, for planning.
  const ldttHolders = roster.filter((member) => facts.members.get(member.sk)!.grantedTitles?.includes('lao-dong-tien-tien')).length;
  const ldttEligible = members.filter((member) => member.titles.some((title) => title.title === 'lao-dong-tien-tien' && title.eligible)).length;
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
      cstdcsQuota: quota === null ? null : { ldttHolders, ldttEligible, allowed: quota, source: rules.memberTitles.find((rule) => rule.title === 'chien-si-thi-dua-co-so')?.quota?.source },
      members: page.members,
      departments: page.departments,
      nextCursor: page.nextCursor,
    },
  };
};

export const handler = httpHandler(route);
