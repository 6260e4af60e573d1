import { describe, expect, it } from 'vitest';
import { evaluationDecider } from '../../../domain/evaluation/decider';
import type { DeclaredFile } from '../../../domain/evaluation/evidence';
import { scoredCriteria } from '../../../domain/evaluation/catalogue';
import { archiveEntries } from '../../../functions/evidence/archive';
import type { EvaluationEvent, EvidenceFile, SelfScore } from '../../../events/evaluation';
import { CCHC_2021_2025, actors, campaignState, memberRef } from '../fixtures';
import { spec } from '../specification';
import { CATALOGUE, DURING, SHEET, drafted, evaluationContext, finalized, returned, submitted } from './fixtures';
import type { EvaluationResult } from '../../../events/evaluation';

const evaluation = spec(evaluationDecider);
const MB = 1024 * 1024;
const SHA = 'a'.repeat(64);
const pdf = (overrides: Partial<DeclaredFile> = {}): DeclaredFile => ({ criterion: 'cai-cach-the-che', name: 'Báo cáo CCHC 2025.pdf', contentType: 'application/pdf', size: 2 * MB, sha256: SHA, ...overrides });
const storedAs = (file: DeclaredFile) => ({ size: file.size, contentType: file.contentType, sha256: file.sha256 });
const FILE_ID = '0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21';
const attach = (file = pdf(), stored: ReturnType<typeof storedAs> | null = storedAs(file), fileId = FILE_ID) => ({ type: 'AttachEvidenceFile', fileId, file, stored }) as const;
const recorded = (file = pdf(), fileId = FILE_ID): EvidenceFile => ({ fileId, criterion: file.criterion, name: file.name, size: file.size, contentType: file.contentType, sha256: file.sha256, attachedAt: DURING.toISOString(), attachedBy: memberRef().id });
const attached = (file = pdf(), fileId = FILE_ID): EvaluationEvent => ({ type: 'EvidenceFileAttached', data: { file: recorded(file, fileId) } });

