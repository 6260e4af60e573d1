/**
 * Errors as the API gives them (application/problem+json): a stable `code`, a Vietnamese `title` to show, a
 * `detail`, and for invalid requests the field issues. The console shows the API's own title; it adds Vietnamese
 * words only for what the API cannot say (the network, a route this server does not have yet) and for field issues.
 */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface Problem {
  readonly code: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  readonly [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

export const NETWORK_PROBLEM: Problem = {
  code: 'network',
  title: 'Không kết nối được máy chủ. Dữ liệu của bạn vẫn còn trên màn hình: bấm lại để gửi (yêu cầu được gửi lại đúng một lần).',
  status: 0,
};

const ROUTE_MISSING: Problem = { code: 'route-missing', title: 'Chức năng này chưa có trên máy chủ (phiên bản API hiện tại chưa hỗ trợ).', status: 404 };

/** Vietnamese for the kinds of field issue zod reports; the field itself is shown next to it. */
const ISSUE_WORDS: Record<string, string> = {
  too_small: 'Chưa nhập hoặc quá ngắn / quá nhỏ',
  too_big: 'Quá dài hoặc vượt giá trị tối đa',
  invalid_type: 'Thiếu hoặc sai kiểu dữ liệu',
  invalid_format: 'Sai định dạng',
  invalid_value: 'Giá trị không hợp lệ',
  not_multiple_of: 'Điểm phải chia hết cho 0,25',
  unrecognized_keys: 'Có trường không được phép',
  // The report's years (GET …/reports).
  'out-of-range': 'Năm nằm ngoài giai đoạn của phong trào, hoặc “Từ năm” sau “Đến năm”',
  'future-year': 'Năm này chưa diễn ra: báo cáo chỉ gồm các năm đã qua và năm hiện tại',
};

/** A rule across fields (zod's `custom`) says its reason in English: in Vietnamese here, by the field it names. */
const CUSTOM_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^scores\.\d+\.explanation$/, 'Cần tài liệu kiểm chứng (văn bản hoặc tệp đính kèm), hoặc giải trình khi không có'],
  [/^dueDate$/, 'Hạn khắc phục không được trước ngày kiểm tra'],
];

export const issueText = (issue: FieldIssue) =>
  (issue.code === 'custom' ? CUSTOM_WORDS.find(([path]) => path.test(issue.path))?.[1] : ISSUE_WORDS[issue.code]) ?? 'Giá trị không hợp lệ';


/** A problem from any failed response: the API's own, a gateway's bare 404 for an unknown route, or a generic one. */
export const problemFrom = async (response: Response): Promise<Problem> => {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: a proxy's or gateway's page. The status says enough.
  }
  const unknownRoute = response.status === 404 && (String(body.detail ?? '').startsWith('no route for') || body.message === 'Not Found');
  if (unknownRoute) return ROUTE_MISSING;
  if (typeof body.code === 'string' && typeof body.title === 'string') return body as unknown as Problem;
  return { code: 'http-error', title: `Máy chủ trả lỗi ${response.status}. Vui lòng thử lại sau.`, status: response.status };
};
