import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../functions/projections/evaluation';
import { summarizeCycle } from '../../functions/reports/cycle-summary';
import { compileReport, type ReportSource } from '../../functions/reports/report-model';
import type { ViewRecord } from '../../functions/store/views';

/** View records as the projector writes them (only the fields the report reads). */
const record = (sk: string, fields: Record<string, unknown>): ViewRecord => ({ pk: 'test', sk, version: 1, ...fields });
const department = (id: string, name: string) => record(id, { departmentId: id, name });
const member = (id: string, fullName: string, departmentId: string) => record(id, { memberId: id, fullName, departmentId });
const pledge = (kind: 'department' | 'member', id: string, late = false) => record(`${kind}#${id}`, { status: 'active', late, submittedAt: '2021-02-01T02:00:00.000Z', targetTitles: [] });
const withdrawn = (kind: 'department' | 'member', id: string) => record(`${kind}#${id}`, { status: 'withdrawn', late: false, targetTitles: [] });
const line = (kind: 'department' | 'member', id: string, percent: number | null, status = 'finalized'): ScoreEntry => ({
  version: 1,
  participantKind: kind,
  participantId: id,
  status,
  final: status === 'finalized',
  percent,
  grade: null,
  gradeLabel: null,
  appraisals: 1,
  subtotals: {},
});
const scores = (departmentId: string, ...lines: ScoreEntry[]) => lines.map((each) => record(`${departmentId}#${each.participantKind}:${each.participantId}`, { filedIn: departmentId, departmentId, ...each }));
const award = (title: string, recipientKind: string, recipientId: string, departmentId: string, amount: number | null) => ({ title, recipientKind, recipientId, departmentId, amount, ruleSet: 'nd91-2017' });
const decision = (id: string, date: string, awards: unknown[], revoked: unknown = null) => record(id, { number: `${id}/QĐ-BQL`, date, signer: 'Trưởng ban', awards, revoked });

const DEPARTMENTS = [department('phong-a', 'Phòng A'), department('phong-b', 'Phòng B')];
const MEMBERS = [member('truong-a', 'Trưởng Phòng A', 'phong-a'), member('vien-a', 'Nguyễn Văn A', 'phong-a'), member('vien-b', 'Trần Thị B', 'phong-b'), member('vien-c', 'Lê Văn C', 'phong-b')];

/** Three years of one agency: registration grows, Phòng B overtakes Phòng A in 2022, titles and an initiative follow. */
const SOURCE: ReportSource = {
  campaignId: 'cchc-2021-2025',
  campaignTitle: 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025',
  period: { from: 2021, to: 2025 },
  departments: DEPARTMENTS,
  members: MEMBERS,
  years: [
    {
      year: 2021,
      pledges: [pledge('department', 'phong-a'), pledge('member', 'vien-a'), withdrawn('member', 'vien-b')],
      scoreItems: [...scores('phong-a', line('department', 'phong-a', 90), line('member', 'vien-a', 80)), ...scores('phong-b', line('department', 'phong-b', 85, 'submitted'))],
      decisions: [decision('10', '2021-12-28', [award('lao-dong-tien-tien', 'member', 'vien-a', 'phong-a', 500_000)])],
      initiatives: [],
    },
    {
      year: 2022,
      pledges: [pledge('department', 'phong-a'), pledge('department', 'phong-b'), ...MEMBERS.map((each) => pledge('member', each.sk, each.sk === 'vien-c'))],
      scoreItems: [
        ...scores('phong-a', line('department', 'phong-a', 88.5), line('member', 'truong-a', 90), line('member', 'vien-a', 91)),
        ...scores('phong-b', line('department', 'phong-b', 92.25), line('member', 'vien-b', 95), line('member', 'vien-c', 70, 'draft')),
      ],
      decisions: [
        decision('20', '2022-12-20', [award('lao-dong-tien-tien', 'member', 'vien-a', 'phong-a', 500_000), award('lao-dong-tien-tien', 'member', 'vien-b', 'phong-b', 500_000), award('tap-the-lao-dong-tien-tien', 'department', 'phong-b', 'phong-b', 1_000_000)]),
        decision('21', '2022-12-21', [award('giay-khen', 'member', 'vien-c', 'phong-b', null)], { reason: 'Sai đối tượng' }),
      ],
      initiatives: [
        record('so-hoa', { status: 'recognized', title: 'Số hóa hồ sơ', author: { kind: 'member', id: 'vien-b', departmentId: 'phong-b' }, recognition: { decisionNumber: '5/QĐ-BQL', decisionDate: '2022-06-01' }, proposedUpward: true }),
        record('mot-cua', { status: 'rejected', title: 'Một cửa', author: { kind: 'member', id: 'vien-a', departmentId: 'phong-a' } }),
      ],
    },
    { year: 2023, pledges: [pledge('member', 'vien-a')], scoreItems: [], decisions: [], initiatives: [] },
  ],
  findings: [
    { departmentId: 'phong-a', date: '2021-05-10', area: 'Thủ tục hành chính', shortcoming: 'Trễ hạn', correctiveAction: 'Theo dõi hạn', dueDate: '2021-06-30', status: 'closed' },
    { departmentId: 'phong-b', date: '2022-03-01', area: 'Công vụ', shortcoming: 'Thiếu sổ theo dõi', correctiveAction: 'Lập sổ', dueDate: '2022-04-30', status: 'open' },
    { departmentId: 'phong-a', date: '2023-09-01', area: 'Số hóa', shortcoming: 'Chưa số hóa hồ sơ', correctiveAction: 'Số hóa', dueDate: '2024-06-30', status: 'open' },
    // Found after the range: neither counted nor listed.
    { departmentId: 'phong-a', date: '2024-02-01', area: 'Tài chính', shortcoming: 'Chậm quyết toán', correctiveAction: 'Quyết toán', dueDate: '2024-03-01', status: 'open' },
  ],
  asOf: '2024-01-15',
};

