import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { exportFileName } from '../exports/format';
import { XLSX_CONTENT_TYPE, addTableSheet, newWorkbook, xlsxBytes } from '../exports/xlsx-parts';
import { TEMPLATE_HEADER } from '../roster-import/read-roster-file';
import { httpHandler } from './handler';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

const WIDTHS: Record<(typeof TEMPLATE_HEADER)[number], number> = { STT: 6, 'Họ và tên': 32, 'Chức vụ': 22, 'Phòng/Đơn vị': 36, Email: 32, 'Mã': 20 };

/** GET /orgs/{org}/roster-imports/template: the blank staff list the import reads (.xlsx), for the Office to fill in. */
export const route: RouteHandler = async (request) => {
  orgParams.parse(request.params);
  if (!hasRole(request.actor, 'office')) refuse('forbidden', 'only the Office imports the roster');
  const workbook = newWorkbook();
  addTableSheet(workbook, {
    name: 'Danh sách',
    title: ['DANH SÁCH CÔNG CHỨC, NHÂN VIÊN', 'Mã: để trống, hệ thống tự đặt theo họ và tên'],
    columns: TEMPLATE_HEADER.map((header) => ({ header, width: WIDTHS[header] })),
    rows: [],
  });
  return { status: 200, file: { contentType: XLSX_CONTENT_TYPE, fileName: exportFileName('Mẫu danh sách công chức', 'xlsx'), bytes: await xlsxBytes(workbook) } };
};

export const handler = httpHandler(route);
