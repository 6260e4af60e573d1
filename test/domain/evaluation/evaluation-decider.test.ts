import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor';
import { type CampaignContext, campaignDecider } from '../../../domain/campaign/decider';
import { fold } from '../../../domain/decider';
import { evaluationDecider, visibleAppraisals } from '../../../domain/evaluation/decider';
import { evaluationWindows } from '../../../domain/evaluation/windows';
import { vnInstant } from '../../../domain/time';
import type { CampaignDefinition, CampaignEvent } from '../../../events/campaign';
import type { AppraisalScore, EvaluationEvent, EvaluationResult, SelfScore } from '../../../events/evaluation';
import {
  actors,
  CCHC_2021_2025,
  campaignState,
  DEPARTMENT,
  departmentRef,
  launched,
  MEMBER,
  memberRef,
  nonOfficeActors,
  OTHER_DEPARTMENT,
  OTHER_MEMBER,
  people,
} from '../fixtures';
import { spec } from '../specification';
import {
  APPRAISER,
  appraised,
  asAppraiser,
  asOffice,
  assigned,
  CATALOGUE,
  CODES,
  campaignWith,
  councilMember,
  drafted,
  DURING,
  evaluationContext,
  evaluationState,
  finalized,
  fullSheet,
  notApplicable,
  OFFICE_APPRAISER,
  OTHER_APPRAISER,
  returned,
  SHEET,
  scored,
  submitted,
  windowRecorded,
  YEAR,
} from './fixtures';

const evaluation = spec(evaluationDecider);

const save = (scores: readonly SelfScore[], submit: boolean) => ({ type: 'SaveSelfAssessment', scores, submit }) as const;
const submit = (scores: readonly SelfScore[] = SHEET) => save(scores, true);
const draft = (scores: readonly SelfScore[]) => save(scores, false);
const returnIt = (reason = 'Thiếu tài liệu kiểm chứng') => ({ type: 'ReturnEvaluation', reason }) as const;
const assign = (...appraisers: string[]) => ({ type: 'AssignAppraisers', appraisers }) as const;
const appraise = (...scores: { criterion: string; score: number; comment?: string }[]) => ({ type: 'SubmitAppraisal', scores }) as const;
const finalize = { type: 'FinalizeEvaluation' } as const;
/** A whole appraisal of SHEET: every applicable criterion at its self score, but for those given. */
const whole = (...changed: AppraisalScore[]): AppraisalScore[] =>
  SHEET.flatMap((entry) => ('score' in entry ? [changed.find((each) => each.criterion === entry.criterion) ?? { criterion: entry.criterion, score: entry.score }] : []));
const appraiseWhole = (...changed: AppraisalScore[]) => ({ type: 'SubmitAppraisal', scores: whole(...changed) }) as const;
const correct = (reason: string, ...scores: { criterion: string; score: number }[]) => ({ type: 'CorrectEvaluation', reason, scores }) as const;

/** The self-assessed sheet with two appraisals: the council member's and the Office's. */
const COUNCIL_SCORES: AppraisalScore[] = [
  { criterion: 'cai-cach-the-che', score: 7, comment: 'Chưa đủ minh chứng về rà soát văn bản' },
  { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 11.5 },
];
const OFFICE_SCORES: AppraisalScore[] = [
  { criterion: 'cai-cach-the-che', score: 6 },
  { criterion: 'sang-kien-giai-phap', score: 5 },
];
const councilAppraisal = appraised(APPRAISER, COUNCIL_SCORES);
const officeAppraisal = appraised(OFFICE_APPRAISER, OFFICE_SCORES);
const appraisedSheet = [submitted(), assigned([APPRAISER]), councilAppraisal, officeAppraisal];

/**
 * Worked by hand. Public finance is not applicable: the applicable maximum is 90. Per criterion, the mean of the two
 * appraisals, an appraiser who did not score a criterion accepting the self score: the-che (7 + 6) / 2 = 6.5,
 * thu-tuc (11.5 + 12) / 2 = 11.75, sang-kien (6 + 5) / 2 = 5.5, the rest as self-assessed. Total 78.25 of 90 = 86.94 %.
 */
const RESULT: EvaluationResult = {
  percent: 86.94,
  grade: 'hoan-thanh-tot',
  gradeLabel: 'Hoàn thành tốt nhiệm vụ',
  total: 78.25,
  applicableMax: 90,
  criteria: [
    { criterion: 'cai-cach-the-che', score: 6.5 },
    { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 11.75 },
    { criterion: 'cai-cach-to-chuc-bo-may', score: 10 },
    { criterion: 'cai-cach-che-do-cong-vu', score: 9 },
    { criterion: 'chinh-quyen-dien-tu-so', score: 14 },
    { criterion: 'chi-dao-dieu-hanh', score: 10 },
    { criterion: 'sang-kien-giai-phap', score: 5.5 },
    { criterion: 'tu-kiem-tra-cchc', score: 6 },
    { criterion: 'tuyen-truyen-dich-vu-cong', score: 5.5 },
  ],
};
const finalizedSheet = [...appraisedSheet, finalized(RESULT)];

/** The plan's campaign with one criterion's maximum changed after the sheets were submitted. */
const redefinedMax = (code: string, maxScore: number): CampaignEvent => {
  const definition: CampaignDefinition = { ...CCHC_2021_2025, criteria: CCHC_2021_2025.criteria.map((each) => (each.code === code ? { ...each, maxScore } : each)) };
  return { type: 'CampaignRedefined', data: { definition } };
};

