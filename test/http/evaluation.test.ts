import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, CAMPAIGN, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { SELF_SCORES, evidence, wholeAppraisal } from '../support/evaluation-fixtures';

const evaluation = (participantId: string, action = '') => `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/evaluations/${participantId}${action ? `/${action}` : ''}`;
describe('evaluation over HTTP: self-assessment, appraisal, finalization, scores', () => {
  let runtime: Runtime;
  let office: Client;
  let member: Client;
  let head: Client;
  let council: Client;
  let outsider: Client;

  const tokens = async () => {
    office = await as(runtime, { role: 'office' });
    member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    council = await as(runtime, { role: 'council', member: 'vien-b', department: 'phong-b' });
    outsider = await as(runtime, { role: 'council', member: 'truong-a', department: 'phong-a' });
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 10, 31, 23, 59, 59));
    await setUpOrganization(runtime);
    await tokens();
  });
  afterAll(() => runtime.stop());

  it('refuses a self-assessment before 1 November, writing nothing', async () => {
    const before = await countEvents(runtime);
    const early = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', scores: SELF_SCORES.slice(0, 1) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('evaluation-not-open');
    expect(await countEvents(runtime)).toBe(before);
    const cycle = await office.get(paths.cycle(2025));
    expect([cycle.body.selfAssessment.status, cycle.body.appraisal.status]).toEqual(['not-open', 'not-open']);
  });

  it('saves a draft, refuses an incomplete submission, then submits', async () => {
    runtime.clock.set(vnInstant(2025, 11, 15, 9), true);
    await tokens();
    const draft = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', scores: SELF_SCORES.slice(0, 3) });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', final: null });

    const incomplete = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES.slice(0, 3) });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.code).toBe('incomplete-self-assessment');
    expect(incomplete.body.missing).toHaveLength(CCHC_CRITERIA.length - 3);

    const noEvidence = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', scores: [{ criterion: 'cai-cach-the-che', score: 8 }] });
    expect(noEvidence.status).toBe(400);
    const tooHigh = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', scores: [{ criterion: 'tu-kiem-tra-cchc', score: 6.25, evidence }] });
    expect(tooHigh.body.code).toBe('score-out-of-range');

    const submitted = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const again = await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES });
    expect(again.body.code).toBe('already-submitted');
  });

  it('lets only the Office return a submission, with a reason; the participant then submits again', async () => {
    expect((await member.post(evaluation('vien-a', 'return'), { reason: 'x' })).status).toBe(403);
    const returned = await office.post(evaluation('vien-a', 'return'), { reason: 'Thiếu tài liệu kiểm chứng tiêu chí 3' });
    expect(returned.body.status).toBe('returned');
    expect((await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES })).body.status).toBe('submitted');
  });

  it('takes appraisals from the Office and an assigned council member; an appraiser does not see the others before its own', async () => {
    expect((await council.put(evaluation('vien-a', 'appraisal'), { scores: [] })).status).toBe(403);
    expect((await office.put(evaluation('vien-a', 'appraisers'), { appraisers: ['vien-b'] })).body.appraisers).toEqual(['vien-b']);
    const byOffice = await office.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-the-che', score: 7, comment: 'Thiếu một văn bản' }));
    expect(byOffice.status).toBe(200);

    const beforeOwn = await council.get(evaluation('vien-a'));
    expect(beforeOwn.status).toBe(200);
    expect(beforeOwn.body.appraisals).toEqual([]);
    expect(beforeOwn.body.provisional).toBeNull();

    const notApplicable = await council.put(evaluation('vien-a', 'appraisal'), { scores: [{ criterion: 'cai-cach-tai-chinh-cong', score: 5 }] });
    expect(notApplicable.body.code).toBe('criterion-not-applicable');
    const byCouncil = await council.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 11 }));
    expect(byCouncil.body.appraisals).toHaveLength(2);
    expect((await outsider.put(evaluation('vien-a', 'appraisal'), { scores: [] })).status).toBe(403);
    expect((await member.get(evaluation('vien-a'))).body.appraisals).toEqual([]);
  });

  it('finalizes with the mean of the appraisals over the applicable criteria, and locks the result', async () => {
    const final = await office.post(evaluation('vien-a', 'finalize'), undefined);
    expect(final.status).toBe(200);
    // 76 self points; the-che (7+8)/2 = 7.5 and procedures (12+11)/2 = 11.5 make 75 of 90: 83.33%.
    expect(final.body.final).toMatchObject({ percent: 83.33, grade: 'hoan-thanh-tot', total: 75, applicableMax: 90 });
    expect((await office.post(evaluation('vien-a', 'finalize'), undefined)).body.code).toBe('evaluation-finalized');
    expect((await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', scores: [] })).body.code).toBe('evaluation-finalized');
    expect((await member.get(evaluation('vien-a'))).body.appraisals).toHaveLength(2);
  });

  it('corrects a final result only with a reason, as a new event', async () => {
    expect((await office.post(evaluation('vien-a', 'correct'), { scores: [{ criterion: 'chinh-quyen-dien-tu-so', score: 15 }] })).status).toBe(400);
    const corrected = await office.post(evaluation('vien-a', 'correct'), { reason: 'Bổ sung kết quả dịch vụ công trực tuyến', scores: [{ criterion: 'chinh-quyen-dien-tu-so', score: 15 }] });
    expect(corrected.body.final).toMatchObject({ percent: 85, total: 76.5 });
    const history = await office.get(paths.history('evaluation', `${CAMPAIGN}:2025:member:vien-a`));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual([
      'SelfAssessmentDrafted',
      'SelfAssessmentSubmitted',
      'EvaluationReturned',
      'SelfAssessmentSubmitted',
      'AppraisersAssigned',
      'AppraisalSubmitted',
      'AppraisalSubmitted',
      'EvaluationFinalized',
      'EvaluationCorrected',
    ]);
  });

  it('scores the department collectively and ranks departments and members from the stream', async () => {
    const full = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore, evidence }));
    expect((await head.put(evaluation('phong-a', 'self-assessment'), { participantKind: 'department', submit: true, scores: full })).status).toBe(201);
    await runtime.settle();
    const provisional = await office.get(`${paths.cycle(2025)}/scoreboard`);
    expect(provisional.body.final).toBe(false);
    expect(provisional.body.departments[0]).toMatchObject({ departmentId: 'phong-a', rank: 1, collectiveScore: 100, membersMean: 85, membersEvaluated: 1, membersPending: 1 });

    expect((await office.put(evaluation('phong-a', 'appraisal'), wholeAppraisal(full))).status).toBe(200);
    expect((await office.post(evaluation('phong-a', 'finalize'), undefined)).body.final.grade).toBe('hoan-thanh-xuat-sac');
    await runtime.settle();

    const board = await office.get(`${paths.cycle(2025)}/scoreboard`);
    // phong-b has no score of any kind yet: listed, unranked.
    expect(board.body.departments.map((row: { departmentId: string; rank: number | null }) => [row.departmentId, row.rank])).toEqual([
      ['phong-a', 1],
      ['phong-b', null],
    ]);
    const department = await head.get(`${paths.cycle(2025)}/departments/phong-a/scores`);
    expect(department.status).toBe(200);
    expect(department.body).toMatchObject({ rank: 1, collectiveScore: 100, membersMean: 85 });
    expect(department.body.members.map((row: { memberId: string; rank: number | null }) => [row.memberId, row.rank])).toEqual([
      ['truong-a', null],
      ['vien-a', 1],
    ]);
    expect(department.body.criteria['chinh-quyen-dien-tu-so']).toBe(15);
    expect((await member.get(`${paths.cycle(2025)}/departments/phong-a/scores`)).body.members.map((row: { memberId: string }) => row.memberId)).toEqual(['vien-a']);
    expect((await member.get(`${paths.cycle(2025)}/departments/phong-b/scores`)).status).toBe(403);
    expect((await member.get(`${paths.cycle(2025)}/scoreboard`)).body.departments.map((row: { departmentId: string }) => row.departmentId)).toEqual(['phong-a']);
  });

  it('closes self-assessment after 10 December and appraisal after 20 December', async () => {
    runtime.clock.set(vnInstant(2025, 12, 11, 0, 0), true);
    await tokens();
    expect((await office.put(evaluation('vien-b', 'self-assessment'), { participantKind: 'member', scores: [] })).body.code).toBe('evaluation-closed');
    const cycle = await office.get(paths.cycle(2025));
    expect(cycle.body.selfAssessment).toMatchObject({ status: 'closed', closesAt: '2025-12-10T17:00:00.000Z' });
    expect(cycle.body.appraisal.status).toBe('open');
    runtime.clock.set(vnInstant(2025, 12, 21, 0, 0), true);
    await tokens();
    expect((await runtime.runSchedule('evaluation-windows')) as { recorded: number }).toEqual({ recorded: 3 });
    expect((await runtime.runSchedule('evaluation-windows')) as { recorded: number }).toEqual({ recorded: 0 });
    expect((await office.get(paths.cycle(2025))).body.appraisal.status).toBe('closed');
  });
});
