import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor';
import { type InitiativeCommand, type InitiativeContext, initiativeDecider } from '../../../domain/initiatives/decider';
import type { InitiativeContent, InitiativeEvent } from '../../../events/initiative';
import { actors, DEPARTMENT, departmentRef, MEMBER, memberRef, nonOfficeActors, OTHER_DEPARTMENT, OTHER_MEMBER } from '../fixtures';
import { spec } from '../specification';

const initiative = spec(initiativeDecider);

const content = (overrides: Partial<InitiativeContent> = {}): InitiativeContent => ({
  title: 'Số hóa hồ sơ đất đai',
  problem: 'Hồ sơ giấy tra cứu chậm',
  solution: 'Quét và lập chỉ mục toàn bộ hồ sơ',
  results: 'Thời gian tra cứu giảm 70%',
  scope: 'Toàn Ban',
  evidence: [],
  ...overrides,
});
const AMENDED = content({ results: 'Thời gian tra cứu giảm 80%' });

const ctx = (actor: Actor = actors.member(MEMBER, DEPARTMENT), author = memberRef()): InitiativeContext => ({ actor, author });
const office = ctx(actors.office());

const submit = (c: InitiativeContent = content()): InitiativeCommand => ({ type: 'SubmitInitiative', content: c });
const sendToReview: InitiativeCommand = { type: 'SendToReview' };
const recognize: InitiativeCommand = { type: 'RecognizeInitiative', decisionNumber: '15/QĐ-BQL', decisionDate: '2025-11-20' };
const reject: InitiativeCommand = { type: 'RejectInitiative', reason: 'Không có tính mới' };
const proposeUpward = (note?: string): InitiativeCommand => (note ? { type: 'ProposeUpward', note } : { type: 'ProposeUpward' });

const submittedBy = (author = memberRef(), c = content()): InitiativeEvent => ({ type: 'InitiativeSubmitted', data: { ...c, author } });
const submitted = submittedBy();
const inReview: InitiativeEvent = { type: 'InitiativeSentToReview', data: {} };
const recognized: InitiativeEvent = { type: 'InitiativeRecognized', data: { decisionNumber: '15/QĐ-BQL', decisionDate: '2025-11-20' } };
const rejected: InitiativeEvent = { type: 'InitiativeRejected', data: { reason: 'Không có tính mới' } };
const proposed: InitiativeEvent = { type: 'InitiativeProposedUpward', data: {} };