describe('the report, compiled from the views', () => {
  const report = compileReport(SOURCE);
  const [y2021, y2022, y2023] = report.years;

  it('is a preliminary report (sơ kết) for part of the period, a final one (tổng kết) for all of it', () => {
    expect(report).toMatchObject({ kind: 'preliminary', from: 2021, to: 2023 });
    const whole = compileReport({ ...SOURCE, period: { from: 2021, to: 2023 } });
    expect(whole.kind).toBe('final');
  });

  it('counts registrations and participation per year, over the whole roster', () => {
    expect(y2021.registration).toMatchObject({ departments: 2, departmentsRegistered: 1, departmentRate: 50, members: 4, membersRegistered: 1, memberRate: 25, late: 0 });
    expect(y2022.registration).toMatchObject({ departmentsRegistered: 2, departmentRate: 100, membersRegistered: 4, memberRate: 100, late: 1 });
    expect(y2023.registration).toMatchObject({ departmentsRegistered: 0, departmentRate: 0, membersRegistered: 1, memberRate: 25 });
    // Submitted or finalized sheets take part; a draft does not. 6 participants: 2 departments, 4 members.
    expect(y2021.evaluation).toEqual({ participants: 6, submitted: 3, finalized: 2, participationRate: 50 });
    expect(y2022.evaluation).toEqual({ participants: 6, submitted: 5, finalized: 5, participationRate: 83.33 });
    expect(y2023.evaluation).toEqual({ participants: 6, submitted: 0, finalized: 0, participationRate: 0 });
  });

  it('ranks the departments each year, with the mean and the leader', () => {
    expect(y2021.departments.map((row) => [row.departmentId, row.collectiveScore, row.rank])).toEqual([['phong-a', 90, 1], ['phong-b', 85, 2]]);
    expect(y2022.departments.map((row) => [row.departmentId, row.collectiveScore, row.rank])).toEqual([['phong-b', 92.25, 1], ['phong-a', 88.5, 2]]);
    expect(y2021).toMatchObject({ meanDepartmentScore: 87.5, topDepartment: { departmentId: 'phong-a', score: 90 } });
    expect(y2022).toMatchObject({ meanDepartmentScore: 90.38, topDepartment: { departmentId: 'phong-b', name: 'Phòng B', score: 92.25 } });
    expect(y2023).toMatchObject({ meanDepartmentScore: null, topDepartment: null });
    expect(report.departmentsOverYears).toEqual([
      { departmentId: 'phong-a', name: 'Phòng A', byYear: [{ year: 2021, score: 90, rank: 1 }, { year: 2022, score: 88.5, rank: 2 }, { year: 2023, score: null, rank: null }] },
      { departmentId: 'phong-b', name: 'Phòng B', byYear: [{ year: 2021, score: 85, rank: 2 }, { year: 2022, score: 92.25, rank: 1 }, { year: 2023, score: null, rank: null }] },
    ]);
    // In the order of their names, whatever the order of their keys.
    expect(compileReport({ ...SOURCE, departments: [...DEPARTMENTS].reverse() }).departmentsOverYears.map((row) => row.name)).toEqual(['Phòng A', 'Phòng B']);
  });

  it('counts the titles of decisions in force per year (a revoked decision grants nothing)', () => {
    expect(y2022.awards).toMatchObject({ awards: 3, totalAmount: 2_000_000 });
    expect(y2022.decisions).toEqual([{ number: '20/QĐ-BQL', date: '2022-12-20', signer: 'Trưởng ban', awards: 3 }]);
    expect(report.titlesOverYears).toEqual([
      { title: 'lao-dong-tien-tien', label: 'Lao động tiên tiến', byYear: [1, 2, 0], total: 3 },
      { title: 'tap-the-lao-dong-tien-tien', label: 'Tập thể lao động tiên tiến', byYear: [0, 1, 0], total: 1 },
    ]);
  });

  it('lists recognized initiatives with their author and department, and no other', () => {
    expect(y2022.initiatives).toEqual([
      { initiativeId: 'so-hoa', title: 'Số hóa hồ sơ', author: 'Trần Thị B', department: 'Phòng B', decisionNumber: '5/QĐ-BQL', decisionDate: '2022-06-01', proposedUpward: true },
    ]);
    expect(y2021.initiatives).toEqual([]);
  });

  it('counts the self-inspection findings per year and lists those still open, overdue or not', () => {
    expect(report.findings.byYear).toEqual([{ year: 2021, found: 1, closed: 1 }, { year: 2022, found: 1, closed: 0 }, { year: 2023, found: 1, closed: 0 }]);
    expect(report.findings.open.map((finding) => [finding.department, finding.date, finding.overdue])).toEqual([['Phòng B', '2022-03-01', true], ['Phòng A', '2023-09-01', false]]);
  });

  it('summarizes a cycle the same way for the upward table', () => {
    const { year: _year, initiatives: _initiatives, ...cycle } = SOURCE.years[1];
    const summary = summarizeCycle(DEPARTMENTS, MEMBERS, cycle);
    expect(summary).toMatchObject({ registration: y2022.registration, evaluation: y2022.evaluation, meanDepartmentScore: 90.38, topDepartment: y2022.topDepartment });
  });
});
