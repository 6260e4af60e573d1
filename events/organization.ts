import * as z from 'zod';
import { isoDate, name, slug, text } from './text';

export const DepartmentProfile = z.strictObject({ name: name(200) });
export type DepartmentProfile = z.output<typeof DepartmentProfile>;

export const MemberProfile = z.strictObject({
  fullName: name(200),
  departmentId: slug,
  position: name(200).optional(),
  email: z.email().max(254).optional(),
});
export type MemberProfile = z.output<typeof MemberProfile>;

/**
 * Who the organization is on paper: what the header of every document it issues says (Decree 30/2020/NĐ-CP,
 * appendix I). Set by the Office once, read by every export and report.
 */
export const OrganizationProfile = z.strictObject({
  /** Its official name: "Ban Quản lý Khu kinh tế Phú Quốc". */
  name: name(300),
  /** The superior body (cơ quan chủ quản) above it in the header; a body with none above it (a province's UBND) leaves it out. */
  parentBody: name(300).optional(),
  /** The place on the date line: "Phú Quốc, ngày … tháng … năm …". */
  place: text(100),
  /** Its ký hiệu in document numbers ("…/BC-BQLKKTPQ"): capitals and digits, as Decree 30 writes them. */
  abbreviation: text(30).pipe(z.string().regex(/^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/u, 'capital letters (Đ included) and digits, parts joined by "-": BQLKKTPQ')),
});
export type OrganizationProfile = z.output<typeof OrganizationProfile>;

export const DepartmentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DepartmentRegistered'), data: DepartmentProfile }),
  z.object({ type: z.literal('DepartmentUpdated'), data: DepartmentProfile }),
]);
export type DepartmentEvent = z.output<typeof DepartmentEvent>;

/** A move to another department from a date (that day included): the Office records it, ahead or after the fact. */
export const MemberTransfer = z.strictObject({ departmentId: slug, on: isoDate, position: text(200).optional() });
export type MemberTransfer = z.output<typeof MemberTransfer>;
/** Leaving the agency (retirement, a transfer out, resignation): on staff until the day before `on`. */
export const MemberLeaving = z.strictObject({ on: isoDate, reason: text(500) });
export type MemberLeaving = z.output<typeof MemberLeaving>;
/** Coming back after leaving, into a department, from a date. */
export const MemberReturn = z.strictObject({ departmentId: slug, on: isoDate, position: text(200).optional() });
export type MemberReturn = z.output<typeof MemberReturn>;

/** The roles the Office grants a member (every account is a `member`); a head runs the member's own department. */
export const GrantableRole = z.enum(['head', 'leader', 'council', 'office']);
export type GrantableRole = z.output<typeof GrantableRole>;
export const MemberRoles = z.strictObject({ roles: z.array(GrantableRole).max(4) });
export type MemberRoles = z.output<typeof MemberRoles>;

export const MemberEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('MemberRegistered'), data: MemberProfile }),
  z.object({ type: z.literal('MemberUpdated'), data: MemberProfile }),
  z.object({ type: z.literal('MemberTransferred'), data: MemberTransfer }),
  z.object({ type: z.literal('MemberLeft'), data: MemberLeaving }),
  z.object({ type: z.literal('MemberReturned'), data: MemberReturn }),
  z.object({ type: z.literal('MemberRolesSet'), data: MemberRoles }),
]);
export type MemberEvent = z.output<typeof MemberEvent>;

/** One event: a profile is always given whole, so the first and every later one are the same fact. */
export const OrganizationEvent = z.discriminatedUnion('type', [z.object({ type: z.literal('OrganizationProfileSet'), data: OrganizationProfile })]);
export type OrganizationEvent = z.output<typeof OrganizationEvent>;