describe('evaluationDecider: SaveSelfAssessment, the sheet', () => {
  it('a draft may be partial, and records the participant and the catalogue as it stands', () => {
    const scores = [scored('cai-cach-the-che', 8), notApplicable('cai-cach-tai-chinh-cong')];
    const state = evaluation.given([]).when(draft(scores), evaluationContext()).then([drafted(scores)]);
    expect(state.status).toBe('draft');
    expect(state.participant).toStrictEqual(memberRef());
    expect(state.catalogue).toStrictEqual(CATALOGUE);
  });

  it('an empty draft is a draft', () => {
    evaluation.given([]).when(draft([]), evaluationContext()).then([drafted([])]);
  });

  it('a complete sheet is submitted; a draft can be completed and submitted', () => {
    const state = evaluation.given([]).when(submit(), evaluationContext()).then([submitted()]);
    expect(state.status).toBe('submitted');
    evaluation.given([drafted(SHEET.slice(0, 3))]).when(submit(), evaluationContext()).then([submitted()]);
  });

  it('a draft replaces the previous draft', () => {
    const state = evaluation.given([drafted(SHEET.slice(0, 3))]).when(draft(SHEET.slice(3, 5)), evaluationContext()).then([drafted(SHEET.slice(3, 5))]);
    expect(state.selfScores).toStrictEqual(SHEET.slice(3, 5));
  });

  it('a total of 0 may be submitted', () => {
    const zeros = fullSheet(() => 0);
    evaluation.given([]).when(submit(zeros), evaluationContext()).then([submitted(zeros)]);
  });

  it('every criterion at its maximum is accepted (the maximum is in range)', () => {
    evaluation.given([]).when(submit(fullSheet()), evaluationContext()).then([submitted(fullSheet())]);
  });

  it('a submission must cover every criterion: incomplete-self-assessment names the missing ones, in catalogue order', () => {
    const partial = SHEET.filter((entry) => !['cai-cach-the-che', 'tu-kiem-tra-cchc'].includes(entry.criterion));
    evaluation
      .given([])
      .when(submit(partial), evaluationContext())
      .thenThrows('incomplete-self-assessment', { missing: ['cai-cach-the-che', 'tu-kiem-tra-cchc'] });
    evaluation.given([]).when(submit([]), evaluationContext()).thenThrows('incomplete-self-assessment', { missing: CODES });
  });

  it('a submission with every criterion not applicable is refused: nothing-applicable', () => {
    evaluation.given([]).when(submit(CODES.map(notApplicable)), evaluationContext()).thenThrows('nothing-applicable');
  });

  it('one applicable criterion is enough to submit', () => {
    const sheet = CODES.map((code) => (code === 'chi-dao-dieu-hanh' ? scored(code, 0) : notApplicable(code)));
    evaluation.given([]).when(submit(sheet), evaluationContext()).then([submitted(sheet)]);
  });

  it('a draft with every criterion not applicable is still a draft (the rule applies on submission)', () => {
    evaluation.given([]).when(draft(CODES.map(notApplicable)), evaluationContext()).then([drafted(CODES.map(notApplicable))]);
  });

  it.each([
    ['a draft', false],
    ['a submission', true],
  ])('%s with an unknown criterion is refused: unknown-criterion', (_what, isSubmit) => {
    evaluation
      .given([])
      .when(save([...SHEET, scored('cai-cach-khong-ton-tai', 1)], isSubmit), evaluationContext())
      .thenThrows('unknown-criterion', { criterion: 'cai-cach-khong-ton-tai' });
  });

  it.each([
    ['scored twice', [scored('cai-cach-the-che', 8), scored('cai-cach-the-che', 9)]],
    ['scored and marked not applicable', [scored('cai-cach-the-che', 8), notApplicable('cai-cach-the-che')]],
  ])('a criterion %s is refused: invalid-request', (_what, scores) => {
    evaluation.given([]).when(draft(scores), evaluationContext()).thenThrows('invalid-request');
    evaluation.given([]).when(submit([...SHEET.slice(1), ...scores]), evaluationContext()).thenThrows('invalid-request');
  });

  it("a score above the criterion's maximum is refused: score-out-of-range, with the maximum", () => {
    evaluation
      .given([])
      .when(draft([scored('tu-kiem-tra-cchc', 6.25)]), evaluationContext())
      .thenThrows('score-out-of-range', { criterion: 'tu-kiem-tra-cchc', maxScore: 6 });
    evaluation
      .given([])
      .when(submit(fullSheet((code, max) => (code === 'cai-cach-thu-tuc-hanh-chinh' ? max + 0.25 : max))), evaluationContext())
      .thenThrows('score-out-of-range', { criterion: 'cai-cach-thu-tuc-hanh-chinh', maxScore: 15 });
  });

  describe('with sub-criteria', () => {
    const definition: CampaignDefinition = {
      ...CCHC_2021_2025,
      criteria: CCHC_2021_2025.criteria.map((each) =>
        each.code === 'cai-cach-thu-tuc-hanh-chinh'
          ? {
              ...each,
              subCriteria: [
                { code: 'tthc-cong-khai', label: 'Công khai thủ tục hành chính', maxScore: 5 },
                { code: 'tthc-dung-han', label: 'Giải quyết hồ sơ đúng hạn', maxScore: 10 },
              ],
            }
          : each,
      ),
    };
    const context = () => evaluationContext({ campaign: campaignState([], definition) });
    const sheet = [...SHEET.filter((entry) => entry.criterion !== 'cai-cach-thu-tuc-hanh-chinh'), scored('tthc-cong-khai', 5), scored('tthc-dung-han', 7.5)];

    it('the sub-criteria are scored, and the snapshot names their parent', () => {
      const state = evaluation.given([]).when(submit(sheet), context()).then([
        {
          type: 'SelfAssessmentSubmitted',
          data: {
            participant: memberRef(),
            scores: sheet,
            catalogue: CATALOGUE.flatMap((each) =>
              each.code === 'cai-cach-thu-tuc-hanh-chinh'
                ? [
                    { code: 'tthc-cong-khai', maxScore: 5, parent: each.code },
                    { code: 'tthc-dung-han', maxScore: 10, parent: each.code },
                  ]
                : [each],
            ),
          },
        },
      ]);
      expect(state.catalogue.filter((each) => each.parent === 'cai-cach-thu-tuc-hanh-chinh').map((each) => each.code)).toEqual(['tthc-cong-khai', 'tthc-dung-han']);
    });

    it('a criterion with sub-criteria is not itself scored: unknown-criterion', () => {
      evaluation.given([]).when(draft([scored('cai-cach-thu-tuc-hanh-chinh', 10)]), context()).thenThrows('unknown-criterion', { criterion: 'cai-cach-thu-tuc-hanh-chinh' });
    });

    it('a missing sub-criterion makes the sheet incomplete; each sub-criterion has its own maximum', () => {
      evaluation
        .given([])
        .when(submit(sheet.filter((entry) => entry.criterion !== 'tthc-dung-han')), context())
        .thenThrows('incomplete-self-assessment', { missing: ['tthc-dung-han'] });
      evaluation.given([]).when(draft([scored('tthc-cong-khai', 5.25)]), context()).thenThrows('score-out-of-range', { criterion: 'tthc-cong-khai', maxScore: 5 });
    });
  });
});

