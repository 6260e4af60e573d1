import type { ScoredCriterion } from '../../domain/evaluation/catalogue';
import type { EvidenceFile, SelfScore } from '../../events/evaluation';
import type { FindingEvidence } from '../http/evaluation-read';
import type { scoreSheet } from '../http/evaluation-sheet';
import type { DownloadFile } from '../http/types';
import { exportFileName, formatAnyVnDate, formatVnIsoDate, formatVnNumber, formatVnPercent } from './format';
import { EVALUATION_STATUS_LABELS } from './scoreboard-file';
import { type Cell, type SheetColumn, XLSX_CONTENT_TYPE, addTableSheet, newWorkbook, xlsxBytes } from './xlsx-parts';

export interface ScoreSheetExport {
  readonly year: number;
  readonly campaignTitle: string;
  /** "Nguyễn Thị Ánh Tuyết" or the department's name; `department` is the unit it belongs to (itself for a department). */
  readonly participantName: string;
  readonly department: string;
  readonly kind: 'department' | 'member';
  /** What the caller may see of the sheet: exactly the JSON answer's content. */
  readonly sheet: ReturnType<typeof scoreSheet>;
  /** The criteria scored, in order, with their maxima (the sheet's own snapshot once self-assessed) and labels. */
  readonly criteria: readonly ScoredCriterion[];
  readonly nameOf: (memberId: string) => string;
  /** A department's self-inspection findings of the year, as its JSON sheet shows them to this reader. */
  readonly findings: { readonly criterion: string; readonly findings: readonly FindingEvidence[] } | null;
}

const findingLine = (finding: FindingEvidence) =>
  `Tự kiểm tra ngày ${formatVnIsoDate(finding.date)} - ${finding.area}: ${finding.shortcoming}. Khắc phục: ${finding.correctiveAction}, hạn ${formatVnIsoDate(finding.dueDate)}; ` +
  (finding.closedOn ? `đã khắc phục ngày ${formatVnIsoDate(finding.closedOn)}` : 'đang khắc phục');

/** "Tệp: Báo cáo.pdf (1,2 MB, 15/11/2025)": an evidence file by its name, size and the day it was attached. */
const fileLine = (file: EvidenceFile) => {
  const size = file.size >= 1024 * 1024 ? `${formatVnNumber(file.size / (1024 * 1024), 1)} MB` : `${formatVnNumber(Math.max(1, Math.round(file.size / 1024)), 0)} KB`;
  return `Tệp: ${file.name} (${size}, ${formatAnyVnDate(file.attachedAt)})`;
};

const evidenceOf = (entry: SelfScore | undefined) =>
  entry && 'evidence' in entry ? (entry.evidence ?? []).map((each) => `${each.title} (${each.ref})`).join('\n') : '';
const explanationOf = (entry: SelfScore | undefined) => {
  if (!entry) return '';
  return 'notApplicable' in entry ? `Không áp dụng: ${entry.reason}` : (entry.explanation ?? '');
};
const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

/**
 * One participant's score sheet (phiếu chấm điểm) as .xlsx: per criterion its maximum, the self-score, each
 * appraisal the caller may see, the final score, the evidence (references, and the files attached: name, size, date)
 * and the explanation; then the totals, the
 * percentage and the grade. A criterion "not applicable" has no score and no maximum counted.
 */
