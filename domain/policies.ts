import { type Actor, hasRole } from './actor';
import { refuse } from './errors';
import type { ParticipantKind } from './titles';

/**
 * Who may do what. Writes to the organization's set-up are the Office's; reads of the whole organization are the
 * Office's and the leadership's; a head acts for its own department and its members; a member for itself.
 */
export interface ParticipantRef {
  readonly kind: ParticipantKind;
  readonly id: string;
  /** The department the participant is (for a department) or belongs to (for a member). */
  readonly departmentId: string;
}

export const seesWholeOrganization = (actor: Actor): boolean => hasRole(actor, 'office', 'leader');

/** Holds a role inside the organization (an upward reader above it, or the scheduler, does not). */
export const isOfOrganization = (actor: Actor): boolean => hasRole(actor, 'office', 'leader', 'council', 'head', 'member');

/**
 * An upward reader (Sở Nội vụ) reads the scoreboards, registration boards and reports of the organizations its
 * token lists, and nothing else: every route that lets it in says so with this check.
 */
export const mayOversee = (actor: Actor, org: string): boolean => hasRole(actor, 'upward') && (actor.oversees ?? []).includes(org);

export const mayActFor = (actor: Actor, participant: ParticipantRef): boolean => {
  if (hasRole(actor, 'office')) return true;
  if (hasRole(actor, 'head') && actor.department === participant.departmentId) return true;
  return hasRole(actor, 'member') && participant.kind === 'member' && actor.member === participant.id;
};

export const mayRead = (actor: Actor, participant: ParticipantRef): boolean =>
  seesWholeOrganization(actor) || mayActFor(actor, participant);

/** The departments whose rows an actor may see on a board: all of them, or its own. */
export const visibleDepartment = (actor: Actor, departmentId: string): boolean =>
  seesWholeOrganization(actor) || (hasRole(actor, 'head', 'member') && actor.department === departmentId);

export const requireOffice = (actor: Actor): void => {
  if (!hasRole(actor, 'office')) refuse('forbidden', 'only the Office (Văn phòng) may do this');
};

export const requireSystem = (actor: Actor): void => {
  if (!hasRole(actor, 'system')) refuse('forbidden', 'only the scheduler may do this');
};

/**
 * Self-inspection findings: the Office, the leadership and the council (they appraise, and findings are evidence of
 * the self-inspection criterion) read every department's; a head its own department's.
 */
export const mayReadFindings = (actor: Actor, departmentId?: string): boolean =>
  hasRole(actor, 'office', 'leader', 'council') || (hasRole(actor, 'head') && departmentId !== undefined && actor.department === departmentId);