describe('evaluationDecider: SaveSelfAssessment, who may assess', () => {
  it('a member assesses itself', () => {
    evaluation.given([]).when(submit(), evaluationContext()).then([submitted()]);
  });

  it("the head of the member's department assesses it", () => {
    evaluation.given([]).when(submit(), evaluationContext({ actor: actors.head(DEPARTMENT) })).then([submitted()]);
  });

  it('the head assesses its department; the Office anyone', () => {
    evaluation
      .given([])
      .when(submit(), evaluationContext({ actor: actors.head(DEPARTMENT), participant: departmentRef() }))
      .then([submitted(SHEET, departmentRef())]);
    evaluation.given([]).when(submit(), asOffice()).then([submitted()]);
    evaluation
      .given([])
      .when(submit(), asOffice({ participant: departmentRef(OTHER_DEPARTMENT) }))
      .then([submitted(SHEET, departmentRef(OTHER_DEPARTMENT))]);
  });

  it.each<[string, Actor]>([
    ['another member of the same department', actors.member(OTHER_MEMBER, DEPARTMENT)],
    ['the head of another department', actors.head(OTHER_DEPARTMENT)],
    ['the leader', actors.leader()],
    ['a council member', actors.council()],
    ['an assigned council member', councilMember(APPRAISER)],
    ['the scheduler', actors.system()],
  ])('%s is forbidden', (_who, actor) => {
    evaluation.given([]).when(submit(), evaluationContext({ actor })).thenThrows('forbidden');
    evaluation.given([assigned([APPRAISER])]).when(draft([]), evaluationContext({ actor })).thenThrows('forbidden');
  });

  it('a member may not assess its department', () => {
    evaluation.given([]).when(submit(), evaluationContext({ participant: departmentRef() })).thenThrows('forbidden');
  });

  it('follows the roster as of the cycle for the department: after a move, the new head acts and the former one is refused', () => {
    const movedRef = memberRef(MEMBER, OTHER_DEPARTMENT);
    evaluation.given([drafted([])]).when(submit(), evaluationContext({ actor: actors.head(OTHER_DEPARTMENT), participant: movedRef })).then([submitted(SHEET, movedRef)]);
    evaluation.given([drafted([])]).when(submit(), evaluationContext({ actor: actors.head(DEPARTMENT), participant: movedRef })).thenThrows('forbidden');
  });

  it('the participant is the one on the stream, not the one the request names', () => {
    // The stream is the member's: another department's head is refused even if the context names its department.
    evaluation
      .given([drafted([])])
      .when(submit(), evaluationContext({ actor: actors.head(OTHER_DEPARTMENT), participant: departmentRef(OTHER_DEPARTMENT) }))
      .thenThrows('forbidden');
  });
});

describe('evaluationDecider: SaveSelfAssessment, the calendar', () => {
  it.each([
    ['on 1 November at 00:00 local', vnInstant(YEAR, 11, 1)],
    ['on 10 December at 23:59:59.999 local', vnInstant(YEAR, 12, 10, 23, 59, 59, 999)],
  ])('is open %s', (_when, now) => {
    evaluation.given([]).when(submit(), evaluationContext({ now })).then([submitted()]);
  });

  it.each([
    ['on 31 October at 23:59:59.999 local', vnInstant(YEAR, 10, 31, 23, 59, 59, 999)],
    ['in March', vnInstant(YEAR, 3, 15)],
  ])('is not open %s: evaluation-not-open', (_when, now) => {
    evaluation.given([]).when(submit(), evaluationContext({ now })).thenThrows('evaluation-not-open');
    evaluation.given([]).when(draft([]), evaluationContext({ now })).thenThrows('evaluation-not-open');
  });

  it.each([
    ['on 11 December at 00:00 local', vnInstant(YEAR, 12, 11)],
    ['during appraisal', vnInstant(YEAR, 12, 15)],
  ])('is closed %s: evaluation-closed', (_when, now) => {
    evaluation.given([]).when(submit(), evaluationContext({ now })).thenThrows('evaluation-closed');
    evaluation.given([]).when(draft([]), evaluationContext({ now })).thenThrows('evaluation-closed');
  });

  it("a recorded self-assessment-closed closes it before the calendar's date", () => {
    const campaign = campaignWith(windowRecorded('self-assessment-closed', vnInstant(YEAR, 11, 15)));
    evaluation.given([]).when(submit(), evaluationContext({ campaign })).thenThrows('evaluation-closed');
    // ...for that year only.
    const otherYear = campaignWith(windowRecorded('self-assessment-closed', vnInstant(YEAR - 1, 12, 11), YEAR - 1));
    evaluation.given([]).when(submit(), evaluationContext({ campaign: otherYear })).then([submitted()]);
  });

  it('a recorded self-assessment-opened does not open it early: the clock decides', () => {
    const campaign = campaignWith(windowRecorded('self-assessment-opened', vnInstant(YEAR, 10, 1)));
    evaluation.given([]).when(submit(), evaluationContext({ campaign, now: vnInstant(YEAR, 10, 15) })).thenThrows('evaluation-not-open');
  });

  it('an ended campaign is closed', () => {
    const campaign = campaignWith({ type: 'CampaignEnded', data: { endDate: '2025-12-30' } });
    evaluation.given([]).when(submit(), evaluationContext({ campaign })).thenThrows('evaluation-closed');
  });

  it('a year outside the campaign, or no campaign, or no participant: not-found', () => {
    evaluation.given([]).when(submit(), evaluationContext({ year: 2026, now: vnInstant(2026, 11, 20) })).thenThrows('not-found');
    evaluation.given([]).when(submit(), evaluationContext({ campaign: null })).thenThrows('not-found');
    evaluation.given([]).when(submit(), evaluationContext({ participant: null })).thenThrows('not-found');
  });
});