describe('initiativeDecider: SubmitInitiative', () => {
  it('a member submits its own initiative, with itself as the author', () => {
    const state = initiative.given([]).when(submit(), ctx()).then([submitted]);
    expect(state).toMatchObject({ status: 'submitted', author: memberRef(), content: content() });
  });

  it('the head submits for a member of its department, and for its department', () => {
    initiative.given([]).when(submit(), ctx(actors.head(DEPARTMENT))).then([submitted]);
    initiative.given([]).when(submit(), ctx(actors.head(DEPARTMENT), departmentRef())).then([submittedBy(departmentRef())]);
  });

  it('the Office submits for anyone', () => {
    initiative.given([]).when(submit(), ctx(actors.office(), memberRef(OTHER_MEMBER, OTHER_DEPARTMENT))).then([submittedBy(memberRef(OTHER_MEMBER, OTHER_DEPARTMENT))]);
    initiative.given([]).when(submit(), ctx(actors.office(), departmentRef(OTHER_DEPARTMENT))).then([submittedBy(departmentRef(OTHER_DEPARTMENT))]);
  });

  it('another member, even of the same department, is forbidden', () => {
    initiative.given([]).when(submit(), ctx(actors.member(OTHER_MEMBER, DEPARTMENT))).thenThrows('forbidden');
  });

  it('a member may not submit for its department', () => {
    initiative.given([]).when(submit(), ctx(actors.member(MEMBER, DEPARTMENT), departmentRef())).thenThrows('forbidden');
  });

  it('the head of another department is forbidden, for a member or a department', () => {
    initiative.given([]).when(submit(), ctx(actors.head(OTHER_DEPARTMENT))).thenThrows('forbidden');
    initiative.given([]).when(submit(), ctx(actors.head(OTHER_DEPARTMENT), departmentRef())).thenThrows('forbidden');
  });

  it.each([['leader', actors.leader()], ['council', actors.council()]] as const)('the %s is forbidden', (_name, actor) => {
    initiative.given([]).when(submit(), ctx(actor)).thenThrows('forbidden');
  });

  it('an author missing from the roster is not found', () => {
    initiative.given([]).when(submit(), { actor: actors.office(), author: null }).thenThrows('not-found');
  });

  it('submitting again while submitted amends the content; the author stays', () => {
    const state = initiative.given([submitted]).when(submit(AMENDED), ctx()).then([{ type: 'InitiativeAmended', data: AMENDED }]);
    expect(state).toMatchObject({ status: 'submitted', author: memberRef(), content: AMENDED });
  });

  it('an amendment is checked against the recorded author, not the context', () => {
    // The context's author is another member, but the stream's author is MEMBER: MEMBER may amend.
    initiative.given([submitted]).when(submit(AMENDED), ctx(actors.member(MEMBER, DEPARTMENT), memberRef(OTHER_MEMBER))).then([{ type: 'InitiativeAmended', data: AMENDED }]);
    initiative.given([submitted]).when(submit(AMENDED), ctx(actors.member(OTHER_MEMBER, DEPARTMENT), memberRef(OTHER_MEMBER))).thenThrows('forbidden');
  });

  it.each([
    ['in review', [submitted, inReview]],
    ['recognized', [submitted, inReview, recognized]],
    ['rejected', [submitted, rejected]],
  ] as const)('amending once %s is an invalid transition', (_name, given) => {
    initiative.given(given).when(submit(AMENDED), ctx()).thenThrows('invalid-transition');
  });
});

describe('initiativeDecider: SendToReview', () => {
  it('the Office sends a submitted initiative to review', () => {
    const state = initiative.given([submitted]).when(sendToReview, office).then([inReview]);
    expect(state.status).toBe('in-review');
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    initiative.given([submitted]).when(sendToReview, ctx(actor)).thenThrows('forbidden');
  });

  it('no initiative is not found', () => {
    initiative.given([]).when(sendToReview, office).thenThrows('not-found');
  });

  it.each([
    ['in review', [submitted, inReview]],
    ['recognized', [submitted, inReview, recognized]],
    ['rejected', [submitted, rejected]],
  ] as const)('from %s is an invalid transition', (_name, given) => {
    initiative.given(given).when(sendToReview, office).thenThrows('invalid-transition');
  });
});

describe('initiativeDecider: RecognizeInitiative', () => {
  it('the Office recognizes an initiative in review, with the decision', () => {
    const state = initiative.given([submitted, inReview]).when(recognize, office).then([recognized]);
    expect(state).toMatchObject({ status: 'recognized', recognition: { decisionNumber: '15/QĐ-BQL', decisionDate: '2025-11-20' } });
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    initiative.given([submitted, inReview]).when(recognize, ctx(actor)).thenThrows('forbidden');
  });

  it('no initiative is not found', () => {
    initiative.given([]).when(recognize, office).thenThrows('not-found');
  });

  it.each([
    ['submitted', [submitted]],
    ['recognized', [submitted, inReview, recognized]],
    ['rejected', [submitted, inReview, rejected]],
  ] as const)('from %s is an invalid transition', (_name, given) => {
    initiative.given(given).when(recognize, office).thenThrows('invalid-transition');
  });
});

