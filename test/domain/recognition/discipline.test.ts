import { describe, expect, it } from 'vitest';
import { type DisciplineCommand, disciplineDecider } from '../../../domain/discipline/decider';
import type { DisciplineEvent, DisciplineLevel } from '../../../events/discipline';
import { actors, DEPARTMENT, MEMBER, memberRef, nonOfficeActors } from '../fixtures';
import { spec } from '../specification';

const discipline = spec(disciplineDecider);
const office = { actor: actors.office(), member: memberRef() };
const REASON = 'Vi phạm quy chế làm việc';

const record = (level: DisciplineLevel = 'khien-trach', reason = REASON, year = 2025): DisciplineCommand => ({ type: 'RecordDiscipline', year, level, reason });
const clear = (reason = 'Ghi nhận nhầm'): DisciplineCommand => ({ type: 'ClearDiscipline', reason });
const recorded = (level: DisciplineLevel = 'khien-trach', reason = REASON, year = 2025): DisciplineEvent => ({
  type: 'DisciplineRecorded',
  data: { memberId: MEMBER, departmentId: DEPARTMENT, year, level, reason },
});
const cleared = (reason = 'Ghi nhận nhầm'): DisciplineEvent => ({ type: 'DisciplineCleared', data: { reason } });

describe('disciplineDecider: RecordDiscipline', () => {
  it("the Office records a member's measure, with the member's department from the roster", () => {
    const state = discipline.given([]).when(record(), office).then([recorded()]);
    expect(state).toStrictEqual({ level: 'khien-trach', reason: REASON });
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    discipline.given([]).when(record(), { actor, member: memberRef() }).thenThrows('forbidden');
  });

  it('a member missing from the roster is not found', () => {
    discipline.given([]).when(record(), { actor: actors.office(), member: null }).thenThrows('not-found');
  });

  it('recording the identical measure again yields no event', () => {
    discipline.given([recorded()]).when(record(), office).thenNothing();
  });

  it('a changed level is a new event', () => {
    expect(discipline.given([recorded()]).when(record('canh-cao'), office).then([recorded('canh-cao')]).level).toBe('canh-cao');
  });

  it('a changed reason is a new event', () => {
    discipline.given([recorded()]).when(record('khien-trach', 'Lý do khác'), office).then([recorded('khien-trach', 'Lý do khác')]);
  });

  it('a measure recorded again after clearing is a new event', () => {
    discipline.given([recorded(), cleared()]).when(record(), office).then([recorded()]);
  });
});

describe('disciplineDecider: ClearDiscipline', () => {
  it('clearing when there is no measure yields no event', () => {
    discipline.given([]).when(clear(), office).thenNothing();
    discipline.given([recorded(), cleared()]).when(clear(), office).thenNothing();
  });

  it('clearing a recorded measure yields DisciplineCleared, with the reason', () => {
    const state = discipline.given([recorded()]).when(clear(), office).then([cleared()]);
    expect(state).toStrictEqual({ level: null, reason: 'Ghi nhận nhầm' });
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    discipline.given([recorded()]).when(clear(), { actor, member: memberRef() }).thenThrows('forbidden');
  });

  it('a member missing from the roster is not found', () => {
    discipline.given([recorded()]).when(clear(), { actor: actors.office(), member: null }).thenThrows('not-found');
  });
});
