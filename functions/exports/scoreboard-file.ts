import { titleByCode } from '../../domain/titles';
import type { Scoreboard, rankedMembers } from '../http/scoreboard';
import type { DownloadFile } from '../http/types';
import { exportFileName } from './format';
import { type Cell, type SheetColumn, XLSX_CONTENT_TYPE, addTableSheet, newWorkbook, xlsxBytes } from './xlsx-parts';

type MemberLine = ReturnType<typeof rankedMembers>[number];

/** Where a score sheet stands, as the Office says it. */
export const EVALUATION_STATUS_LABELS: Record<string, string> = {
  none: 'Chưa tự chấm điểm',
  draft: 'Đang tự chấm điểm',
  submitted: 'Đã nộp, chờ chốt',
  returned: 'Trả lại để hoàn thiện',
  finalized: 'Đã chốt',
};

const resultLabel = (final: boolean) => (final ? 'Chính thức' : 'Tạm tính');

/** The scoreboard, and the members' lines this actor may read (one table of every visible department). */
export interface ScoreboardExport {
  readonly board: Scoreboard;
  readonly members: readonly { readonly department: string; readonly lines: readonly MemberLine[] }[];
  readonly campaignTitle: string;
}

/**
 * The scoreboard as .xlsx: a sheet of departments ranked (collective score and grade, members' mean, progress,
 * the titles granted, one column per title that occurs) and, when the actor may read members' scores, a sheet of
 * them. Scores are numbers (percent, two decimals at most), so Excel can sort and sum them.
 */
export const scoreboardXlsx = async ({ board, members, campaignTitle }: ScoreboardExport): Promise<DownloadFile> => {
  const workbook = newWorkbook();
  const titles = [...new Set(board.departments.flatMap((row) => Object.keys(row.awards)))].sort();
  const status = board.final ? 'Kết quả chính thức' : 'Kết quả tạm tính (chưa chốt toàn bộ)';
  const columns: SheetColumn[] = [
    { header: 'Xếp hạng', width: 9 },
    { header: 'Phòng', width: 32 },
    { header: 'Điểm tập thể (%)', width: 12, decimals: 2 },
    { header: 'Xếp loại', width: 26 },
    { header: 'Điểm bình quân cá nhân (%)', width: 14, decimals: 2 },
    { header: 'Cá nhân đã chốt', width: 10 },
    { header: 'Cá nhân chưa chốt', width: 10 },
    { header: 'Kết quả', width: 12 },
    ...titles.map((code) => ({ header: titleByCode(code)?.label ?? code, width: 16 })),
  ];
  addTableSheet(workbook, {
    name: 'Bảng xếp hạng',
    title: [`BẢNG XẾP HẠNG THI ĐUA NĂM ${board.year}`, campaignTitle, status],
    columns,
    rows: board.departments.map((row): Cell[] => [
      row.rank,
      row.name,
      row.collectiveScore,
      row.gradeLabel ?? '',
      row.membersMean,
      row.membersEvaluated,
      row.membersPending,
      resultLabel(row.final),
      ...titles.map((code) => row.awards[code] ?? 0),
    ]),
  });
  const memberRows = members.flatMap(({ department, lines }) =>
    lines.map((line): Cell[] => [department, line.rank, line.fullName, line.percent, line.gradeLabel ?? '', line.percent === null ? '' : resultLabel(line.final), EVALUATION_STATUS_LABELS[line.status] ?? line.status]),
  );
  if (memberRows.length > 0) {
    addTableSheet(workbook, {
      name: 'Điểm cá nhân',
      title: [`ĐIỂM THI ĐUA CỦA CÁ NHÂN NĂM ${board.year}`, campaignTitle],
      columns: [
        { header: 'Phòng', width: 28 },
        { header: 'Xếp hạng trong phòng', width: 10 },
        { header: 'Họ và tên', width: 30 },
        { header: 'Điểm (%)', width: 10, decimals: 2 },
        { header: 'Xếp loại', width: 26 },
        { header: 'Kết quả', width: 12 },
        { header: 'Trạng thái', width: 22 },
      ],
      rows: memberRows,
    });
  }
  return { contentType: XLSX_CONTENT_TYPE, fileName: exportFileName(`Bảng xếp hạng thi đua ${board.year} - ${campaignTitle}`, 'xlsx'), bytes: await xlsxBytes(workbook) };
};
