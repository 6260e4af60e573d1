import { bodyText, buildDocx, closingBlock, dataTable, documentHeader, documentTitle, sectionHeading, type TableColumn } from '../exports/docx-parts';
import { formatVnIsoDate, formatVnNumber, formatVnPercent, formatVnd } from '../exports/format';
import type { Issuer } from '../exports/issuer';
import type { ReportModel } from './report-model';

const KIND = { final: 'tổng kết', preliminary: 'sơ kết' } as const;

const score = (value: number | null) => (value === null ? '-' : formatVnNumber(value, 2));
const percent = (value: number | null) => (value === null ? '-' : formatVnPercent(value, 1));
const share = (part: number, whole: number) => `${formatVnNumber(part)}/${formatVnNumber(whole)}`;

/** A title inside a sentence: "Phong trào thi đua …" → "phong trào thi đua …". */
const inSentence = (title: string) => title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);

/** The years reported, as a sentence says them: "năm 2026" for one, "các năm 2021-2023" (or "từ năm … đến năm …"). */
const yearsPhrase = ({ from, to }: ReportModel, style: 'list' | 'range' | 'period') => {
  if (from === to) return `năm ${from}`;
  return { list: `các năm ${from}-${to}`, range: `từ năm ${from} đến năm ${to}`, period: `giai đoạn ${from}-${to}` }[style];
};

/** The report's title line: "Tổng kết phong trào … giai đoạn 2021-2025", or "Sơ kết … (các năm 2021-2023)", "(năm 2026)". */
export const reportSubject = (model: ReportModel): string => {
  const title = inSentence(model.campaignTitle);
  const kind = KIND[model.kind].charAt(0).toLocaleUpperCase('vi') + KIND[model.kind].slice(1);
  return model.kind === 'final' ? `${kind} ${title}` : `${kind} ${title} (${yearsPhrase(model, 'list')})`;
};

const yearColumns = (model: ReportModel): TableColumn[] => model.years.map((each) => ({ header: `Năm ${each.year}`, align: 'center' }));

const implementation = (model: ReportModel) => [
  sectionHeading('I. KẾT QUẢ TRIỂN KHAI'),
  bodyText('Tỷ lệ tập thể, cá nhân đăng ký thi đua và tham gia tự chấm điểm theo từng năm:'),
  dataTable(
    [
      { header: 'Năm', align: 'center' },
      { header: 'Tập thể đăng ký', align: 'center' },
      { header: 'Tỷ lệ', align: 'right' },
      { header: 'Cá nhân đăng ký', align: 'center' },
      { header: 'Tỷ lệ', align: 'right' },
      { header: 'Đăng ký muộn', align: 'right' },
      { header: 'Tham gia chấm điểm', align: 'center' },
      { header: 'Tỷ lệ', align: 'right' },
    ],
    model.years.map(({ year, registration, evaluation }) => [
      String(year),
      share(registration.departmentsRegistered, registration.departments),
      percent(registration.departmentRate),
      share(registration.membersRegistered, registration.members),
      percent(registration.memberRate),
      formatVnNumber(registration.late),
      share(evaluation.submitted, evaluation.participants),
      percent(evaluation.participationRate),
    ]),
  ),
];

const scoring = (model: ReportModel) => [
  sectionHeading('II. KẾT QUẢ CHẤM ĐIỂM'),
  bodyText('Điểm bình quân của các phòng chuyên môn, đơn vị dẫn đầu và tiến độ chốt kết quả theo từng năm:'),
  dataTable(
    [
      { header: 'Năm', align: 'center' },
      { header: 'Điểm bình quân', align: 'right' },
      { header: 'Đơn vị dẫn đầu', weight: 3 },
      { header: 'Điểm', align: 'right' },
      { header: 'Đã chốt kết quả', align: 'center' },
    ],
    model.years.map(({ year, meanDepartmentScore, topDepartment, evaluation }) => [
      String(year),
      score(meanDepartmentScore),
      topDepartment?.name ?? '-',
      score(topDepartment?.score ?? null),
      share(evaluation.finalized, evaluation.participants),
    ]),
  ),
  bodyText('Điểm (thứ hạng) của từng phòng chuyên môn qua các năm:'),
  dataTable(
    [{ header: 'Phòng chuyên môn', weight: 3 }, ...yearColumns(model)],
    model.departmentsOverYears.map((department) => [
      department.name,
      ...department.byYear.map((cell) => (cell.rank === null ? '-' : `${score(cell.score)} (${cell.rank})`)),
    ]),
  ),
];

const awards = (model: ReportModel) => [
  sectionHeading('III. DANH HIỆU VÀ KHEN THƯỞNG'),
  ...(model.titlesOverYears.length === 0
    ? [bodyText('Chưa có quyết định khen thưởng trong giai đoạn báo cáo.')]
    : [
        dataTable(
          [{ header: 'Danh hiệu, hình thức khen thưởng', weight: 3 }, ...yearColumns(model), { header: 'Tổng cộng', align: 'right' }],
          model.titlesOverYears.map((title) => [title.label, ...title.byYear.map((count) => formatVnNumber(count)), formatVnNumber(title.total)]),
          [
            ['Tổng số lượt', ...model.years.map((each) => formatVnNumber(each.awards.awards)), formatVnNumber(model.years.reduce((sum, each) => sum + each.awards.awards, 0))],
            ['Tiền thưởng (đồng)', ...model.years.map((each) => formatVnd(each.awards.totalAmount)), formatVnd(model.years.reduce((sum, each) => sum + each.awards.totalAmount, 0))],
          ],
        ),
        bodyText('Các quyết định khen thưởng:'),
        dataTable(
          [{ header: 'Năm', align: 'center' }, { header: 'Số quyết định', weight: 2 }, { header: 'Ngày', align: 'center' }, { header: 'Người ký', weight: 2 }, { header: 'Số lượt', align: 'right' }],
          model.years.flatMap(({ year, decisions }) => decisions.map((decision) => [String(year), decision.number, formatVnIsoDate(decision.date), decision.signer, formatVnNumber(decision.awards)])),
        ),
      ]),
];