describe('evidence files of a self-assessment', () => {
  it('records a file whose stored object is what was declared, with who and when', () => {
    const state = evaluation.given([drafted(SHEET)]).when(attach(), evaluationContext()).then([attached()]);
    expect(state.files).toEqual([recorded()]);
  });

  it('refuses a file not uploaded, or stored with another size, type or checksum', () => {
    evaluation.given([]).when(attach(pdf(), null), evaluationContext()).thenThrows('evidence-not-uploaded');
    evaluation.given([]).when(attach(pdf(), { size: 1, contentType: 'image/png', sha256: 'b'.repeat(64) }), evaluationContext()).thenThrows('evidence-mismatch', { mismatch: ['size', 'contentType', 'sha256'] });
  });

  it('accepts PDF, images, .docx and .xlsx whose name agrees with the type, and nothing else', () => {
    const plan = (file: DeclaredFile) => ({ type: 'PlanEvidenceUpload', file }) as const;
    evaluation.given([]).when(plan(pdf({ name: 'Ảnh.PNG', contentType: 'image/png' })), evaluationContext()).thenNothing();
    evaluation.given([]).when(plan(pdf({ name: 'Bảng.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })), evaluationContext()).thenNothing();
    evaluation.given([]).when(plan(pdf({ name: 'trang.html', contentType: 'text/html' })), evaluationContext()).thenThrows('evidence-type-not-allowed');
    evaluation.given([]).when(plan(pdf({ name: 'bao-cao.exe' })), evaluationContext()).thenThrows('evidence-type-not-allowed');
    evaluation.given([]).when(plan(pdf({ criterion: 'khong-co' })), evaluationContext()).thenThrows('unknown-criterion');
  });

  it('keeps to the limits: 20 MB a file and 200 MB a sheet by default, or the campaign\'s own', () => {
    const plan = (file: DeclaredFile) => ({ type: 'PlanEvidenceUpload', file }) as const;
    evaluation.given([]).when(plan(pdf({ size: 20 * MB + 1 })), evaluationContext()).thenThrows('evidence-too-large', { maxFileBytes: 20 * MB });
    const nine = Array.from({ length: 10 }, (_, index) => attached(pdf({ size: 20 * MB }), `00000000-0000-4000-8000-00000000000${index}`));
    evaluation.given(nine).when(plan(pdf({ size: 1 })), evaluationContext()).thenThrows('evidence-too-large', { maxSheetBytes: 200 * MB, usedBytes: 200 * MB });
    const generous = campaignState([], { ...CCHC_2021_2025, evidenceLimits: { maxFileBytes: 100 * MB, maxSheetBytes: 1000 * MB } });
    evaluation.given(nine).when(plan(pdf({ size: 100 * MB })), evaluationContext({ campaign: generous })).thenNothing();
  });

  it('removes a file from a draft as an event; a confirmation retried changes nothing', () => {
    evaluation.given([attached()]).when({ type: 'RemoveEvidenceFile', fileId: FILE_ID }, evaluationContext()).then([{ type: 'EvidenceFileRemoved', data: { fileId: FILE_ID } }]);
    evaluation.given([attached()]).when(attach(), evaluationContext()).thenNothing();
    evaluation.given([]).when({ type: 'RemoveEvidenceFile', fileId: FILE_ID }, evaluationContext()).thenThrows('not-found');
  });

  it("freezes a submitted or final sheet's files; a returned sheet's files may be corrected", () => {
    evaluation.given([attached(), submitted()]).when({ type: 'RemoveEvidenceFile', fileId: FILE_ID }, evaluationContext()).thenThrows('already-submitted');
    evaluation.given([submitted()]).when(attach(), evaluationContext()).thenThrows('already-submitted');
    const result: EvaluationResult = { percent: 80, grade: 'hoan-thanh-tot', gradeLabel: 'Hoàn thành tốt nhiệm vụ', total: 72, applicableMax: 90, criteria: [] };
    evaluation.given([submitted(), finalized(result)]).when(attach(), evaluationContext({ actor: actors.office() })).thenThrows('evaluation-finalized');
    evaluation.given([attached(), submitted(), returned()]).when({ type: 'RemoveEvidenceFile', fileId: FILE_ID }, evaluationContext()).then([{ type: 'EvidenceFileRemoved', data: { fileId: FILE_ID } }]);
  });

  it("only whoever acts for the participant attaches: another department's member may not", () => {
    evaluation.given([]).when(attach(), evaluationContext({ actor: actors.member('tran-thi-b', 'phong-khac') })).thenThrows('forbidden');
  });
});

describe('an attached file counts as evidence of its criterion', () => {
  // The first criterion scored with nothing but its file; the rest of the sheet as usual.
  const bare = { criterion: 'cai-cach-the-che', score: 8 } as const;
  const withFileOnly = [bare, ...SHEET.filter((entry) => entry.criterion !== bare.criterion)];
  const save = (submit: boolean, scores = withFileOnly) => ({ type: 'SaveSelfAssessment', scores, submit }) as const;
  const saved = (type: 'SelfAssessmentDrafted' | 'SelfAssessmentSubmitted', scores: readonly SelfScore[]): EvaluationEvent => ({ type, data: { participant: memberRef(), scores: [...scores], catalogue: CATALOGUE } });
  const submittedWith = (scores: readonly SelfScore[] = withFileOnly) => saved('SelfAssessmentSubmitted', scores);
  const draftedWith = (scores: readonly SelfScore[] = withFileOnly) => saved('SelfAssessmentDrafted', scores);

  it('a score with neither a citation nor an explanation is refused, naming its criterion and its place in the request', () => {
    evaluation.given([]).when(save(true), evaluationContext()).thenThrows('evidence-required', {
      missing: ['cai-cach-the-che'],
      errors: [{ path: 'scores.0.explanation', code: 'custom', message: expect.any(String) }],
    });
    evaluation.given([drafted(SHEET)]).when(save(false), evaluationContext()).thenThrows('evidence-required', { missing: ['cai-cach-the-che'] });
  });

  it('with a confirmed file on that criterion, the same score is saved and submitted', () => {
    evaluation.given([attached()]).when(save(false), evaluationContext()).then([draftedWith()]);
    evaluation.given([attached(), draftedWith()]).when(save(true), evaluationContext()).then([submittedWith()]);
  });

  it("a file on another criterion is not this one's evidence", () => {
    evaluation.given([attached(pdf({ criterion: 'tu-kiem-tra-cchc' }))]).when(save(true), evaluationContext()).thenThrows('evidence-required', { missing: ['cai-cach-the-che'] });
  });

  it('removing the last file of the criterion brings the requirement back: the draft can no longer be submitted as it is', () => {
    const second = '1c7a9e2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
    const two = [attached(), attached(pdf({ name: 'Quyết định.pdf' }), second), draftedWith()];
    const removed = (fileId: string): EvaluationEvent => ({ type: 'EvidenceFileRemoved', data: { fileId } });
    evaluation.given([...two, removed(FILE_ID)]).when(save(true), evaluationContext()).then([submittedWith()]);
    evaluation.given([...two, removed(FILE_ID), removed(second)]).when(save(true), evaluationContext()).thenThrows('evidence-required', { missing: ['cai-cach-the-che'] });
    // An explanation instead of the file lets it through again.
    const explained = [{ ...bare, explanation: 'Văn bản đang trình ký' }, ...withFileOnly.slice(1)];
    evaluation.given([...two, removed(FILE_ID), removed(second)]).when(save(true, explained), evaluationContext()).then([submittedWith(explained)]);
  });

  it("a file on a criterion covers its sub-criteria; a sub-criterion's file does not cover its sibling", () => {
    const definition = {
      ...CCHC_2021_2025,
      criteria: CCHC_2021_2025.criteria.map((each) =>
        each.code === 'cai-cach-the-che'
          ? { ...each, subCriteria: [{ code: 'the-che-ban-hanh', label: 'Ban hành văn bản', maxScore: 5 }, { code: 'the-che-kiem-tra', label: 'Kiểm tra văn bản', maxScore: 5 }] }
          : each,
      ),
    };
    const context = evaluationContext({ campaign: campaignState([], definition) });
    const parts = [{ criterion: 'the-che-ban-hanh', score: 4 }, { criterion: 'the-che-kiem-tra', score: 3 }] as const;
    const catalogue = scoredCriteria(definition).map(({ code, maxScore, parent }) => ({ code, maxScore, parent }));
    evaluation.given([attached()]).when(save(false, [...parts]), context).then([{ type: 'SelfAssessmentDrafted', data: { participant: memberRef(), scores: [...parts], catalogue } }]);
    evaluation.given([attached(pdf({ criterion: 'the-che-ban-hanh' }))]).when(save(false, [...parts]), context).thenThrows('evidence-required', { missing: ['the-che-kiem-tra'] });
  });
});

describe('the archive of a department', () => {
  it('puts each file in its criterion\'s folder (the department\'s own, members\' in a folder of their name), names told apart', () => {
    const sheets = [
      { owner: null, files: [recorded(), recorded(pdf(), 'b')], key: (id: string) => `k/${id}` },
      { owner: 'Nguyễn Văn An', files: [recorded(pdf({ criterion: 'tu-kiem-tra-cchc', name: 'Biên bản 1/2025.pdf' }), 'c')], key: (id: string) => `m/${id}` },
    ];
    expect(archiveEntries(CCHC_2021_2025, sheets).map(({ path, key }) => [path, key])).toEqual([
      ['01. Cải cách thể chế/Báo cáo CCHC 2025.pdf', `k/${FILE_ID}`],
      ['01. Cải cách thể chế/Báo cáo CCHC 2025 (2).pdf', 'k/b'],
      ['09. Thực hiện Kế hoạch tự kiểm tra CCHC/Nguyễn Văn An/Biên bản 1-2025.pdf', 'm/c'],
    ]);
  });
});