describe('evaluationDecider: SaveSelfAssessment, the life of a sheet', () => {
  it('after submission it is refused, to the Office too: already-submitted', () => {
    evaluation.given([submitted()]).when(submit(), evaluationContext()).thenThrows('already-submitted');
    evaluation.given([submitted()]).when(draft([]), asOffice()).thenThrows('already-submitted');
  });

  it('after finalization: evaluation-finalized', () => {
    evaluation.given(finalizedSheet).when(submit(), evaluationContext()).thenThrows('evaluation-finalized');
    evaluation.given(finalizedSheet).when(draft([]), asOffice()).thenThrows('evaluation-finalized');
  });

  it('after a return, it can be saved again, as a draft or a submission', () => {
    const corrected = SHEET.map((entry) => (entry.criterion === 'cai-cach-the-che' ? scored('cai-cach-the-che', 9) : entry));
    const afterDraft = evaluation.given([submitted(), returned()]).when(draft(corrected), evaluationContext()).then([drafted(corrected)]);
    expect(afterDraft.status).toBe('draft');
    const afterSubmit = evaluation.given([submitted(), returned()]).when(submit(corrected), evaluationContext()).then([submitted(corrected)]);
    expect(afterSubmit.status).toBe('submitted');
    expect(afterSubmit.selfScores).toStrictEqual(corrected);
  });

  // The Office returns sheets during appraisal (11-20 December): a returned sheet may be corrected while appraisal
  // runs, though self-assessment has closed for everyone else.
  it('a sheet returned during appraisal can be saved again until appraisal closes', () => {
    evaluation.given([submitted(), returned()]).when(submit(), evaluationContext({ now: vnInstant(YEAR, 12, 15) })).then([submitted()]);
    evaluation.given([submitted(), returned()]).when(submit(), evaluationContext({ now: vnInstant(YEAR, 12, 21) })).thenThrows('evaluation-closed');
    evaluation.given([submitted()]).when(submit(), evaluationContext({ now: vnInstant(YEAR, 12, 15) })).thenThrows('already-submitted');
  });
});

describe('evaluationDecider: ReturnEvaluation', () => {
  it('the Office returns a submitted sheet, which drops its appraisals', () => {
    const before = evaluationState(appraisedSheet);
    expect(Object.keys(before.appraisals)).toHaveLength(2);
    const state = evaluation.given(appraisedSheet).when(returnIt('Thiếu minh chứng'), asOffice()).then([returned('Thiếu minh chứng')]);
    expect(state.status).toBe('returned');
    expect(state.appraisals).toStrictEqual({});
    // The sheet and its appraisers stay.
    expect(state.selfScores).toStrictEqual(SHEET);
    expect(state.appraisers).toStrictEqual([APPRAISER]);
  });

  it.each([...nonOfficeActors, ['the member itself', actors.member(MEMBER, DEPARTMENT)] as const, ['an assigned appraiser', councilMember(APPRAISER)] as const])(
    '%s may not return it: forbidden',
    (_who, actor) => {
      evaluation.given(appraisedSheet).when(returnIt(), evaluationContext({ actor })).thenThrows('forbidden');
    },
  );

  it.each<[string, EvaluationEvent[]]>([
    ['nothing', []],
    ['a draft', [drafted(SHEET)]],
    ['a returned sheet', [submitted(), returned()]],
    ['appraisers only', [assigned([APPRAISER])]],
  ])('%s cannot be returned: not-submitted', (_what, given) => {
    evaluation.given(given).when(returnIt(), asOffice()).thenThrows('not-submitted');
  });

  it('a final result cannot be returned: evaluation-finalized', () => {
    evaluation.given(finalizedSheet).when(returnIt(), asOffice()).thenThrows('evaluation-finalized');
  });
});

describe('evaluationDecider: AssignAppraisers', () => {
  it('the Office assigns appraisers, deduplicated and sorted, even before the self-assessment', () => {
    const state = evaluation
      .given([])
      .when(assign(OTHER_APPRAISER, APPRAISER, OTHER_APPRAISER, 'bui-van-giang'), asOffice())
      .then([assigned(['bui-van-giang', APPRAISER, OTHER_APPRAISER])]);
    expect(state.appraisers).toStrictEqual(['bui-van-giang', APPRAISER, OTHER_APPRAISER]);
    expect(state.participant).toStrictEqual(memberRef());
    expect(state.status).toBe('none');
  });

  it('a member is never the appraiser of its own sheet: conflict-of-interest', () => {
    evaluation.given([submitted()]).when(assign(APPRAISER, MEMBER), asOffice()).thenThrows('conflict-of-interest', { appraiser: MEMBER });
  });

  it("a member of a department is never an appraiser of the department's collective sheet: conflict-of-interest", () => {
    const appraiserDepartments = { [APPRAISER]: OTHER_DEPARTMENT, [OTHER_APPRAISER]: DEPARTMENT };
    const given = [submitted(SHEET, departmentRef())];
    evaluation.given(given).when(assign(APPRAISER, OTHER_APPRAISER), asOffice({ participant: departmentRef(), appraiserDepartments })).thenThrows('conflict-of-interest', { appraiser: OTHER_APPRAISER });
    evaluation.given(given).when(assign(APPRAISER), asOffice({ participant: departmentRef(), appraiserDepartments })).then([assigned([APPRAISER], departmentRef())]);
  });

  it('a new assignment replaces the list, and keeps the status', () => {
    const state = evaluation.given([submitted(), assigned([APPRAISER])]).when(assign(OTHER_APPRAISER), asOffice()).then([assigned([OTHER_APPRAISER])]);
    expect(state.appraisers).toStrictEqual([OTHER_APPRAISER]);
    expect(state.status).toBe('submitted');
  });

  it('an empty list unassigns everyone', () => {
    evaluation.given([assigned([APPRAISER])]).when(assign(), asOffice()).then([assigned([])]);
  });

  it.each([...nonOfficeActors, ['an assigned appraiser', councilMember(APPRAISER)] as const])('%s may not assign: forbidden', (_who, actor) => {
    evaluation.given([submitted()]).when(assign(APPRAISER), evaluationContext({ actor })).thenThrows('forbidden');
  });

  it('after finalization: evaluation-finalized', () => {
    evaluation.given(finalizedSheet).when(assign(APPRAISER), asOffice()).thenThrows('evaluation-finalized');
  });
});

