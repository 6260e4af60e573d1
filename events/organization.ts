import * as z from 'zod';
import { slug, text } from './text';

export const DepartmentProfile = z.strictObject({ name: text(200) });
export type DepartmentProfile = z.output<typeof DepartmentProfile>;

export const MemberProfile = z.strictObject({
  fullName: text(200),
  departmentId: slug,
  position: text(200).optional(),
  email: z.email().max(254).optional(),
});
export type MemberProfile = z.output<typeof MemberProfile>;

export const DepartmentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DepartmentRegistered'), data: DepartmentProfile }),
  z.object({ type: z.literal('DepartmentUpdated'), data: DepartmentProfile }),
]);
export type DepartmentEvent = z.output<typeof DepartmentEvent>;

export const MemberEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('MemberRegistered'), data: MemberProfile }),
  z.object({ type: z.literal('MemberUpdated'), data: MemberProfile }),
]);
export type MemberEvent = z.output<typeof MemberEvent>;