describe('initiativeDecider: RejectInitiative', () => {
  it('the Office rejects a submitted initiative, or one in review', () => {
    expect(initiative.given([submitted]).when(reject, office).then([rejected])).toMatchObject({ status: 'rejected', rejection: 'Không có tính mới' });
    initiative.given([submitted, inReview]).when(reject, office).then([rejected]);
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    initiative.given([submitted]).when(reject, ctx(actor)).thenThrows('forbidden');
  });

  it('no initiative is not found', () => {
    initiative.given([]).when(reject, office).thenThrows('not-found');
  });

  it.each([
    ['recognized', [submitted, inReview, recognized]],
    ['recognized and proposed upward', [submitted, inReview, recognized, proposed]],
    ['rejected', [submitted, rejected]],
  ] as const)('once %s is an invalid transition', (_name, given) => {
    initiative.given(given).when(reject, office).thenThrows('invalid-transition');
  });
});

describe('initiativeDecider: ProposeUpward', () => {
  const recognizedHistory = [submitted, inReview, recognized];

  it('the Office proposes a recognized initiative upward, with or without a note', () => {
    expect(initiative.given(recognizedHistory).when(proposeUpward(), office).then([proposed]).proposedUpward).toBe(true);
    initiative.given(recognizedHistory).when(proposeUpward('Đề nghị công nhận cấp tỉnh'), office).then([{ type: 'InitiativeProposedUpward', data: { note: 'Đề nghị công nhận cấp tỉnh' } }]);
  });

  it('proposing twice yields no event', () => {
    initiative.given([...recognizedHistory, proposed]).when(proposeUpward(), office).thenNothing();
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    initiative.given(recognizedHistory).when(proposeUpward(), ctx(actor)).thenThrows('forbidden');
  });

  it('no initiative is not found', () => {
    initiative.given([]).when(proposeUpward(), office).thenThrows('not-found');
  });

  it.each([
    ['submitted', [submitted]],
    ['in review', [submitted, inReview]],
    ['rejected', [submitted, rejected]],
  ] as const)('from %s is an invalid transition', (_name, given) => {
    initiative.given(given).when(proposeUpward(), office).thenThrows('invalid-transition');
  });
});

describe('initiativeDecider: RecognizeProvinceWide (CSTĐ cấp tỉnh: an initiative whose province-wide effect the province recognized, Law 2003 art. 22)', () => {
  const PROVINCE = { decisionNumber: '1020/QĐ-UBND', decisionDate: '2025-12-10' };
  const recognizeProvinceWide: InitiativeCommand = { type: 'RecognizeProvinceWide', ...PROVINCE };
  const provinceWide: InitiativeEvent = { type: 'InitiativeRecognizedProvinceWide', data: PROVINCE };

  it("the Office records the province's decision on an initiative recognized at base level, proposed upward or not", () => {
    const state = initiative.given([submitted, inReview, recognized, proposed]).when(recognizeProvinceWide, office).then([provinceWide]);
    expect(state.provinceWide).toStrictEqual(PROVINCE);
    initiative.given([submitted, inReview, recognized]).when(recognizeProvinceWide, office).then([provinceWide]);
  });

  it('the same decision again changes nothing; another one is recorded', () => {
    initiative.given([submitted, inReview, recognized, provinceWide]).when(recognizeProvinceWide, office).thenNothing();
    initiative.given([submitted, inReview, recognized, provinceWide]).when({ ...recognizeProvinceWide, decisionNumber: '1100/QĐ-UBND' }, office).then([{ ...provinceWide, data: { ...PROVINCE, decisionNumber: '1100/QĐ-UBND' } }]);
  });

  it('an initiative not recognized at base level cannot be recognized province-wide', () => {
    initiative.given([]).when(recognizeProvinceWide, office).thenThrows('not-found');
    initiative.given([submitted, inReview]).when(recognizeProvinceWide, office).thenThrows('invalid-transition');
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    initiative.given([submitted, inReview, recognized]).when(recognizeProvinceWide, ctx(actor)).thenThrows('forbidden');
  });

  it('a research project (kind de-tai) goes the same way: accepted at base level is its recognition (Law 2003 art. 23(2))', () => {
    const research = content({ kind: 'de-tai', title: 'Đề tài: mô hình một cửa số' });
    initiative.given([]).when(submit(research), ctx()).then([submittedBy(memberRef(), research)]);
  });
});