describe('evaluationDecider: SubmitAppraisal', () => {
  const DURING_APPRAISAL = vnInstant(YEAR, 12, 15, 10);

  it('the Office appraises as its user', () => {
    const state = evaluation
      .given([submitted()])
      .when(appraiseWhole(...OFFICE_SCORES), asOffice({ now: DURING_APPRAISAL }))
      .then([appraised(OFFICE_APPRAISER, whole(...OFFICE_SCORES))]);
    expect(state.appraisals).toStrictEqual({ [OFFICE_APPRAISER]: whole(...OFFICE_SCORES) });
  });

  it('an assigned council member appraises by its member id, with comments', () => {
    const scores = [
      { criterion: 'cai-cach-the-che', score: 7, comment: 'Chưa đủ minh chứng về rà soát văn bản' },
      { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 11.5 },
    ];
    evaluation.given([submitted(), assigned([APPRAISER])]).when(appraiseWhole(...scores), asAppraiser()).then([appraised(APPRAISER, whole(...scores))]);
  });

  it('an empty or partial appraisal (which would reveal the others for free): incomplete-appraisal, naming what is missing', () => {
    const applicable = whole().map((entry) => entry.criterion);
    const given = [submitted(), assigned([APPRAISER])];
    evaluation.given(given).when(appraise(), asAppraiser()).thenThrows('incomplete-appraisal', { missing: applicable });
    evaluation.given(given).when(appraise({ criterion: 'cai-cach-the-che', score: 7 }), asAppraiser()).thenThrows('incomplete-appraisal', { missing: applicable.slice(1) });
  });

  it('may score 0 and the maximum', () => {
    const scores = [
      { criterion: 'cai-cach-the-che', score: 0 },
      { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 15 },
    ];
    evaluation.given([submitted()]).when(appraiseWhole(...scores), asOffice()).then([appraised(OFFICE_APPRAISER, whole(...scores))]);
  });

  it('while self-assessment is still open, a submitted sheet may already be appraised', () => {
    evaluation.given([submitted()]).when(appraiseWhole(), asOffice({ now: DURING })).then([appraised(OFFICE_APPRAISER, whole())]);
  });

  it('an appraiser alone so far may revise its own appraisal, which replaces it', () => {
    const revised = whole({ criterion: 'cai-cach-the-che', score: 7.75 });
    const state = evaluation.given([submitted(), assigned([APPRAISER]), appraised(APPRAISER, whole())]).when(appraiseWhole(...revised), asAppraiser()).then([appraised(APPRAISER, revised)]);
    expect(state.appraisals).toStrictEqual({ [APPRAISER]: revised });
  });

  it("an appraiser appraising after the others has not read them: accepted, and then locked like theirs", () => {
    const given = [submitted(), assigned([APPRAISER]), officeAppraisal];
    const state = evaluation.given(given).when(appraiseWhole(), asAppraiser()).then([appraised(APPRAISER, whole())]);
    expect(state.appraisals).toStrictEqual({ [OFFICE_APPRAISER]: OFFICE_SCORES, [APPRAISER]: whole() });
  });

  it('once another appraisal stands beside its own (it can read it), an appraisal is locked: appraisal-locked', () => {
    evaluation.given(appraisedSheet).when(appraiseWhole({ criterion: 'cai-cach-the-che', score: 7.75 }), asAppraiser()).thenThrows('appraisal-locked');
    evaluation.given(appraisedSheet).when(appraiseWhole(), asOffice()).thenThrows('appraisal-locked');
  });

  it.each<[string, Actor]>([
    ['an unassigned council member', councilMember(OTHER_APPRAISER)],
    ['a council member without a member claim', actors.council()],
    ['the leader', actors.leader()],
    ['the member itself', actors.member(MEMBER, DEPARTMENT)],
    ["the member's head", actors.head(DEPARTMENT)],
    ['the scheduler', actors.system()],
  ])('%s may not appraise: forbidden', (_who, actor) => {
    evaluation.given([submitted(), assigned([APPRAISER])]).when(appraise(), evaluationContext({ actor })).thenThrows('forbidden');
  });

  it('a council member unassigned after appraising may no longer appraise', () => {
    evaluation.given([...appraisedSheet, assigned([OTHER_APPRAISER])]).when(appraise(), asAppraiser()).thenThrows('forbidden');
  });

  it.each<[string, EvaluationEvent[]]>([
    ['nothing', [assigned([APPRAISER])]],
    ['a draft', [drafted(SHEET), assigned([APPRAISER])]],
    ['a returned sheet', [submitted(), assigned([APPRAISER]), returned()]],
  ])('%s cannot be appraised: not-submitted', (_what, given) => {
    evaluation.given(given).when(appraise(), asAppraiser()).thenThrows('not-submitted');
    evaluation.given(given).when(appraise(), asOffice()).thenThrows('not-submitted');
  });

  it('a final result cannot be appraised: evaluation-finalized', () => {
    evaluation.given(finalizedSheet).when(appraise(), asAppraiser()).thenThrows('evaluation-finalized');
  });

  it('scoring a criterion the participant marked not applicable: criterion-not-applicable', () => {
    evaluation
      .given([submitted(), assigned([APPRAISER])])
      .when(appraise({ criterion: 'cai-cach-the-che', score: 7 }, { criterion: 'cai-cach-tai-chinh-cong', score: 5 }), asAppraiser())
      .thenThrows('criterion-not-applicable', { criterion: 'cai-cach-tai-chinh-cong' });
  });

  it('an unknown criterion, a duplicate, a score above the maximum are refused', () => {
    const given = [submitted(), assigned([APPRAISER])];
    evaluation.given(given).when(appraise({ criterion: 'khong-co', score: 1 }), asAppraiser()).thenThrows('unknown-criterion', { criterion: 'khong-co' });
    evaluation
      .given(given)
      .when(appraise({ criterion: 'cai-cach-the-che', score: 1 }, { criterion: 'cai-cach-the-che', score: 2 }), asAppraiser())
      .thenThrows('invalid-request');
    evaluation
      .given(given)
      .when(appraise({ criterion: 'cai-cach-the-che', score: 10.25 }), asAppraiser())
      .thenThrows('score-out-of-range', { criterion: 'cai-cach-the-che', maxScore: 10 });
  });

  it('is open until 20 December 23:59:59.999 local; then appraisal-closed', () => {
    const given = [submitted(), assigned([APPRAISER])];
    evaluation.given(given).when(appraiseWhole(), asAppraiser(APPRAISER, { now: vnInstant(YEAR, 12, 20, 23, 59, 59, 999) })).then([appraised(APPRAISER, whole())]);
    evaluation.given(given).when(appraise(), asAppraiser(APPRAISER, { now: vnInstant(YEAR, 12, 21) })).thenThrows('appraisal-closed');
    evaluation.given(given).when(appraise(), asOffice({ now: vnInstant(YEAR, 12, 21) })).thenThrows('appraisal-closed');
  });

  it('a recorded appraisal-closed, or the end of the campaign, closes it', () => {
    const given = [submitted(), assigned([APPRAISER])];
    const recorded = campaignWith(windowRecorded('appraisal-closed', vnInstant(YEAR, 12, 1)));
    evaluation.given(given).when(appraise(), asAppraiser(APPRAISER, { campaign: recorded })).thenThrows('appraisal-closed');
    const ended = campaignWith({ type: 'CampaignEnded', data: { endDate: '2025-12-30' } });
    evaluation.given(given).when(appraise(), asAppraiser(APPRAISER, { campaign: ended })).thenThrows('appraisal-closed');
  });

  // Appraisals are checked against the sheet's catalogue snapshot, which the result is computed against:
  // a maximum raised by a later redefinition cannot push a result above 100%.
  it('an appraisal above the maximum of the sheet it appraises is refused, whatever the campaign now says', () => {
    const campaign = campaignWith(redefinedMax('cai-cach-the-che', 20));
    evaluation
      .given([submitted(fullSheet())])
      .when(appraise({ criterion: 'cai-cach-the-che', score: 20 }), asOffice({ campaign }))
      .thenThrows('score-out-of-range', { criterion: 'cai-cach-the-che', maxScore: 10 });
  });
});

