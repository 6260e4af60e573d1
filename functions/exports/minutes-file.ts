import { titleByCode } from '../../domain/titles';
import type { Outcome } from '../../events/voting';
import type { proposalItem } from '../projections/awards';
import type { DownloadFile } from '../http/types';
import { DOCX_CONTENT_TYPE, bodyText, buildDocx, dataTable, documentHeader, documentTitle, sectionHeading, signatureRow } from './docx-parts';
import { exportFileName, formatAnyVnDate, formatVnPercent, formatVnTime } from './format';
import type { Issuer } from './issuer';

/** The proposal as the JSON record shows it (projections/awards.ts), once closed: with its minutes. */
type ProposalRecord = ReturnType<typeof proposalItem>;
export type ClosedProposal = ProposalRecord & { readonly minutes: NonNullable<ProposalRecord['minutes']> };

export interface MinutesContext {
  readonly campaignTitle: string;
  /** The agency the council serves ("Ban Quản lý Khu kinh tế Phú Quốc"), above the council in the header, and its place. */
  readonly issuer: Issuer;
  /** A member's or a department's name by kind and id; the id where the roster has none. */
  readonly nameOf: (kind: 'department' | 'member', id: string) => string;
  /** The unit a nominee belongs to (a department is its own). */
  readonly unitOf: (kind: 'department' | 'member', id: string) => string;
}

/** The council as agencies name it (Hội đồng Thi đua - Khen thưởng), and its ký hiệu in the minutes' number. */
const COUNCIL = 'Hội đồng Thi đua - Khen thưởng';
const COUNCIL_SIGN = 'HĐTĐKT';

const outcomeLabel = (outcome: Outcome) => {
  if (!outcome.passed) return 'Không đạt';
  return outcome.withinQuota ? 'Đạt' : 'Đạt số phiếu, ngoài chỉ tiêu';
};

/**
 * The council's minutes (biên bản) as .docx, with nothing the JSON minutes do not show: who sat, who was
 * absent with a written opinion, the counts and outcome per nominee, every receipt. Never a ballot's content.
 */
