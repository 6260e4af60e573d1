import { titleByCode } from '../../domain/titles';
import type { DecisionContent } from '../../events/decision';
import type { DownloadFile } from '../http/types';
import { DOCX_CONTENT_TYPE, annexHeader, bodyText, buildDocx, centeredText, dataTable, documentTitle, signatureBlock } from './docx-parts';
import { exportFileName, formatVnIsoDate, formatVnd } from './format';
import type { Issuer } from './issuer';

export interface AnnexContext {
  /** Who issued the decision: the annex, a file of its own, says so above its title. */
  readonly issuer: Issuer;
  readonly nameOf: (kind: 'department' | 'member', id: string) => string;
  readonly departmentName: (departmentId: string) => string;
  /** A decision revoked since still has its annex, marked so nobody pays from it. */
  readonly revoked: { readonly reason: string } | null;
}

/**
 * The annex of an award decision (phụ lục: danh sách khen thưởng kèm theo Quyết định số …): one line per award,
 * with the unit, the title or form, and the reward in đồng (blank where the rules set no amount), then the total.
 */
export const annexDocx = async (decision: DecisionContent, context: AnnexContext): Promise<DownloadFile> => {
  const amounts = decision.awards.flatMap((award) => (award.amount === null ? [] : [award.amount]));
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  const children = [
    annexHeader({ parentBody: context.issuer.parentBody, issuer: context.issuer.name }),
    ...documentTitle('Phụ lục', 'DANH SÁCH KHEN THƯỞNG'),
    // "của" names the issuing authority (the agency of the profile), never the signer: a signer typed as a bare
    // name would read "của Nguyễn Văn X".
    centeredText(`(Kèm theo Quyết định số ${decision.number} ngày ${formatVnIsoDate(decision.date)} của ${context.issuer.name})`, { italics: true }),
    ...(context.revoked ? [centeredText(`QUYẾT ĐỊNH ĐÃ BỊ THU HỒI. Lý do: ${context.revoked.reason}`, { bold: true })] : []),
    bodyText(''),
    dataTable(
      [
        { header: 'STT', weight: 0.6, align: 'center' },
        { header: 'Họ và tên / Tập thể', weight: 3 },
        { header: 'Đơn vị', weight: 2.4 },
        { header: 'Danh hiệu / Hình thức khen thưởng', weight: 2.6 },
        { header: 'Số tiền (đồng)', weight: 1.6, align: 'right' },
      ],
      decision.awards.map((award, index) => [
        String(index + 1),
        context.nameOf(award.recipientKind, award.recipientId),
        context.departmentName(award.departmentId),
        titleByCode(award.title)?.label ?? award.title,
        award.amount === null ? '' : formatVnd(award.amount),
      ]),
      [['', `Tổng cộng: ${decision.awards.length}`, '', '', formatVnd(total)]],
    ),
    bodyText(''),
    // The signer line: the position recorded (none on decisions recorded before it was), then the person's name.
    signatureBlock({ position: decision.signerPosition ?? '', name: decision.signer }),
  ];
  return {
    contentType: DOCX_CONTENT_TYPE,
    fileName: exportFileName(`Phụ lục Quyết định khen thưởng số ${decision.number}`, 'docx'),
    bytes: await buildDocx(children),
  };
};
