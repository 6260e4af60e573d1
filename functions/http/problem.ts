import * as z from 'zod';
import { DomainError, type DomainErrorCode } from '../../domain/errors';

/**
 * Errors as application/problem+json (RFC 9457). `code` is stable and what clients switch on; `title` is the
 * Vietnamese sentence a civil servant is shown; `detail` says what exactly was wrong with this request.
 */
export type ProblemCode =
  | DomainErrorCode
  | 'invalid-request'
  | 'unauthorized'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'method-not-allowed'
  | 'minutes-not-ready'
  | 'not-a-spreadsheet'
  | 'spreadsheet-too-large'
  | 'roster-header-missing'
  | 'import-has-refusals'
  | 'temporarily-unavailable'
  | 'internal-error';

/** Exported for the OpenAPI document, which lists the codes each status may carry. */
export const CATALOGUE: Readonly<Record<ProblemCode, { readonly status: number; readonly title: string }>> = {
  'invalid-request': { status: 400, title: 'Dữ liệu gửi lên không hợp lệ' },
  'title-not-allowed': { status: 400, title: 'Danh hiệu không được phép đăng ký' },
  'unknown-criterion': { status: 400, title: 'Tiêu chí không có trong phong trào' },
  'unknown-department': { status: 400, title: 'Phòng chuyên môn không tồn tại' },
  'unknown-member': { status: 400, title: 'Công chức không có trong danh sách của cơ quan' },
  'late-not-applicable': { status: 400, title: 'Còn trong hạn đăng ký, không cần ghi nhận đăng ký muộn' },
  'invalid-campaign': { status: 400, title: 'Phong trào thi đua không hợp lệ' },
  unauthorized: { status: 401, title: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ' },
  forbidden: { status: 403, title: 'Không có quyền thực hiện thao tác này' },
  'not-found': { status: 404, title: 'Không tìm thấy' },
  'method-not-allowed': { status: 405, title: 'Phương thức không được hỗ trợ' },
  'registration-closed': { status: 409, title: 'Đã hết hạn đăng ký thi đua' },
  'registration-not-open': { status: 409, title: 'Chưa mở đăng ký thi đua' },
  'campaign-ended': { status: 409, title: 'Phong trào thi đua đã kết thúc' },
  'version-conflict': { status: 412, title: 'Dữ liệu đã được người khác thay đổi, vui lòng tải lại' },
  'payload-too-large': { status: 413, title: 'Dữ liệu gửi lên quá lớn' },
  'unsupported-media-type': { status: 415, title: 'Chỉ chấp nhận dữ liệu JSON' },
  'idempotency-key-reused': { status: 422, title: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác' },
  'incomplete-self-assessment': { status: 400, title: 'Bản tự chấm điểm chưa đủ các tiêu chí' },
  'nothing-applicable': { status: 400, title: 'Phải có ít nhất một tiêu chí được chấm điểm' },
  'score-out-of-range': { status: 400, title: 'Điểm vượt quá điểm tối đa của tiêu chí' },
  'criterion-not-applicable': { status: 400, title: 'Tiêu chí này đã được tự đánh giá là không áp dụng' },
  'already-submitted': { status: 409, title: 'Bản tự chấm điểm đã được gửi' },
  'not-submitted': { status: 409, title: 'Chưa gửi bản tự chấm điểm' },
  'not-appraised': { status: 409, title: 'Chưa có kết quả thẩm định' },
  'not-finalized': { status: 409, title: 'Kết quả chưa được chốt' },
  'evaluation-finalized': { status: 409, title: 'Kết quả đã được chốt, chỉ có thể điều chỉnh kèm lý do' },
  'evaluation-not-open': { status: 409, title: 'Chưa đến thời gian tự chấm điểm' },
  'evaluation-closed': { status: 409, title: 'Đã hết thời gian tự chấm điểm' },
  'appraisal-closed': { status: 409, title: 'Đã hết thời gian thẩm định' },
  'invalid-transition': { status: 409, title: 'Không thể thực hiện ở trạng thái hiện tại' },
  'title-not-for-recipient': { status: 400, title: 'Danh hiệu không phù hợp với đối tượng được khen thưởng' },
  'decision-revoked': { status: 409, title: 'Quyết định đã bị thu hồi' },
  'already-voted': { status: 409, title: 'Thành viên đã bỏ phiếu' },
  'not-a-council-member': { status: 403, title: 'Không phải thành viên Hội đồng thi đua, khen thưởng' },
  'voting-not-open': { status: 409, title: 'Phiên biểu quyết chưa mở hoặc đã kết thúc' },
  'quota-base-missing': { status: 409, title: 'Chưa có quyết định công nhận danh hiệu làm căn cứ tính tỷ lệ tối đa (ví dụ: Lao động tiên tiến)' },
  'quota-exceeds-cap': { status: 400, title: 'Số lượng đề nghị vượt tỷ lệ tối đa theo quy định' },
  'vote-session-required': { status: 400, title: 'Danh hiệu cần được Hội đồng biểu quyết: quyết định phải ghi phiên họp đã thông qua' },
  'not-passed-by-council': { status: 409, title: 'Hội đồng chưa thông qua đề nghị này; cần ghi căn cứ pháp lý nếu là trường hợp ngoại lệ' },
  'exceeds-quota': { status: 409, title: 'Vượt số lượng Hội đồng thông qua hoặc tỷ lệ tối đa; cần ghi căn cứ pháp lý nếu là trường hợp ngoại lệ' },
  'recipient-not-eligible': { status: 409, title: 'Đối tượng chưa đạt điều kiện, tiêu chuẩn của danh hiệu vào ngày xét; cần ghi căn cứ pháp lý nếu là trường hợp ngoại lệ' },
  'conflict-of-interest': { status: 409, title: 'Xung đột lợi ích: không thể thẩm định hồ sơ của chính mình hoặc của phòng mình' },
  'incomplete-appraisal': { status: 400, title: 'Bản thẩm định chưa chấm đủ các tiêu chí áp dụng' },
  'appraisal-locked': { status: 409, title: 'Đã xem kết quả thẩm định của người khác nên không thể sửa bản thẩm định của mình' },
  'written-opinion-recorded': { status: 409, title: 'Đã ghi nhận ý kiến bằng văn bản của thành viên này' },
  'evidence-type-not-allowed': { status: 400, title: 'Chỉ nhận tệp PDF, ảnh, Word (.docx) hoặc Excel (.xlsx)' },
  'evidence-too-large': { status: 400, title: 'Tệp kiểm chứng vượt quá dung lượng cho phép' },
  'evidence-not-uploaded': { status: 409, title: 'Tệp chưa được tải lên' },
  'evidence-mismatch': { status: 400, title: 'Tệp đã tải lên không khớp với tệp đã khai báo (dung lượng, loại hoặc mã kiểm tra)' },
  'evidence-required': { status: 400, title: 'Tiêu chí được chấm điểm cần tài liệu kiểm chứng (văn bản hoặc tệp đính kèm), hoặc giải trình khi không có' },
  'transfer-needs-date': { status: 409, title: 'Chuyển phòng phải ghi rõ ngày chuyển (dùng chức năng điều chuyển)' },
  'member-left': { status: 409, title: 'Công chức đã nghỉ việc tại cơ quan' },
  'accounts-not-configured': { status: 503, title: 'Chưa cấu hình tài khoản đăng nhập cho hệ thống' },
  'no-account': { status: 403, title: 'Công chức chưa có tài khoản đăng nhập' },
  'account-disabled': { status: 403, title: 'Tài khoản đã bị khóa' },
  'role-not-granted': { status: 403, title: 'Tài khoản không được giao vai trò này' },
  'member-not-left': { status: 409, title: 'Công chức đang công tác, không có gì để ghi nhận trở lại' },
  'not-a-spreadsheet': { status: 400, title: 'Tệp không phải bảng tính .xlsx hoặc .csv' },
  'spreadsheet-too-large': { status: 413, title: 'Bảng tính quá lớn (tối đa 5.000 dòng)' },
  'roster-header-missing': { status: 400, title: 'Không tìm thấy dòng tiêu đề: STT, Họ và tên, Chức vụ, Phòng/Đơn vị, Email, Mã' },
  'import-has-refusals': { status: 422, title: 'Danh sách còn dòng bị từ chối: sửa tệp rồi nhập lại' },
  'minutes-not-ready': { status: 409, title: 'Phiên biểu quyết chưa kết thúc nên chưa có biên bản' },
  'temporarily-unavailable': { status: 503, title: 'Hệ thống đang bận, vui lòng thử lại sau giây lát' },
  'internal-error': { status: 500, title: 'Lỗi hệ thống' },
};

export class HttpProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
  get status() {
    return CATALOGUE[this.code].status;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly [extension: string]: unknown;
}

// The extra members come first: a detail such as `title` (a title code) never replaces the problem's own fields.
export const problemBody = (code: ProblemCode, detail: string, extra: Record<string, unknown> = {}): ProblemBody => ({
  ...extra,
  type: `urn:thidua:problem:${code}`,
  title: CATALOGUE[code].title,
  status: CATALOGUE[code].status,
  code,
  detail,
});

/** DynamoDB saying "too fast": the client should back off and retry, which a 503 with Retry-After tells it. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Any error into a problem. Only an error we did not foresee becomes a 500, and it is logged by the caller. */
export const toProblem = (error: unknown): ProblemBody => {
  if (error instanceof HttpProblem) return problemBody(error.code, error.message, error.extra);
  if (error instanceof DomainError) return problemBody(error.code, error.message, error.details ?? {});
  if (error instanceof z.ZodError) {
    return problemBody('invalid-request', 'the request does not match the schema', {
      errors: error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
    });
  }
  if (THROTTLING.has((error as Error)?.name)) return problemBody('temporarily-unavailable', 'the store is throttling requests: retry shortly with the same Idempotency-Key');
  return problemBody('internal-error', 'an unexpected error occurred; it has been logged');
};