export const minutesDocx = async (proposal: ClosedProposal, context: MinutesContext): Promise<DownloadFile> => {
  const { minutes } = proposal;
  const setAside = minutes.writtenOpinionsSetAside ?? []; // minutes projected before it was kept lack it
  const closedOn = formatAnyVnDate(proposal.updatedAt);
  const closedAt = formatVnTime(new Date(proposal.updatedAt));
  const member = (id: string) => context.nameOf('member', id);
  // The chair is listed first, as minutes customarily do; the others in the council's order.
  const members = [...minutes.members].sort((a, b) => Number(b === minutes.chair) - Number(a === minutes.chair));
  const attendance = (id: string) => {
    if (minutes.present.includes(id)) return 'Có mặt';
    return minutes.absentWithWrittenOpinion.includes(id) ? 'Vắng mặt, có ý kiến bằng văn bản' : 'Vắng mặt';
  };
  const quota = proposal.quota === null ? [] : [bodyText(`Chỉ tiêu khen thưởng của danh sách: ${proposal.quota}.`)];
  const children = [
    documentHeader({
      // The council's governing body is its agency (Decree 30 names the direct one only).
      parentBody: context.issuer.name,
      issuer: COUNCIL,
      number: `…/BB-${COUNCIL_SIGN}`,
      place: context.issuer.place,
      date: new Date(proposal.updatedAt),
    }),
    ...documentTitle('Biên bản', `Họp ${COUNCIL} xét đề nghị khen thưởng năm ${proposal.year}`),
    bodyText(`Thời gian: kết thúc kiểm phiếu lúc ${closedAt}, ngày ${closedOn}.`),
    bodyText(`Địa điểm: trụ sở ${context.issuer.name}, ${context.issuer.place}.`),
    bodyText(`${COUNCIL} họp xét danh sách đề nghị khen thưởng năm ${proposal.year} của ${context.campaignTitle}.`),
    sectionHeading('I. THÀNH PHẦN'),
    bodyText(
      `Tổng số thành viên Hội đồng: ${minutes.members.length}; có mặt: ${minutes.present.length}; vắng mặt có ý kiến bằng văn bản: ${minutes.absentWithWrittenOpinion.length}; vắng mặt: ${minutes.absent.length}.`,
    ),
    ...(minutes.chair ? [bodyText(`Chủ trì: ${member(minutes.chair)}, Chủ tịch Hội đồng.`)] : []),
    ...(setAside.length > 0 ? [bodyText(`Ý kiến bằng văn bản không tính vào kết quả vì thành viên có mặt tại phiên họp: ${setAside.map(member).join(', ')}.`)] : []),
    dataTable(
      [{ header: 'STT', weight: 0.6, align: 'center' }, { header: 'Họ và tên', weight: 3 }, { header: 'Chức danh trong Hội đồng', weight: 2 }, { header: 'Tham dự', weight: 2.4 }],
      members.map((id, index) => [String(index + 1), member(id), id === minutes.chair ? 'Chủ tịch Hội đồng' : 'Thành viên', attendance(id)]),
    ),
    sectionHeading('II. HÌNH THỨC BIỂU QUYẾT'),
    bodyText(
      `Biểu quyết bằng phiếu kín; ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả. Số phiếu thu về: ${proposal.votesReceived}/${proposal.councilSize}. Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng.`,
    ),
    sectionHeading('III. KẾT QUẢ BIỂU QUYẾT'),
    ...quota,
    dataTable(
      [
        { header: 'STT', weight: 0.6, align: 'center' },
        { header: 'Cá nhân / Tập thể', weight: 2.4 },
        { header: 'Đơn vị', weight: 2 },
        { header: 'Danh hiệu, hình thức đề nghị', weight: 2.2 },
        // Figures take no more than their words need: the names get the room.
        { header: 'Đồng ý', weight: 0.5, align: 'right' },
        { header: 'Không đồng ý', weight: 0.5, align: 'right' },
        { header: 'Số phiếu cần đạt', weight: 0.5, align: 'right' },
        { header: 'Tỷ lệ đồng ý', weight: 0.5, align: 'right' },
        { header: 'Kết quả', weight: 1.6 },
      ],
      minutes.outcomes.map((outcome) => {
        const nomination = proposal.nominations[outcome.nomination];
        return [
          String(outcome.nomination + 1),
          context.nameOf(nomination.nomineeKind, nomination.nomineeId),
          context.unitOf(nomination.nomineeKind, nomination.nomineeId),
          titleByCode(nomination.title)?.label ?? nomination.title,
          String(outcome.yes),
          String(outcome.no),
          String(outcome.required),
          formatVnPercent(proposal.councilSize === 0 ? 0 : (outcome.yes * 100) / proposal.councilSize),
          outcomeLabel(outcome),
        ];
      }),
    ),
    sectionHeading('IV. MÃ XÁC NHẬN PHIẾU'),
    bodyText('Mỗi phiếu được cấp một mã xác nhận chỉ người bỏ phiếu biết, để tự kiểm tra phiếu của mình đã được kiểm. Các mã đã kiểm (xếp theo thứ tự chữ cái, không theo thứ tự bỏ phiếu):'),
    bodyText(minutes.receipts.length > 0 ? minutes.receipts.join('; ') : '(không có phiếu kín)'),
    bodyText('Biên bản được lập thành văn bản, thông qua tại cuộc họp./.'),
    signatureRow([
      { position: 'Thư ký', name: '' },
      { position: 'Chủ tịch Hội đồng', name: minutes.chair ? member(minutes.chair) : '' },
    ]),
  ];
  return {
    contentType: DOCX_CONTENT_TYPE,
    fileName: exportFileName(`Biên bản họp Hội đồng thi đua khen thưởng ${proposal.year} - ${proposal.proposalId}`, 'docx'),
    bytes: await buildDocx(children),
  };
};