const initiatives = (model: ReportModel) => {
  const recognized = model.years.flatMap(({ year, initiatives: list }) => list.map((initiative) => ({ year, ...initiative })));
  return [
    sectionHeading('IV. SÁNG KIẾN ĐƯỢC CÔNG NHẬN'),
    recognized.length === 0
      ? bodyText('Không có sáng kiến được công nhận trong giai đoạn báo cáo.')
      : dataTable(
          [
            { header: 'STT', align: 'center' },
            { header: 'Năm', align: 'center' },
            { header: 'Tên sáng kiến', weight: 3 },
            { header: 'Tác giả', weight: 2 },
            { header: 'Đơn vị', weight: 2 },
            { header: 'Quyết định công nhận', weight: 2 },
            { header: 'Đề nghị cấp trên', align: 'center' },
          ],
          recognized.map((initiative, index) => [
            String(index + 1),
            String(initiative.year),
            initiative.title,
            initiative.author,
            initiative.department,
            `${initiative.decisionNumber} ngày ${formatVnIsoDate(initiative.decisionDate)}`,
            initiative.proposedUpward ? 'Có' : '',
          ]),
        ),
  ];
};

const selfInspection = (model: ReportModel) => [
  sectionHeading('V. TỰ KIỂM TRA CẢI CÁCH HÀNH CHÍNH'),
  dataTable(
    [{ header: 'Năm', align: 'center' }, { header: 'Số hạn chế, thiếu sót phát hiện', align: 'right' }, { header: 'Đã khắc phục', align: 'right' }],
    model.findings.byYear.map(({ year, found, closed }) => [String(year), formatVnNumber(found), formatVnNumber(closed)]),
  ),
  ...(model.findings.open.length === 0
    ? [bodyText('Không còn hạn chế, thiếu sót chưa khắc phục.')]
    : [
        bodyText('Các hạn chế, thiếu sót chưa khắc phục:'),
        dataTable(
          [
            { header: 'STT', align: 'center' },
            { header: 'Phòng', weight: 2 },
            { header: 'Ngày phát hiện', align: 'center' },
            { header: 'Lĩnh vực', weight: 2 },
            { header: 'Hạn chế, thiếu sót', weight: 3 },
            { header: 'Biện pháp khắc phục', weight: 3 },
            { header: 'Hạn khắc phục', align: 'center' },
          ],
          model.findings.open.map((finding, index) => [
            String(index + 1),
            finding.department,
            formatVnIsoDate(finding.date),
            finding.area,
            finding.shortcoming,
            finding.correctiveAction,
            `${formatVnIsoDate(finding.dueDate)}${finding.overdue ? ' (quá hạn)' : ''}`,
          ]),
        ),
      ]),
];

/**
 * The customary sections no figure can write: headed, with room, so the Office fills them in instead of retyping
 * the structure.
 */
const forTheOffice = [
  sectionHeading('VI. ĐÁNH GIÁ CHUNG'),
  bodyText('1. Ưu điểm: ……………………………………………………………'),
  bodyText('2. Hạn chế: ……………………………………………………………'),
  bodyText('3. Nguyên nhân: ……………………………………………………………'),
  sectionHeading('VII. PHƯƠNG HƯỚNG, NHIỆM VỤ'),
  bodyText('……………………………………………………………………………………'),
  sectionHeading('VIII. KIẾN NGHỊ, ĐỀ XUẤT'),
  bodyText('……………………………………………………………………………………'),
];

/** The report as a .docx: a Vietnamese administrative report (Decree 30/2020) with a table per section. */
export const renderReport = (model: ReportModel, issuer: Issuer, date: Date): Promise<Uint8Array> =>
  buildDocx([
    documentHeader({ parentBody: issuer.parentBody, issuer: issuer.name, number: `…/BC-${issuer.abbreviation ?? '……'}`, place: issuer.place, date }),
    ...documentTitle('Báo cáo', reportSubject(model)),
    bodyText(`Thực hiện ${inSentence(model.campaignTitle)}, ${issuer.name} báo cáo kết quả ${KIND[model.kind]} ${yearsPhrase(model, 'range')} như sau:`),
    ...implementation(model),
    ...scoring(model),
    ...awards(model),
    ...initiatives(model),
    ...selfInspection(model),
    ...forTheOffice,
    bodyText(`Trên đây là báo cáo ${KIND[model.kind]} phong trào thi đua cải cách hành chính ${yearsPhrase(model, 'period')} của ${issuer.name}./.`),
    closingBlock(['UBND tỉnh', 'Sở Nội vụ'], [{ position: 'Thủ trưởng cơ quan', name: '' }]),
  ]);
