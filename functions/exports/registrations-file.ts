import { titleByCode } from '../../domain/titles';
import { QUOC_HIEU, TIEU_NGU } from './docx-parts';
import type { Issuer } from './issuer';
import type { RegistrationBoard } from '../http/registration-board';
import type { DownloadFile } from '../http/types';
import { exportFileName, formatAnyVnDate } from './format';
import { type Cell, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, addTableSheet, csvBytes, newWorkbook, xlsxBytes } from './xlsx-parts';

type Row = RegistrationBoard['departments'][number] | RegistrationBoard['departments'][number]['members'][number];

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Họ và tên', width: 32 },
  { header: 'Chức vụ', width: 22 },
  { header: 'Danh hiệu thi đua, hình thức khen thưởng đăng ký', width: 44 },
  { header: 'Ngày đăng ký', width: 14 },
  { header: 'Ghi chú', width: 22 },
] as const;

export const REGISTRATION_HEADER = COLUMNS.map((column) => column.header);

const titles = (row: Row) => row.targetTitles.map((code) => titleByCode(code)?.label ?? code).join('; ');

/** Not registered is a line too, so the Office sees at a glance whom to urge (the template lists only pledges). */
const note = (row: Row) => {
  if (row.status === 'none') return 'Chưa đăng ký';
  if (row.status !== 'active') return 'Đã rút đăng ký';
  return row.late ? 'Đăng ký muộn' : '';
};

const line = (number: Cell, name: string, position: string, row: Row): Cell[] => [number, name, position, titles(row), formatAnyVnDate(row.submittedAt ?? undefined), note(row)];

const heading = (year: number) => `DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM ${year}`;
const stem = (board: RegistrationBoard, campaignTitle: string) => `Danh sách đăng ký thi đua ${board.year} - ${campaignTitle}`;

/** Above the list: the issuing body (under its superior one) and the quốc hiệu, as a document filed on paper has. */
const headerLines = (issuer: Issuer) => [...(issuer.parentBody ? [issuer.parentBody.toLocaleUpperCase('vi')] : []), issuer.name.toLocaleUpperCase('vi'), `${QUOC_HIEU} — ${TIEU_NGU}`, ''];

/** Below it: who drew it up and the head of the unit sign (the sheet leaves the room to). */
const SIGNATURES = ['', 'NGƯỜI LẬP                                        THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)                              (Ký, ghi rõ họ tên, đóng dấu)'];

/**
 * The official template: one sheet per department (its collective pledge, then its members numbered), the
 * same rows the board shows the same actor, under the agency's header and over the signature lines.
 */
export const registrationsXlsx = async (board: RegistrationBoard, campaignTitle: string, issuer: Issuer): Promise<DownloadFile> => {
  const workbook = newWorkbook();
  for (const department of board.departments) {
    const registered = department.members.filter((member) => member.registered).length;
    addTableSheet(workbook, {
      name: department.name,
      title: [...headerLines(issuer), heading(board.year), department.name, campaignTitle],
      columns: COLUMNS,
      rows: [
        { section: 'I. Tập thể' },
        line(1, department.name, '', department),
        { section: 'II. Cá nhân' },
        ...department.members.map((member, index) => line(index + 1, member.fullName, member.position ?? '', member)),
      ],
      notes: [`Cá nhân đã đăng ký: ${registered}/${department.members.length}`, ...SIGNATURES],
    });
  }
  // A workbook needs a sheet: an organization with no department visible still gets the empty template.
  if (board.departments.length === 0) addTableSheet(workbook, { name: 'Danh sách', title: [...headerLines(issuer), heading(board.year), campaignTitle], columns: COLUMNS, rows: [], notes: SIGNATURES });
  return { contentType: XLSX_CONTENT_TYPE, fileName: exportFileName(stem(board, campaignTitle), 'xlsx'), bytes: await xlsxBytes(workbook) };
};

/** CSV has no sheets: one table, with the department and whether a row is the collective or a member. */
export const registrationsCsv = (board: RegistrationBoard, campaignTitle: string): DownloadFile => {
  const rows = board.departments.flatMap((department) => [
    [department.name, 'Tập thể', ...line(null, department.name, '', department)],
    ...department.members.map((member, index) => [department.name, 'Cá nhân', ...line(index + 1, member.fullName, member.position ?? '', member)]),
  ]);
  return { contentType: CSV_CONTENT_TYPE, fileName: exportFileName(stem(board, campaignTitle), 'csv'), bytes: csvBytes(['Phòng', 'Đối tượng', ...REGISTRATION_HEADER], rows) };
};
