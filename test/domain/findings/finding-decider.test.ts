import { describe, expect, it } from 'vitest';
import { findingsOfYear } from '../../../domain/findings/evidence';
import { type FindingCommand, findingDecider } from '../../../domain/findings/decider';
import type { FindingContent, FindingEvent } from '../../../events/finding';
import { actors, DEPARTMENT, departmentRef, nonOfficeActors } from '../fixtures';
import { spec } from '../specification';

const findings = spec(findingDecider);
const office = { actor: actors.office(), department: departmentRef() };
const CONTENT: FindingContent = {
  date: '2025-06-10',
  area: 'Cải cách thủ tục hành chính',
  shortcoming: 'Hồ sơ trễ hạn chưa có văn bản xin lỗi',
  correctiveAction: 'Gửi văn bản xin lỗi, cập nhật quy trình',
  dueDate: '2025-07-10',
};
const save = (content: FindingContent = CONTENT): FindingCommand => ({ type: 'SaveFinding', content });
const close = (closedOn = '2025-07-01', note = 'Đã khắc phục'): FindingCommand => ({ type: 'CloseFinding', closure: { closedOn, note } });
const recorded = (content: FindingContent = CONTENT): FindingEvent => ({ type: 'FindingRecorded', data: { departmentId: DEPARTMENT, ...content } });
const closed = (closedOn = '2025-07-01', note = 'Đã khắc phục'): FindingEvent => ({ type: 'FindingClosed', data: { closedOn, note } });

describe('findingDecider', () => {
  it('the Office records a finding in a department on the roster', () => {
    findings.given([]).when(save(), office).then([recorded()]);
  });

  it('the same content again is nothing; a change is an amendment', () => {
    findings.given([recorded()]).when(save(), office).thenNothing();
    const amended = { ...CONTENT, dueDate: '2025-08-01' };
    findings.given([recorded()]).when(save(amended), office).then([{ type: 'FindingAmended', data: { departmentId: DEPARTMENT, ...amended } }]);
  });

  it.each(nonOfficeActors)('the %s may not record or close findings', (_name, actor) => {
    findings.given([]).when(save(), { actor, department: departmentRef() }).thenThrows('forbidden');
    findings.given([recorded()]).when(close(), { actor, department: departmentRef() }).thenThrows('forbidden');
  });

  it('a department not on the roster is not found; nor is closing a finding never recorded', () => {
    findings.given([]).when(save(), { actor: actors.office(), department: null }).thenThrows('not-found');
    findings.given([]).when(close(), office).thenThrows('not-found');
  });

  it('closes once: the same closure again is nothing, another is refused, and so is an amendment', () => {
    expect(findings.given([recorded()]).when(close(), office).then([closed()]).closure).toEqual({ closedOn: '2025-07-01', note: 'Đã khắc phục' });
    findings.given([recorded(), closed()]).when(close(), office).thenNothing();
    findings.given([recorded(), closed()]).when(close('2025-07-02'), office).thenThrows('invalid-transition');
    findings.given([recorded(), closed()]).when(save({ ...CONTENT, area: 'Khác' }), office).thenThrows('invalid-transition');
  });

  it('is not closed before it was found', () => {
    findings.given([recorded()]).when(close('2025-06-09'), office).thenThrows('invalid-request');
  });
});

describe("the self-inspection criterion's evidence of a year", () => {
  const finding = (date: string, status: 'open' | 'closed', closedOn: string | null = null) => ({ date, status, closedOn });

  it('found that year, or still being corrected in it', () => {
    const all = [
      finding('2025-03-01', 'closed', '2025-04-01'),
      finding('2025-11-01', 'open'),
      finding('2024-10-01', 'open'),
      finding('2024-10-01', 'closed', '2025-01-15'),
      finding('2024-05-01', 'closed', '2024-12-31'),
      finding('2026-01-02', 'open'),
    ];
    expect(findingsOfYear(all, 2025)).toEqual(all.slice(0, 4));
  });
});
