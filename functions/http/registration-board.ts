import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { seesWholeOrganization, visibleDepartment } from '../../domain/policies';
import { titleLabelsOf } from '../../domain/titles';
import type { Deps } from '../deps';
import { rosterOfCycle } from '../roster';
import { cycleRoster, loadPostings } from '../department-roster';
import { type ViewRecord, batchGetViews, queryViews } from '../store/views';
import { pledgePartition, viewKeys } from '../store/view-keys';

const registration = (pledge: ViewRecord | undefined) => ({
  registered: pledge?.status === 'active',
  status: (pledge?.status as string | undefined) ?? 'none',
  submittedAt: pledge?.status === 'active' ? (pledge.submittedAt as string) : null,
  late: pledge?.status === 'active' ? (pledge.late as boolean) : false,
  targetTitles: pledge?.status === 'active' ? (pledge.targetTitles as string[]) : [],
});

/**
 * The registration board: every department and member on the roster, registered or not, with totals. Pure, from
 * the roster's and the cycle's pledge views. Given an actor, only what it may see: the Office and the leadership
 * the whole organization; a head its department; a member its department's row and its own; without one (a
 * report of the whole organization), everything.
 */
export const registrationBoard = (departments: readonly ViewRecord[], members: readonly ViewRecord[], pledges: readonly ViewRecord[], actor?: Actor) => {
  const pledgeOf = new Map(pledges.map((pledge) => [pledge.sk, pledge]));
  const ownOnly = actor !== undefined && !hasRole(actor, 'office', 'leader', 'head');

  const rows = departments
    .filter((department) => actor === undefined || visibleDepartment(actor, department.sk))
    .map((department) => ({
      departmentId: department.sk,
      name: department.name as string,
      ...registration(pledgeOf.get(`department#${department.sk}`)),
      members: members
        .filter((member) => member.departmentId === department.sk && (!ownOnly || member.sk === actor.member))
        .map((member) => ({
          memberId: member.sk,
          fullName: member.fullName as string,
          position: (member.position as string | undefined) ?? null,
          ...registration(pledgeOf.get(`member#${member.sk}`)),
        })),
    }));

  const everyone = rows.flatMap((row) => [row, ...row.members]);
  const totals = {
    departments: rows.length,
    departmentsRegistered: rows.filter((row) => row.registered).length,
    members: everyone.length - rows.length,
    membersRegistered: everyone.filter((row) => 'memberId' in row && row.registered).length,
    late: everyone.filter((row) => row.late).length,
  };
  // The labels of the titles aimed at, so a reader without the campaign (an upward reader) names them too.
  const titleLabels = titleLabelsOf(everyone.flatMap((row) => row.targetTitles));
  return { departments: rows, totals, titleLabels };
};

/**
 * The board of a cycle as this actor may see it, from the views it may see (boardViews). The JSON board and its
 * exports both read it, so a download shows what the screen shows. Without an actor, the whole board: for a caller
 * that has checked its reader may see all of it (an upward reader).
 */
export const loadRegistrationBoard = async (deps: Deps, org: string, campaignId: string, year: number, actor?: Actor) => {
  if (actor && !hasRole(actor, 'office', 'leader', 'head', 'member')) refuse('forbidden', 'this role does not read the registration board');
  const [departments, members, pledges] = await boardViews(deps, org, campaignId, year, actor);
  return { campaignId, year, ...registrationBoard(departments, members, pledges, actor) };
};

const present = (items: readonly (ViewRecord | undefined)[]) => items.filter((item): item is ViewRecord => item !== undefined);

/**
 * The departments, the cycle's roster and the pledges a reader's board is made of, and no more, so a read costs
 * what it answers: the whole organization's (three Queries) for the Office and the leadership; a head's department
 * (its item and pledge, its postings, then its members' pledges by key: in proportion to the department); a
 * member's department row and its own (four items in one BatchGetItem, whatever the organization's size).
 */
const boardViews = async (deps: Deps, org: string, campaignId: string, year: number, actor?: Actor) => {
  if (!actor || seesWholeOrganization(actor)) {
    const [departments, members, pledges] = await Promise.all([
      queryViews(deps, viewKeys.department(org, '').pk),
      queryViews(deps, viewKeys.member(org, '').pk),
      queryViews(deps, pledgePartition(org, campaignId, year)),
    ]);
    return [departments, rosterOfCycle(members, year), pledges] as const;
  }
  const departmentId = actor.department;
  if (departmentId === undefined) return [[], [], []] as const; // a token of no department sees no row
  if (hasRole(actor, 'head')) {
    const [[department, departmentPledge], postings] = await Promise.all([
      batchGetViews(deps, [viewKeys.department(org, departmentId), viewKeys.pledge(org, campaignId, year, 'department', departmentId)]),
      loadPostings(deps, org, departmentId),
    ]);
    const roster = cycleRoster(postings, year, departmentId);
    const memberPledges = await batchGetViews(deps, roster.map((member) => viewKeys.pledge(org, campaignId, year, 'member', member.sk)));
    return [present([department]), roster, present([departmentPledge, ...memberPledges])] as const;
  }
  const own = actor.member ?? '';
  const [department, member, departmentPledge, memberPledge] = await batchGetViews(deps, [
    viewKeys.department(org, departmentId),
    viewKeys.member(org, own),
    viewKeys.pledge(org, campaignId, year, 'department', departmentId),
    viewKeys.pledge(org, campaignId, year, 'member', own),
  ]);
  // Its own row only where it counts that year (a member of another department then is not on this board).
  return [present([department]), rosterOfCycle(present([member]), year), present([departmentPledge, memberPledge])] as const;
};
export type RegistrationBoard = Awaited<ReturnType<typeof loadRegistrationBoard>>;