export const scoreSheetXlsx = async (input: ScoreSheetExport): Promise<DownloadFile> => {
  const { sheet, criteria } = input;
  const self = new Map((sheet.selfAssessment?.scores ?? []).map((entry) => [entry.criterion, entry]));
  const finalScores = new Map((sheet.final?.criteria ?? []).map((each) => [each.criterion, each.score]));
  const applies = (code: string) => {
    const entry = self.get(code);
    return !(entry && 'notApplicable' in entry);
  };
  const selfScore = (code: string): number | null => {
    const entry = self.get(code);
    return entry && 'score' in entry ? entry.score : null;
  };
  // An appraiser who did not score a criterion accepted the self-score: shown as such, as the result counts it.
  const appraised = (scores: (typeof sheet.appraisals)[number]['scores'], code: string) =>
    applies(code) ? (scores.find((each) => each.criterion === code)?.score ?? selfScore(code)) : null;

  const columns: SheetColumn[] = [
    { header: 'STT', width: 6 },
    { header: 'Tiêu chí', width: 48 },
    { header: 'Điểm tối đa', width: 10, decimals: 2 },
    { header: 'Tự chấm', width: 10, decimals: 2 },
    ...sheet.appraisals.map(({ appraiser }) => ({ header: `Thẩm định: ${input.nameOf(appraiser)}`, width: 14, decimals: 2 })),
    { header: 'Điểm chốt', width: 10, decimals: 2 },
    { header: 'Tài liệu kiểm chứng', width: 40 },
    { header: 'Giải trình', width: 36 },
    { header: 'Ý kiến thẩm định', width: 36 },
  ];
  // The findings go with the self-inspection criterion (its first scored line, when it has sub-criteria).
  const findingsRow = input.findings ? criteria.findIndex((criterion) => criterion.parent === input.findings!.criterion) : -1;
  // A file attached to a criterion with sub-criteria goes on its first line, as the findings do.
  const filesOf = (criterion: ScoredCriterion, index: number) =>
    sheet.evidenceFiles.filter((file) => file.criterion === criterion.code || (file.criterion === criterion.parent && criteria.findIndex((each) => each.parent === criterion.parent) === index && criterion.code !== criterion.parent));
  const rows = criteria.map((criterion, index): Cell[] => [
    index + 1,
    criterion.label,
    applies(criterion.code) ? criterion.maxScore : null,
    selfScore(criterion.code),
    ...sheet.appraisals.map(({ scores }) => appraised(scores, criterion.code)),
    finalScores.get(criterion.code) ?? null,
    [evidenceOf(self.get(criterion.code)), ...filesOf(criterion, index).map(fileLine), ...(index === findingsRow ? input.findings!.findings.map(findingLine) : [])].filter(Boolean).join('\n'),
    explanationOf(self.get(criterion.code)),
    sheet.appraisals
      .flatMap(({ appraiser, scores }) => scores.filter((each) => each.criterion === criterion.code && each.comment).map((each) => `${input.nameOf(appraiser)}: ${each.comment}`))
      .join('\n'),
  ]);
  const scored = criteria.filter((criterion) => applies(criterion.code));
  const totals: Cell[] = [
    null,
    'Tổng cộng',
    sum(scored.map((criterion) => criterion.maxScore)),
    sheet.selfAssessment ? sum(scored.map((criterion) => selfScore(criterion.code))) : null,
    ...sheet.appraisals.map(({ scores }) => sum(scored.map((criterion) => appraised(scores, criterion.code)))),
    sheet.final?.total ?? null,
  ];
  const result = sheet.final
    ? [`Kết quả chính thức: ${formatVnNumber(sheet.final.total)}/${formatVnNumber(sheet.final.applicableMax)} điểm, ${formatVnPercent(sheet.final.percent)}`, `Xếp loại: ${sheet.final.gradeLabel}`]
    : sheet.provisional
      ? [`Kết quả tạm tính: ${formatVnPercent(sheet.provisional.percent)} (chưa chốt)`]
      : [];
  const workbook = newWorkbook();
  addTableSheet(workbook, {
    name: 'Phiếu chấm điểm',
    title: [
      `PHIẾU CHẤM ĐIỂM THI ĐUA NĂM ${input.year}`,
      input.kind === 'member' ? `Cá nhân: ${input.participantName} - ${input.department}` : `Tập thể: ${input.participantName}`,
      input.campaignTitle,
      `Trạng thái: ${EVALUATION_STATUS_LABELS[sheet.status] ?? sheet.status}`,
    ],
    columns,
    rows: [...rows, totals],
    notes: result,
  });
  return { contentType: XLSX_CONTENT_TYPE, fileName: exportFileName(`Phiếu chấm điểm ${input.year} - ${input.participantName}`, 'xlsx'), bytes: await xlsxBytes(workbook) };
};
