import * as z from 'zod';

/** Disciplinary measures for civil servants, from the mildest (Law on Cadres and Civil Servants). */
export const DISCIPLINE_LEVELS = ['khien-trach', 'canh-cao', 'cach-chuc', 'buoc-thoi-viec'] as const;
export const DisciplineLevel = z.enum(DISCIPLINE_LEVELS);
export type DisciplineLevel = z.output<typeof DisciplineLevel>;

export const DisciplineEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DisciplineRecorded'), data: z.object({ memberId: z.string(), departmentId: z.string(), year: z.int(), level: DisciplineLevel, reason: z.string() }) }),
  z.object({ type: z.literal('DisciplineCleared'), data: z.object({ reason: z.string() }) }),
]);
export type DisciplineEvent = z.output<typeof DisciplineEvent>;