describe('evaluationDecider: FinalizeEvaluation', () => {
  it('the result is the mean of the appraisals (unscored criteria accept the self score), over the applicable maximum, with its grade', () => {
    const state = evaluation.given(appraisedSheet).when(finalize, asOffice({ now: vnInstant(YEAR, 12, 22) })).then([finalized(RESULT)]);
    expect(state.status).toBe('finalized');
    expect(state.result).toStrictEqual(RESULT);
  });

  it('the order in which the appraisals arrived does not matter', () => {
    evaluation.given([submitted(), officeAppraisal, councilAppraisal]).when(finalize, asOffice()).then([finalized(RESULT)]);
  });

  it('an appraisal that accepts everything gives the self-assessed figures', () => {
    // 8 + 12 + 10 + 9 + 14 + 10 + 6 + 6 + 5.5 = 80.5 of 90 = 89.44 %: hoàn thành tốt (not above 90).
    const [event] = evaluationDecider.decide(finalize, evaluationState([submitted(), appraised(OFFICE_APPRAISER, [])]), asOffice());
    expect(event).toMatchObject({ type: 'EvaluationFinalized', data: { result: { percent: 89.44, total: 80.5, applicableMax: 90, grade: 'hoan-thanh-tot' } } });
  });

  it('three appraisers: the mean need not be a quarter point', () => {
    const given = [
      submitted(fullSheet()),
      appraised('a', [{ criterion: 'cai-cach-the-che', score: 9 }]),
      appraised('b', [{ criterion: 'cai-cach-the-che', score: 9 }]),
      appraised('c', [{ criterion: 'cai-cach-the-che', score: 8 }]),
    ];
    const [event] = evaluationDecider.decide(finalize, evaluationState(given), asOffice());
    const result = event.type === 'EvaluationFinalized' ? event.data.result : expect.unreachable();
    expect(result.criteria[0]).toStrictEqual({ criterion: 'cai-cach-the-che', score: 26 / 3 });
    expect(result.percent).toBe(98.67);
    expect(result.grade).toBe('hoan-thanh-xuat-sac');
  });

  it('a total of 0 is a result: không hoàn thành', () => {
    const [event] = evaluationDecider.decide(finalize, evaluationState([submitted(fullSheet(() => 0)), appraised(OFFICE_APPRAISER, [])]), asOffice());
    expect(event).toMatchObject({ data: { result: { percent: 0, total: 0, applicableMax: 100, grade: 'khong-hoan-thanh', gradeLabel: 'Không hoàn thành nhiệm vụ' } } });
  });

  it("uses the campaign's own grade bands", () => {
    const definition: CampaignDefinition = {
      ...CCHC_2021_2025,
      gradeBands: [
        { code: 'dat', label: 'Đạt', atLeast: 85 },
        { code: 'khong-dat', label: 'Không đạt', atLeast: 0 },
      ],
    };
    const [event] = evaluationDecider.decide(finalize, evaluationState(appraisedSheet), asOffice({ campaign: campaignState([], definition) }));
    expect(event).toMatchObject({ data: { result: { percent: 86.94, grade: 'dat', gradeLabel: 'Đạt' } } });
  });

  it('without any appraisal: not-appraised', () => {
    evaluation.given([submitted(), assigned([APPRAISER])]).when(finalize, asOffice()).thenThrows('not-appraised');
  });

  it('appraisals dropped by a return do not count', () => {
    evaluation.given([...appraisedSheet, returned(), submitted()]).when(finalize, asOffice()).thenThrows('not-appraised');
  });

  it.each<[string, EvaluationEvent[]]>([
    ['nothing', []],
    ['a draft', [drafted(SHEET)]],
    ['a returned sheet', [...appraisedSheet, returned()]],
  ])('%s cannot be finalized: not-submitted', (_what, given) => {
    evaluation.given(given).when(finalize, asOffice()).thenThrows('not-submitted');
  });

  it('a final result is not finalized again: evaluation-finalized', () => {
    evaluation.given(finalizedSheet).when(finalize, asOffice()).thenThrows('evaluation-finalized');
  });

  it.each([...nonOfficeActors, ['an assigned appraiser', councilMember(APPRAISER)] as const])('%s may not finalize: forbidden', (_who, actor) => {
    evaluation.given(appraisedSheet).when(finalize, evaluationContext({ actor })).thenThrows('forbidden');
  });
});

