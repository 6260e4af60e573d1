/** A member's self-assessment on the plan's criteria, shared by the evaluation and export tests. */
export const evidence = [{ title: 'Báo cáo CCHC năm 2025', ref: 'Số 12/BC-VP' }];

/** 76 points over the 90 that apply (public finance is not applicable): 84.44% provisional. */
export const SELF_SCORES = [
  { criterion: 'cai-cach-the-che', score: 8, evidence },
  { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 12, evidence },
  { criterion: 'cai-cach-to-chuc-bo-may', score: 8, explanation: 'Không có văn bản riêng, lồng ghép trong báo cáo chung' },
  { criterion: 'cai-cach-che-do-cong-vu', score: 9, evidence },
  { criterion: 'cai-cach-tai-chinh-cong', notApplicable: true, reason: 'Phòng không quản lý tài chính' },
  { criterion: 'chinh-quyen-dien-tu-so', score: 13.5, evidence },
  { criterion: 'chi-dao-dieu-hanh', score: 9, evidence },
  { criterion: 'sang-kien-giai-phap', score: 6, evidence },
  { criterion: 'tu-kiem-tra-cchc', score: 5, evidence },
  { criterion: 'tuyen-truyen-dich-vu-cong', score: 5.5, evidence },
];

/** A whole appraisal of a self-assessment (every criterion it scores, at its self-score), but for the scores given. */
export const wholeAppraisal = (selfScores: readonly object[], ...changed: { criterion: string; score: number; comment?: string }[]) => ({
  scores: selfScores.flatMap((entry) => {
    const { criterion, score } = entry as { criterion: string; score?: number };
    return score === undefined ? [] : [changed.find((each) => each.criterion === criterion) ?? { criterion, score }];
  }),
});
