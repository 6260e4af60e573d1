import { describe, expect, it } from 'vitest';
import type { DeadlineWindow } from '../../../domain/reminders/deadlines';
import { type ReminderCommand, reminderDecider } from '../../../domain/reminders/decider';
import { outstanding } from '../../../domain/reminders/outstanding';
import type { ReminderEvent, ReminderTarget } from '../../../events/reminder';
import { actors, departmentRef, memberRef, nonOfficeActors, OTHER_MEMBER } from '../fixtures';
import { spec } from '../specification';

const reminders = spec(reminderDecider);
const open: DeadlineWindow = { deadline: 'registration', dueDate: '2025-03-30', status: 'open' };
const scheduler = { actor: actors.system('reminders'), window: open };
const office = { actor: actors.office(), window: open };

const AN: ReminderTarget = { participantKind: 'member', participantId: 'nguyen-van-an', departmentId: 'phong-quy-hoach' };
const BINH: ReminderTarget = { participantKind: 'member', participantId: OTHER_MEMBER, departmentId: 'phong-quy-hoach' };
const send = (...targets: ReminderTarget[]): ReminderCommand => ({ type: 'SendReminders', day: '2025-03-23', targets });
const sent = (trigger: 'schedule' | 'manual', ...targets: ReminderTarget[]): ReminderEvent => ({
  type: 'RemindersSent',
  data: { deadline: 'registration', dueDate: '2025-03-30', day: '2025-03-23', trigger, reminders: targets },
});

describe('reminderDecider: one deadline, one day', () => {
  it('the scheduler records the reminders of everyone late', () => {
    reminders.given([]).when(send(AN, BINH), scheduler).then([sent('schedule', AN, BINH)]);
  });

  it('a second run the same day reminds nobody twice: nothing, or only the newly late', () => {
    reminders.given([sent('schedule', AN, BINH)]).when(send(AN, BINH), scheduler).thenNothing();
    reminders.given([sent('schedule', AN)]).when(send(AN, BINH), office).then([sent('manual', BINH)]);
  });

  it('nobody late: nothing', () => {
    reminders.given([]).when(send(), scheduler).thenNothing();
  });

  it.each(nonOfficeActors)('the %s may not send reminders', (_name, actor) => {
    reminders.given([]).when(send(AN), { actor, window: open }).thenThrows('forbidden');
  });

  it.each([
    ['registration', 'not-open', 'registration-not-open'],
    ['registration', 'closed', 'registration-closed'],
    ['self-assessment', 'not-open', 'evaluation-not-open'],
    ['self-assessment', 'closed', 'evaluation-closed'],
    ['appraisal', 'closed', 'appraisal-closed'],
  ] as const)('a %s deadline that is %s is refused (%s)', (deadline, status, code) => {
    reminders.given([]).when(send(AN), { actor: actors.office(), window: { deadline, dueDate: '2025-12-10', status } }).thenThrows(code);
  });

  it('a cycle the campaign does not have is not found', () => {
    reminders.given([]).when(send(AN), { actor: actors.office(), window: null }).thenThrows('not-found');
  });
});

describe('who has not acted', () => {
  const roster = [departmentRef(), memberRef(), memberRef(OTHER_MEMBER), memberRef('le-van-cuong', 'phong-dau-tu'), departmentRef('phong-dau-tu')];
  const facts = {
    roster,
    registered: new Set(['department:phong-quy-hoach', 'member:nguyen-van-an']),
    selfAssessed: new Set(['member:tran-thi-binh']),
    pendingAppraisals: [
      { evaluation: 'member:tran-thi-binh', appraisers: ['le-van-cuong'] },
      { evaluation: 'department:phong-quy-hoach', appraisers: ['le-van-cuong', 'gone-from-roster'] },
    ],
  };
  const ids = (targets: ReminderTarget[]) => targets.map((target) => `${target.participantKind}:${target.participantId}`);

  it('registration: every department and member without an active pledge', () => {
    expect(ids(outstanding('registration', facts))).toEqual(['member:tran-thi-binh', 'member:le-van-cuong', 'department:phong-dau-tu']);
  });

  it('self-assessment: everyone without a submitted sheet', () => {
    expect(ids(outstanding('self-assessment', facts))).toEqual(['department:phong-quy-hoach', 'member:nguyen-van-an', 'member:le-van-cuong', 'department:phong-dau-tu']);
  });

  it('appraisal: each appraiser on the roster once, with the sheets waiting for it', () => {
    expect(outstanding('appraisal', facts)).toEqual([
      { participantKind: 'member', participantId: 'le-van-cuong', departmentId: 'phong-dau-tu', evaluations: ['department:phong-quy-hoach', 'member:tran-thi-binh'] },
    ]);
  });
});