describe('evaluationDecider: CorrectEvaluation', () => {
  it('the Office corrects a final result with a reason; the result is recomputed', () => {
    // the-che 6.5 → 9, thu-tuc 11.75 → 15: total 84 of 90 = 93.33 %, now hoàn thành xuất sắc.
    const command = correct('Bổ sung minh chứng sau phúc khảo', { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 15 }, { criterion: 'cai-cach-the-che', score: 9 });
    const result: EvaluationResult = {
      ...RESULT,
      percent: 93.33,
      grade: 'hoan-thanh-xuat-sac',
      gradeLabel: 'Hoàn thành xuất sắc nhiệm vụ',
      total: 84,
      criteria: RESULT.criteria.map((each) =>
        each.criterion === 'cai-cach-the-che' ? { ...each, score: 9 } : each.criterion === 'cai-cach-thu-tuc-hanh-chinh' ? { ...each, score: 15 } : each,
      ),
    };
    const state = evaluation
      .given(finalizedSheet)
      .when(command, asOffice({ now: vnInstant(2026, 2, 1) }))
      .then([{ type: 'EvaluationCorrected', data: { reason: command.reason, scores: [...command.scores], result } }]);
    expect(state.status).toBe('finalized');
    expect(state.result).toStrictEqual(result);
  });

  it('a correction builds on the previous correction', () => {
    const first = evaluationDecider.decide(correct('Phúc khảo lần 1', { criterion: 'cai-cach-the-che', score: 9 }), evaluationState(finalizedSheet), asOffice());
    const [second] = evaluationDecider.decide(correct('Phúc khảo lần 2', { criterion: 'sang-kien-giai-phap', score: 8 }), evaluationState([...finalizedSheet, ...first]), asOffice());
    // 78.25 + 2.5 + 2.5 = 83.25 of 90 = 92.5 %
    expect(second).toMatchObject({ type: 'EvaluationCorrected', data: { result: { total: 83.25, percent: 92.5, grade: 'hoan-thanh-xuat-sac' } } });
  });

  it('a correction down to 0 is accepted', () => {
    const [event] = evaluationDecider.decide(correct('Sai sót', ...RESULT.criteria.map(({ criterion }) => ({ criterion, score: 0 }))), evaluationState(finalizedSheet), asOffice());
    expect(event).toMatchObject({ data: { result: { total: 0, percent: 0, applicableMax: 90, grade: 'khong-hoan-thanh' } } });
  });

  it.each<[string, EvaluationEvent[]]>([
    ['nothing', []],
    ['a submitted sheet', [submitted()]],
    ['an appraised sheet', appraisedSheet],
  ])('%s is corrected by appraising, not by correction: not-finalized', (_what, given) => {
    evaluation.given(given).when(correct('Sửa', { criterion: 'cai-cach-the-che', score: 9 }), asOffice()).thenThrows('not-finalized');
  });

  it('a criterion not in the result (not applicable) cannot be corrected: criterion-not-applicable', () => {
    evaluation
      .given(finalizedSheet)
      .when(correct('Sửa', { criterion: 'cai-cach-tai-chinh-cong', score: 5 }), asOffice())
      .thenThrows('criterion-not-applicable', { criterion: 'cai-cach-tai-chinh-cong' });
  });

  it('an unknown criterion, a duplicate, a score above the maximum are refused', () => {
    evaluation.given(finalizedSheet).when(correct('Sửa', { criterion: 'khong-co', score: 1 }), asOffice()).thenThrows('unknown-criterion');
    evaluation
      .given(finalizedSheet)
      .when(correct('Sửa', { criterion: 'cai-cach-the-che', score: 1 }, { criterion: 'cai-cach-the-che', score: 2 }), asOffice())
      .thenThrows('invalid-request');
    evaluation
      .given(finalizedSheet)
      .when(correct('Sửa', { criterion: 'cai-cach-the-che', score: 10.25 }), asOffice())
      .thenThrows('score-out-of-range', { criterion: 'cai-cach-the-che', maxScore: 10 });
  });

  it.each([...nonOfficeActors, ['an assigned appraiser', councilMember(APPRAISER)] as const])('%s may not correct: forbidden', (_who, actor) => {
    evaluation.given(finalizedSheet).when(correct('Sửa', { criterion: 'cai-cach-the-che', score: 9 }), evaluationContext({ actor })).thenThrows('forbidden');
  });

  // Corrections too are checked against the snapshot: a redefined maximum cannot push the percent above 100.
  it("a correction above the result's own maximum is refused, whatever the campaign now says", () => {
    const campaign = campaignWith(redefinedMax('cai-cach-the-che', 20));
    evaluation
      .given(finalizedSheet)
      .when(correct('Sửa', { criterion: 'cai-cach-the-che', score: 20 }), asOffice({ campaign }))
      .thenThrows('score-out-of-range', { criterion: 'cai-cach-the-che', maxScore: 10 });
  });
});

