import { describe, expect, it } from 'vitest';
import { rankedDepartments, rankedWithSummaries, scoresOf } from '../../functions/http/score-lines';
import type { ScoreEntry } from '../../functions/projections/evaluation';
import type { ViewRecord } from '../../functions/store/views';

const record = (sk: string, fields: Record<string, unknown>): ViewRecord => ({ pk: 'p', sk, version: 1, ...fields });
const line = (kind: 'department' | 'member', id: string, percent: number): ScoreEntry => ({
  version: 1, participantKind: kind, participantId: id, status: 'finalized', final: true, percent, grade: null, gradeLabel: null, appraisals: 1, subtotals: {},
});
const summary = (departmentId: string, collective: number | null, mean: number | null) => record(departmentId, { open: [collective, mean], blind: [collective, mean], final: true });

/** A department's rank from its own lines and the others' summaries equals the rank over every department's lines. */
describe('ranking a department among the others from their summaries', () => {
  const departments = [record('phong-b', { name: 'Phòng B' }), record('phong-a', { name: 'Phòng A' }), record('phong-c', { name: 'Phòng C' }), record('phong-d', { name: 'Phòng D' })];
  const members = [record('vien-b', { departmentId: 'phong-b' }), record('vien-a', { departmentId: 'phong-a' }), record('vien-c', { departmentId: 'phong-c' })];
  // Phòng A and Phòng B tie on both figures: the name puts A first. Phòng C is ahead; Phòng D has nothing scored.
  const lines = [line('department', 'phong-b', 80), line('member', 'vien-b', 70), line('department', 'phong-a', 80), line('member', 'vien-a', 70), line('department', 'phong-c', 90), line('member', 'vien-c', 60)];
  const whole = rankedDepartments(scoresOf(departments, members, lines));

  it('counts those ahead, and among the tied those whose names come first', () => {
    const own = scoresOf([departments[0], departments[1]], [members[0]], lines.filter((each) => each.participantId.endsWith('b')));
    const ranked = rankedWithSummaries(own, [summary('phong-a', 80, 70), summary('phong-b', 80, 70), summary('phong-c', 90, 60)], 'phong-b', false);
    expect(ranked.find((row) => row.departmentId === 'phong-b')!.rank).toBe(whole.find((row) => row.departmentId === 'phong-b')!.rank);
    expect(ranked.find((row) => row.departmentId === 'phong-b')!.rank).toBe(3);
  });

  it('needs the tied department’s name: without it, Phòng A would seem behind Phòng B', () => {
    const summaries = [summary('phong-a', 80, 70), summary('phong-b', 80, 70), summary('phong-c', 90, 60)];
    const ownLines = lines.filter((each) => each.participantId.endsWith('a'));
    const named = rankedWithSummaries(scoresOf([departments[1], departments[0]], [members[1]], ownLines), summaries, 'phong-a', false);
    expect(named.find((row) => row.departmentId === 'phong-a')!.rank).toBe(whole.find((row) => row.departmentId === 'phong-a')!.rank);
    expect(named.find((row) => row.departmentId === 'phong-a')!.rank).toBe(2);
    const unnamed = rankedWithSummaries(scoresOf([departments[1]], [members[1]], ownLines), summaries, 'phong-a', false);
    expect(unnamed.find((row) => row.departmentId === 'phong-a')!.rank).toBe(3);
  });

  it('is not final while a department has no summary, on a board of every department', () => {
    const all = scoresOf(departments, [members[0]], lines.filter((each) => each.participantId.endsWith('b')));
    const ranked = rankedWithSummaries(all, [summary('phong-a', 80, 70), summary('phong-b', 80, 70), summary('phong-c', 90, 60)], 'phong-b', false);
    expect(ranked.map((row) => [row.departmentId, row.final])).toEqual([['phong-c', true], ['phong-a', true], ['phong-b', true], ['phong-d', false]]);
  });
});
