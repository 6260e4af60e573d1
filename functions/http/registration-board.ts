import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { visibleDepartment } from '../../domain/policies';
import { titleLabelsOf } from '../../domain/titles';
import type { Deps } from '../deps';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, queryViews } from '../store/views';
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
 * The board of a cycle as this actor may see it, from three Queries of the views table (departments, members,
 * the cycle's pledges). The JSON board and its exports both read it, so a download shows what the screen shows.
 * Without an actor, the whole board: for a caller that has checked its reader may see all of it (an upward reader).
 */
export const loadRegistrationBoard = async (deps: Deps, org: string, campaignId: string, year: number, actor?: Actor) => {
  if (actor && !hasRole(actor, 'office', 'leader', 'head', 'member')) refuse('forbidden', 'this role does not read the registration board');
  const [departments, members, pledges] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    queryViews(deps, pledgePartition(org, campaignId, year)),
  ]);
  return { campaignId, year, ...registrationBoard(departments, rosterOfCycle(members, year), pledges, actor) };
};
export type RegistrationBoard = Awaited<ReturnType<typeof loadRegistrationBoard>>;