describe('visibleAppraisals', () => {
  const both = { [APPRAISER]: COUNCIL_SCORES, [OFFICE_APPRAISER]: OFFICE_SCORES };
  const assignedBoth = [submitted(), assigned([APPRAISER, OTHER_APPRAISER])];
  const OTHER_SCORES: AppraisalScore[] = [{ criterion: 'cai-cach-the-che', score: 5 }];
  const other = appraised(OTHER_APPRAISER, OTHER_SCORES);

  it('the Office and the leadership see every appraisal', () => {
    expect(visibleAppraisals(actors.office(), evaluationState(appraisedSheet))).toStrictEqual(both);
    expect(visibleAppraisals(actors.leader(), evaluationState(appraisedSheet))).toStrictEqual(both);
    expect(visibleAppraisals(actors.leader(), evaluationState([...assignedBoth, other]))).toStrictEqual({ [OTHER_APPRAISER]: OTHER_SCORES });
  });

  it("an appraiser sees nothing of the others' before submitting its own, then all", () => {
    const before = evaluationState([...assignedBoth, other]);
    expect(visibleAppraisals(councilMember(APPRAISER), before)).toStrictEqual({});
    const after = evaluationState([...assignedBoth, other, councilAppraisal]);
    expect(visibleAppraisals(councilMember(APPRAISER), after)).toStrictEqual({ [OTHER_APPRAISER]: OTHER_SCORES, [APPRAISER]: COUNCIL_SCORES });
  });

  it('an appraiser unassigned after appraising sees only its own', () => {
    const state = evaluationState([...assignedBoth, other, councilAppraisal, assigned([OTHER_APPRAISER])]);
    expect(visibleAppraisals(councilMember(APPRAISER), state)).toStrictEqual({ [APPRAISER]: COUNCIL_SCORES });
  });

  it('an unassigned council member sees nothing', () => {
    expect(visibleAppraisals(councilMember('bui-van-giang'), evaluationState(appraisedSheet))).toStrictEqual({});
    expect(visibleAppraisals(actors.council(), evaluationState(appraisedSheet))).toStrictEqual({});
  });

  it('the participant and its head see none until the result is final, then all', () => {
    for (const actor of [actors.member(MEMBER, DEPARTMENT), actors.head(DEPARTMENT)]) {
      expect(visibleAppraisals(actor, evaluationState(appraisedSheet))).toStrictEqual({});
      expect(visibleAppraisals(actor, evaluationState(finalizedSheet))).toStrictEqual(both);
    }
  });

  it('after a return, no appraisal is left to see', () => {
    expect(visibleAppraisals(actors.office(), evaluationState([...appraisedSheet, returned()]))).toStrictEqual({});
  });
});

describe('campaignDecider: RecordEvaluationWindow', () => {
  const campaign = spec(campaignDecider);
  const asSystem = (now: Date): CampaignContext => ({ actor: actors.system('evaluation-windows'), now });
  const record = (window: 'self-assessment-opened' | 'self-assessment-closed' | 'appraisal-closed', year = YEAR) => ({ type: 'RecordEvaluationWindow', year, window }) as const;
  const due = {
    'self-assessment-opened': vnInstant(YEAR, 11, 1),
    'self-assessment-closed': vnInstant(YEAR, 12, 11),
    'appraisal-closed': vnInstant(YEAR, 12, 21),
  } as const;

  it.each(Object.entries(due) as [keyof typeof due, Date][])('records %s when it falls due, at its due time', (window, at) => {
    const state = campaign.given([launched()]).when(record(window), asSystem(at)).then([windowRecorded(window, at)]);
    expect(state.evaluationWindows).toStrictEqual({ [YEAR]: { [window]: at.toISOString() } });
  });

  it('the due times are the local calendar days (UTC+7)', () => {
    expect(due['self-assessment-opened'].toISOString()).toBe('2025-10-31T17:00:00.000Z');
    expect(due['self-assessment-closed'].toISOString()).toBe('2025-12-10T17:00:00.000Z');
    expect(due['appraisal-closed'].toISOString()).toBe('2025-12-20T17:00:00.000Z');
  });

  it.each(Object.entries(due) as [keyof typeof due, Date][])('records nothing 1 ms before %s falls due', (window, at) => {
    campaign.given([launched()]).when(record(window), asSystem(new Date(at.getTime() - 1))).thenNothing();
  });

  it('a late run records the due time, not the time it ran', () => {
    campaign.given([launched()]).when(record('self-assessment-closed'), asSystem(vnInstant(YEAR, 12, 12, 8))).then([windowRecorded('self-assessment-closed', due['self-assessment-closed'])]);
  });

  it('records each window once per year', () => {
    const once = windowRecorded('self-assessment-closed', due['self-assessment-closed']);
    campaign.given([launched(), once]).when(record('self-assessment-closed'), asSystem(vnInstant(YEAR, 12, 12))).thenNothing();
    // Another window of the same year, or the same window of another year, is still recorded.
    campaign.given([launched(), once]).when(record('self-assessment-opened'), asSystem(vnInstant(YEAR, 12, 12))).then([windowRecorded('self-assessment-opened', due['self-assessment-opened'])]);
    campaign
      .given([launched(), once])
      .when(record('self-assessment-closed', 2024), asSystem(vnInstant(YEAR, 12, 12)))
      .then([windowRecorded('self-assessment-closed', vnInstant(2024, 12, 11), 2024)]);
  });

  it('a year outside the campaign records nothing', () => {
    campaign.given([launched()]).when(record('self-assessment-opened', 2026), asSystem(vnInstant(2026, 11, 2))).thenNothing();
    campaign.given([launched()]).when(record('appraisal-closed', 2020), asSystem(vnInstant(2021, 1, 2))).thenNothing();
  });

  it('an ended campaign records nothing', () => {
    campaign.given([launched(), { type: 'CampaignEnded', data: { endDate: '2025-12-30' } }]).when(record('appraisal-closed'), asSystem(vnInstant(YEAR, 12, 31))).thenNothing();
  });

  it('no campaign: not-found', () => {
    campaign.given([]).when(record('self-assessment-opened'), asSystem(DURING)).thenThrows('not-found');
  });

  it.each(people)('the %s may not record a window: forbidden', (_who, actor) => {
    campaign.given([launched()]).when(record('self-assessment-closed'), { actor, now: vnInstant(YEAR, 12, 12) }).thenThrows('forbidden');
  });

  it('the recorded close is what closes self-assessment, even before the date', () => {
    const state = fold(campaignDecider, [launched(), windowRecorded('self-assessment-closed', due['self-assessment-closed'])]);
    expect(evaluationWindows(state, YEAR, DURING).selfAssessment.status).toBe('closed');
    expect(evaluationWindows(campaignState(), YEAR, DURING).selfAssessment.status).toBe('open');
    expect(evaluationWindows(state, YEAR, DURING).appraisal.status).toBe('open');
  });
});
