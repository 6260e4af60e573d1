import * as fc from 'fast-check';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { AGGREGATE_TYPES } from '../../events/envelope';
import type { RouteSpec } from '../../infra/routes';
import { type RawRequest, latin1OfUtf8 } from '../support/raw-http';
import { CAMPAIGN, ORG, departmentPledge, memberPledge } from '../support/runtime';

/**
 * Generators of hostile HTTP requests for any route of the table. Bodies are built as a small JSON syntax tree, not
 * as JS values, so that the fuzzer can write what JSON.stringify cannot: `__proto__` as an own key, duplicate
 * keys, lone surrogates in escapes, 1e309, -0, 5,000 levels of nesting, numbers beyond double precision.
 */

// ---------------------------------------------------------------------------------------------------------------
// JSON syntax tree and its serializer
// ---------------------------------------------------------------------------------------------------------------

export type Json =
  | { readonly t: 'raw'; readonly text: string }
  | { readonly t: 'arr'; readonly items: Json[] }
  | { readonly t: 'obj'; readonly entries: [string, Json][] }
  | { readonly t: 'val'; readonly v: string | number | boolean | null };

const raw = (text: string): Json => ({ t: 'raw', text });
const val = (v: string | number | boolean | null): Json => ({ t: 'val', v });

/** A JS value (from JSON) as a tree: a fresh copy every time, so mutations never touch the original. */
export const toJson = (value: unknown): Json => {
  if (Array.isArray(value)) return { t: 'arr', items: value.map(toJson) };
  if (value !== null && typeof value === 'object') return { t: 'obj', entries: Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJson(v)]) };
  return val(value as string | number | boolean | null);
};

/** Iterative (a 30,000-level tree must not overflow the test's own stack). */
export const serialize = (root: Json): string => {
  const out: string[] = [];
  const stack: (Json | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    switch (node.t) {
      case 'raw':
        out.push(node.text);
        break;
      case 'val':
        // JSON.stringify writes lone surrogates as \udXXX escapes (well-formed JSON.stringify).
        out.push(typeof node.v === 'number' && !Number.isFinite(node.v) ? 'null' : JSON.stringify(node.v));
        break;
      case 'arr': {
        const parts: (Json | string)[] = ['['];
        node.items.forEach((item, index) => parts.push(...(index > 0 ? [','] : []), item));
        parts.push(']');
        for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
        break;
      }
      case 'obj': {
        const parts: (Json | string)[] = ['{'];
        node.entries.forEach(([key, value], index) => parts.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`, value));
        parts.push('}');
        for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
        break;
      }
    }
  }
  return out.join('');
};

// ---------------------------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------------------------

/** Keys an attacker would try to reach a prototype with (the markers they plant are in test/support/pollution.ts). */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const NFC_NAMES = ['Nguyễn Văn A', 'Phòng Tư pháp', 'Trần Thị Bích', 'Ban Quản lý Khu kinh tế Phú Quốc', 'Đặng Thị Ánh Tuyết'];
const vietnamese = fc.constantFrom(...NFC_NAMES.flatMap((name) => [name, name.normalize('NFD'), ` ${name.normalize('NFD')} `, name.normalize('NFKD')]));

/** Values that are codes somewhere in the system, or look like one: they get past more of the validation. */
const knownCodes = fc.constantFrom(
  'lao-dong-tien-tien',
  'chien-si-thi-dua-co-so',
  'tap-the-lao-dong-tien-tien',
  'giay-khen',
  'anh-hung-lao-dong',
  'cai-cach-thu-tuc-hanh-chinh',
  CAMPAIGN,
  'cchc-2026-2030',
  'member',
  'department',
  'office',
  'phong-a',
  'vien-a',
  'constructor',
  'prototype',
  '__proto__',
  'tostring',
  'hasOwnProperty',
  'valueOf',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '2021-02-30',
  '2021-01-01',
  '2025-12-30',
  '0000-01-01',
  '0099-12-31',
  '9999-12-31',
  'x@y.vn',
  'a@b',
  '',
  ' ',
  '\u200b',
  '\u0000',
  'test-org#member#vien-a',
  'a:b:c:d',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  '\u202eevil',
  '\u2066Nguyễn\u2069',
  '\u00ad\u2060\ufeff',
  '=HYPERLINK("http://x.example","y")',
  '@SUM(A1:A9)',
  '🇻🇳🧧',
);

const unicodeString = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }));

/** Up to about 100 KB of text (more than the 64 KB limit once written as JSON). */
const hugeString = fc
  .record({ unit: fc.constantFrom('x', 'ễ', 'Nguyễn ', 'e\u0301', '🧧', '\\', '"'), length: fc.integer({ min: 1_000, max: 100_000 }) })
  .map(({ unit, length }) => unit.repeat(Math.max(1, Math.floor(length / unit.length))));

/** Escapes JSON.parse accepts but that do not make well-formed Unicode. */
const loneSurrogates = fc.constantFrom('"\\ud800"', '"\\udfff"', '"Nguy\\ud800n"', '"\\udc00\\ud800"', '"a\\ud83d"', '"\\ud83d\\ude00"', '"\\u0000"', '"\\uFFFF"', '"\\uFEFF"');

/** Numbers as JSON text: beyond double range (1e309 → Infinity), -0, below DynamoDB's range, beyond 38 digits. */
const rawNumbers = fc.constantFrom('1e309', '-1e309', '-0', '-0.0', '0e0', '1e-400', '1e-200', '5e-324', '1e-131', '1e126', '9.9e125', '1E+2', '123456789012345678901234567890123456789012', '0.1234567890123456789012345678901234567890123', '2021.0', '2e3', '9007199254740993', '1.7976931348623157e308');
const numbers = fc.oneof(fc.constantFrom(0, -1, 1, 0.25, 0.3, 1.5, 100, 100.25, 1000, 1001, 2021, 2100, 13, 31, 32, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 1e-200), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

/** Nesting deep enough to break a recursive parser, validator or serializer (up to 30,000 levels: 60 KB). */
const deepNesting = fc
  .record({ depth: fc.constantFrom(100, 1_000, 5_000, 5_000, 20_000, 30_000), kind: fc.constantFrom('array', 'object', 'mixed') })
  .map(({ depth, kind }) => {
    if (kind === 'array') return raw('['.repeat(depth) + ']'.repeat(depth));
    if (kind === 'object') return raw('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    return raw('[{"text":'.repeat(depth) + '"x"' + '}]'.repeat(depth));
  });

/** Objects that try to reach a prototype when merged or assigned carelessly. */
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"isAdmin":true,"roles":["office"]}}',
  '{"prototype":{"fuzzPolluted":1}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"__proto__":{"__proto__":{"fuzzPolluted":1}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
).map(raw);

export const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', 'isAdmin', 'late', 'participantKind', 'targetTitles', 'commitments', 'template', 'title', 'name', 'fullName', 'departmentId', 'pk', 'sk', 'version', 'meta', '', ' ', 'tên', '\u0000', 'a'.repeat(1000)) },
  { weight: 1, arbitrary: unicodeString },
);

export const hostileValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.oneof(knownCodes, vietnamese, unicodeString).map(val) },
    { weight: 2, arbitrary: numbers.map(val) },
    { weight: 2, arbitrary: rawNumbers.map(raw) },
    { weight: 1, arbitrary: fc.constantFrom<string | number | boolean | null>(null, true, false).map(val) },
    { weight: 1, arbitrary: loneSurrogates.map(raw) },
    { weight: 1, arbitrary: hugeString.map(val) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 2, arbitrary: pollution },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items): Json => ({ t: 'arr', items })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries): Json => ({ t: 'obj', entries })) },
  ),
})).value;

// ---------------------------------------------------------------------------------------------------------------
// Bodies: valid ones per route, mutated; hostile values alone; text that is not JSON; bytes that are not UTF-8
// ---------------------------------------------------------------------------------------------------------------

const fullDefinition = {
  ...CAMPAIGN_TEMPLATES[CAMPAIGN],
  gradeBands: [
    { code: 'xuat-sac', label: 'Xuất sắc', atLeast: 90 },
    { code: 'tot', label: 'Tốt', above: 70 },
  ],
  evaluationCalendar: { selfAssessmentOpens: { month: 11, day: 1 }, selfAssessmentCloses: { month: 11, day: 30 }, appraisalCloses: { month: 12, day: 15 } },
};

/** A small but complete definition: few leaves, so a mutation lands on each field often. */
const smallDefinition = {
  title: 'Thi đua nhỏ',
  period: { start: '2021-01-01', end: '2022-12-31' },
  registrationDeadline: { month: 3, day: 30 },
  criteria: [{ code: 'tieu-chi-a', label: 'Tiêu chí A', maxScore: 10 }],
  allowedTitles: ['lao-dong-tien-tien'],
  gradeBands: [{ code: 'tot', label: 'Tốt', above: 50 }],
};

const EVIDENCE_FILE = { participantKind: 'member', criterion: 'cai-cach-the-che', fileName: 'Báo cáo kết quả.pdf', contentType: 'application/pdf', size: 48213, sha256: 'ab'.repeat(32) };

/** Bodies the route accepts, by route key; then by method and last path segment (routes whose path may still move). */
export const VALID_BODIES: Record<string, readonly unknown[]> = {
  'PUT /orgs/{org}/profile': [
    { name: 'Ban Quản lý Khu kinh tế Phú Quốc'.normalize('NFD'), parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' },
    { name: 'Ủy ban nhân dân tỉnh An Giang', place: 'An Giang', abbreviation: 'UBND' },
  ],
  'PUT /orgs/{org}/departments/{departmentId}': [{ name: 'Phòng A' }, { name: 'Phòng Tư pháp'.normalize('NFD') }],
  'PUT /orgs/{org}/members/{memberId}': [
    { fullName: 'Nguyễn Văn A', departmentId: 'phong-a' },
    { fullName: 'Trần Thị B'.normalize('NFD'), departmentId: 'phong-b', position: 'Chuyên viên', email: 'b@phuquoc.gov.vn' },
  ],
  'POST /orgs/{org}/roster-imports/preview': [{ content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxOZ3V54buFbiBWxINuIEEsLFBow7JuZyBBLAo=' }, { fileName: 'ds.csv', content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxOZ3V54buFbiBWxINuIEEsLFBow7JuZyBBLAo=', effectiveOn: '2021-07-01' }],
  'POST /orgs/{org}/roster-imports/apply': [{ content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxOZ3V54buFbiBWxINuIEEsLFBow7JuZyBBLAo=' }],
  'POST /orgs/{org}/members/{memberId}/transfer': [{ departmentId: 'phong-b', on: '2021-07-01' }, { departmentId: 'phong-a', on: '2022-01-01', position: 'Phó Trưởng phòng'.normalize('NFD') }],
  'POST /orgs/{org}/members/{memberId}/leave': [{ on: '2021-10-01', reason: 'Nghỉ hưu' }],
  'POST /orgs/{org}/members/{memberId}/return': [{ departmentId: 'phong-a', on: '2022-02-01' }],
  'PUT /orgs/{org}/members/{memberId}/roles': [{ roles: ['head'] }, { roles: ['council', 'leader', 'office'] }, { roles: [] }],
  'PUT /orgs/{org}/campaigns/{campaignId}': [{ template: CAMPAIGN }, { template: 'cchc-2026-2030' }, smallDefinition, fullDefinition],
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': [memberPledge(), departmentPledge(), { ...memberPledge(), late: { reason: 'Ốm' } }],
  'PUT /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': [memberPledge(['chien-si-thi-dua-co-so']), departmentPledge()],
  'PUT self-assessment': [
    { participantKind: 'member', submit: false, scores: [{ criterion: 'cai-cach-the-che', score: 8.5, explanation: 'Đã thực hiện' }] },
    { participantKind: 'department', submit: true, scores: [{ criterion: 'cai-cach-the-che', score: 9, evidence: [{ title: 'Báo cáo', ref: 'so-12/BC' }] }, { criterion: 'tu-kiem-tra-cchc', notApplicable: true, reason: 'Không có' }] },
  ],
  'POST return': [{ reason: 'Thiếu minh chứng' }],
  'PUT appraisers': [{ appraisers: ['vien-b', 'truong-a'] }],
  'PUT appraisal': [{ scores: [{ criterion: 'cai-cach-the-che', score: 7.75, comment: 'Đạt' }] }],
  'POST finalize': [{}],
  'POST correct': [{ reason: 'Sai sót', scores: [{ criterion: 'cai-cach-the-che', score: 6 }] }],
  // Initiatives, discipline, the council, proposals and votes, decisions (the shapes their routes parse today).
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/initiatives/{initiativeId}': [
    { authorKind: 'member', authorId: 'vien-a', title: 'Số hóa hồ sơ một cửa', problem: 'Hồ sơ giấy chậm', solution: 'Quét và lưu trữ điện tử', results: 'Giảm 30% thời gian', scope: 'Văn phòng', evidence: [] },
  ],
  'POST review': [{}],
  'POST recognize': [{ decisionNumber: '12/QĐ-BQL', decisionDate: '2021-10-01' }],
  'POST reject': [{ reason: 'Chưa đủ điều kiện' }],
  'POST propose-upward': [{ note: 'Đề nghị cấp tỉnh' }, {}],
  'POST recognize-province-wide': [{ decisionNumber: '90/QĐ-UBND', decisionDate: '2021-12-01' }],
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/discipline/{memberId}': [{ level: 'khien-trach', reason: 'Vi phạm' }, { level: null, reason: 'Hết thời hạn' }],
  'PUT /orgs/{org}/decisions/{decisionId}': [
    { campaignId: CAMPAIGN, year: 2021, number: '15/QĐ-BQL', date: '2021-12-20', signer: 'Trưởng ban', awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' }] },
    // Recorded whatever the recipient's eligibility, so the revocation after it meets a decision.
    { campaignId: CAMPAIGN, year: 2021, number: '16/QĐ-BQL', date: '2021-12-20', signer: 'Trưởng ban', legalBasis: 'Công văn số 8/SNV-TĐKT', awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' }] },
  ],
  'POST revoke': [{ reason: 'Sai đối tượng' }],
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/council': [{ members: [{ memberId: 'truong-a', chair: true }, { memberId: 'vien-b' }] }],
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals/{proposalId}': [
    { nominations: [{ nomineeKind: 'member', nomineeId: 'vien-a', title: 'lao-dong-tien-tien', basis: 'Hoàn thành xuất sắc' }], quota: 1 },
  ],
  'POST open': [{}],
  'POST ballot': [{ votes: [{ nomination: 0, approve: true }] }],
  'POST written-opinion': [{ memberId: 'vien-b', votes: [{ nomination: 0, approve: false }] }],
  'POST close': [{ present: ['truong-a', 'vien-b'] }],
  // Reminders and self-inspection findings.
  'POST /orgs/{org}/campaigns/{campaignId}/cycles/{year}/reminders': [{ deadline: 'registration' }, { deadline: 'self-assessment', participantIds: ['vien-a', 'phong-a'] }, { deadline: 'appraisal' }],
  'PUT /orgs/{org}/departments/{departmentId}/findings/{findingId}': [
    { date: '2021-01-20', area: 'Cải cách thủ tục hành chính'.normalize('NFD'), shortcoming: 'Hồ sơ trễ hạn', correctiveAction: 'Xin lỗi, sửa quy trình', dueDate: '2021-03-01' },
  ],
  'POST /orgs/{org}/departments/{departmentId}/findings/{findingId}/close': [{ closedOn: '2021-02-01', note: 'Đã khắc phục' }],
  // Evidence files: a declaration, and its confirmation (nothing is uploaded, so a valid one is 409 evidence-not-uploaded).
  'POST evidence-uploads': [EVIDENCE_FILE, { ...EVIDENCE_FILE, participantKind: 'department', contentType: 'image/png', fileName: 'Ảnh chụp.png'.normalize('NFD') }],
  'POST evidence-files': [{ ...EVIDENCE_FILE, fileId: '0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21' }],
};
const ALL_BODIES = Object.values(VALID_BODIES).flat();

export const validBodiesFor = (route: RouteSpec): readonly unknown[] =>
  VALID_BODIES[`${route.method} ${route.path}`] ?? VALID_BODIES[`${route.method} ${route.path.slice(route.path.lastIndexOf('/') + 1)}`] ?? ALL_BODIES;

type Mutation = { readonly at: number; readonly op: 'replace' | 'delete' | 'add' | 'duplicate'; readonly key: string; readonly value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'replace', 'delete', 'add', 'duplicate'), key: hostileKey, value: hostileValue });

/** Every node of the tree with the slot that holds it (the root has none). */
const slots = (root: Json) => {
  const found: { node: Json; parent?: Json; index?: number }[] = [{ node: root }];
  for (let i = 0; i < found.length; i++) {
    const { node } = found[i];
    if (node.t === 'arr') node.items.forEach((item, index) => found.push({ node: item, parent: node, index }));
    if (node.t === 'obj') node.entries.forEach(([, value], index) => found.push({ node: value, parent: node, index }));
  }
  return found;
};

export const mutate = (base: unknown, mutations: readonly Mutation[]): Json => {
  let root = toJson(base);
  for (const { at, op, key, value } of mutations) {
    const all = slots(root);
    const { node, parent, index } = all[at % all.length];
    const put = (replacement: Json) => {
      if (!parent) root = replacement;
      else if (parent.t === 'arr') parent.items[index!] = replacement;
      else if (parent.t === 'obj') parent.entries[index!][1] = replacement;
    };
    if (op === 'replace') put(value);
    else if (op === 'delete') {
      if (parent?.t === 'arr') parent.items.splice(index!, 1);
      else if (parent?.t === 'obj') parent.entries.splice(index!, 1);
    } else if (op === 'add') {
      if (node.t === 'obj') node.entries.push([key, value]);
      else if (node.t === 'arr') node.items.push(value);
      else put(value);
    } else if (node.t === 'obj') {
      // A duplicate key: JSON.parse keeps the last one.
      const existing = node.entries[at % Math.max(1, node.entries.length)]?.[0] ?? key;
      node.entries.push([existing, value]);
    } else put(value);
  }
  return root;
};

const notJson = fc.constantFrom('{', 'null', '""', '[]', '0', 'true', '\ufeff{}', '{"name":"A",}', "{'name':'A'}", 'NaN', 'Infinity', '[1,2', 'name=Ph%C3%B2ng', '{"name":"A"}{"name":"B"}', '{"name":"A"} trailing', '\u0000', ' '.repeat(100));

/** The body as bytes on the wire, and a label saying how it was made (for the report of a failure). */
export type Body = { readonly kind: string; readonly bytes: string | Buffer } | undefined;

/**
 * A compact list of the values most likely to break a handler, for substituting into one field of a valid body
 * (everything else valid): property names of Object.prototype, numbers DynamoDB or JSON cannot hold, text that is
 * not well-formed, and shapes of the wrong kind.
 */
const DANGEROUS: readonly Json[] = [
  ...['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'tostring', ''].map(val),
  ...['1e309', '-1e309', '-0', '1e-200', '5e-324', '1e-131', '1e126', '123456789012345678901234567890123456789012', '9007199254740993'].map(raw),
  ...['"\\ud800"', '"Nguy\\udfffn"', '"\\u0000"'].map(raw),
  val(null),
  val(true),
  val(0),
  val(-1),
  val(' '),
  val('Nguyễn Văn A'.normalize('NFD')),
  val('x'.repeat(70_000)),
  raw('['.repeat(5_000) + ']'.repeat(5_000)),
  raw('{"__proto__":{"polluted":"yes"}}'),
  raw('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  { t: 'arr', items: [] },
  { t: 'obj', entries: [] },
];

/** A valid body with one field (any node, the root included) replaced by a dangerous value. */
const substituted = (bases: readonly unknown[]): fc.Arbitrary<Body> =>
  fc.tuple(fc.constantFrom(...bases), fc.nat(), fc.constantFrom(...DANGEROUS)).map(([base, at, value]): Body => {
    // A leaf more often than a container: leaves are where the values are checked.
    const all = slots(toJson(base));
    const leaves = all.filter(({ node }) => node.t === 'val');
    const pool = leaves.length > 0 && at % 4 !== 0 ? leaves : all;
    return { kind: 'substituted', bytes: serialize(mutate(base, [{ at: all.indexOf(pool[at % pool.length]), op: 'replace', key: '', value }])) };
  });

export const bodyFor = (route: RouteSpec): fc.Arbitrary<Body> => {
  const valid = validBodiesFor(route);
  const base = fc.constantFrom(...valid);
  return fc.oneof(
    { weight: 4, arbitrary: substituted(valid) },
    { weight: 4, arbitrary: fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([body, mutations]): Body => ({ kind: 'mutated', bytes: serialize(mutate(body, mutations)) })) },
    { weight: 2, arbitrary: base.map((body): Body => ({ kind: 'valid', bytes: JSON.stringify(body) })) },
    { weight: 2, arbitrary: hostileValue.map((value): Body => ({ kind: 'hostile', bytes: serialize(value) })) },
    { weight: 1, arbitrary: fc.oneof(notJson, fc.string({ maxLength: 50 })).map((text): Body => ({ kind: 'not-json', bytes: text })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes): Body => ({ kind: 'bytes', bytes: Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')]) })) },
    { weight: 1, arbitrary: fc.constant<Body>(undefined) },
  );
};

// ---------------------------------------------------------------------------------------------------------------
// Path values, query strings, methods
// ---------------------------------------------------------------------------------------------------------------

/** Values that name something that exists (or nearly): most requests should get past the path checks. */
const GOOD_PARAMS: Record<string, readonly string[]> = {
  org: [ORG, ORG, ORG, 'other-org'],
  campaignId: [CAMPAIGN, CAMPAIGN, 'cchc-2026-2030', 'fuzz-campaign'],
  year: ['2021', '2021', '2022', '2025', '2026'],
  departmentId: ['phong-a', 'phong-b', 'phong-fuzz'],
  memberId: ['vien-a', 'truong-a', 'vien-b', 'vien-fuzz'],
  participantId: ['vien-a', 'truong-a', 'vien-b', 'phong-a', 'phong-b'],
  aggregateType: [...AGGREGATE_TYPES],
  aggregateId: [ORG, 'phong-a', 'vien-a', CAMPAIGN, `${CAMPAIGN}:2021:member:vien-a`, `${CAMPAIGN}:campaign:member:vien-a`, `${CAMPAIGN}:2021:department:phong-a`, 'x:y', ':::'],
  recipientKind: ['member', 'department'],
  recipientId: ['vien-a', 'phong-a'],
  initiativeId: ['sang-kien-1', 'sang-kien-2'],
  proposalId: ['de-nghi-1', 'de-nghi-2'],
  decisionId: ['qd-15', 'qd-16'],
  findingId: ['kt-1', 'kt-2'],
  fileId: ['0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21', '00000000-0000-4000-8000-000000000000', 'not-a-uuid'],
};
const ANY_SLUG = ['phong-a', 'vien-a', CAMPAIGN, '2021', 'x'];

/** Path segments as they go on the wire (already encoded, or deliberately not). */
const hostileSegment = fc.oneof(
  fc.constantFrom(
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%ED%A0%80', // an encoded lone surrogate: decodeURIComponent throws
    '%C0%AF',
    '%FF',
    '%00',
    '%2F',
    '%2e%2e',
    '..',
    '.',
    '#',
    '%23',
    ':',
    '%3A',
    'a:b',
    'vien-a#x',
    'VIEN-A',
    'vien-a%20',
    '%20vien-a',
    'vien_a',
    '-vien-a',
    'vien-a-',
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'tostring',
    '2021.5',
    '2021.0',
    '0x7e5',
    '1e3',
    '-2021',
    '+2021',
    '1999',
    '2101',
    '99999999999999999999',
    'NaN',
    'Infinity',
    'pledge',
    'evaluation',
    encodeURIComponent('Nguyễn Văn A'),
    encodeURIComponent('Nguyễn Văn A'.normalize('NFD')),
    '%F0%9F%A7%A7',
    'a'.repeat(64),
    'a'.repeat(65),
    `${CAMPAIGN}:2021:member:${'a'.repeat(200)}`,
  ),
  fc.integer({ min: 65, max: 4_000 }).map((length) => 'a'.repeat(length)),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponentSafe),
  fc.string({ maxLength: 12 }).map((text) => text.replace(/[^\x21-\x7e]/g, '').replace(/[/?]/g, '')),
);

function encodeURIComponentSafe(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: write its code units as percent-encoded UTF-8 (CESU), which a decoder must refuse.
    return [...text].map((ch) => (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

const QUERIES = [
  '',
  '',
  '',
  '?participantKind=member',
  '?participantKind=department',
  '?participantKind=',
  '?participantKind=xyz',
  '?participantKind=member&participantKind=department',
  '?participantKind[]=member',
  '?__proto__=x',
  '?__proto__[polluted]=yes',
  '?constructor[prototype][polluted]=yes',
  '?%',
  '?participantKind=%ZZ',
  '?participantKind=%ED%A0%80',
  `?x=${'y'.repeat(2_000)}`,
  '?',
  '?&&&=',
  '?participantKind=MEMBER',
  // The cursors and pages of the paged reads (issue 17): the awards list and a decision's pages, the reminders, a history.
  '?page=-1',
  '?page=1e400',
  '?decisionId=qd-15-2021&page=99999',
  '?afterDecision=%00',
  '?afterVersion=0',
  '?afterVersion=abc',
  '?afterPage=registration:2021-03-23:1',
  '?afterPage=registration:2021-03-23:00001',
];

const SUFFIXES = ['', '', '', '', '', '', '/', '//', '#fragment', '/..', '/%2e%2e', '%20', '/extra', ';x=1'];

const paramNames = (route: RouteSpec) => [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
const fill = (route: RouteSpec, params: Record<string, string>) => route.path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name]);

/** Path values that name existing records of the organization the tokens are for (no other org, no garbage). */
export const goodPathFor = (route: RouteSpec): fc.Arbitrary<string> => {
  const names = paramNames(route);
  const values = names.map((name) => fc.constantFrom(...(GOOD_PARAMS[name] ?? ANY_SLUG).filter((value) => value !== 'other-org')));
  return fc.tuple(...values).map((chosen) => fill(route, Object.fromEntries(names.map((name, index) => [name, chosen[index]]))));
};

export const pathFor = (route: RouteSpec): fc.Arbitrary<string> => {
  const names = paramNames(route);
  const values = names.map((name) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(GOOD_PARAMS[name] ?? ANY_SLUG)) }, { weight: 1, arbitrary: hostileSegment }));
  const query = fc.oneof(fc.constantFrom(...QUERIES), fc.string({ unit: 'binary', maxLength: 20 }).map((text) => `?participantKind=${encodeURIComponentSafe(text)}`));
  return fc
    .tuple(fc.tuple(...values), fc.constantFrom(...SUFFIXES), query)
    .map(([chosen, suffix, query]) => fill(route, Object.fromEntries(names.map((name, index) => [name, chosen[index]]))) + suffix + query);
};

/** Mostly the route's own method; sometimes another one (405), never HEAD (its answers have no body to check). */
export const methodFor = (route: RouteSpec) => fc.oneof({ weight: 12, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE') });

// ---------------------------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------------------------

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'Application/Json ; charset=latin1',
  'application/json;',
  ' application/json',
  'application/json, text/plain',
  'application/jsonx',
  'application/problem+json',
  'application/merge-patch+json',
  'text/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  '*/*',
  '',
  ';',
  latin1OfUtf8('ứng dụng/json'),
];

const IDEMPOTENCY_KEYS = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'a', '!~', 'k'.repeat(128)) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'k'.repeat(129), 'k'.repeat(2_000), 'has space', 'tab\there', latin1OfUtf8('khóa-ý'), latin1OfUtf8('🔑'), '\xff\xfe', 'a,b') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }).map((text) => text.replace(/[^\t\x20-\x7e]/g, '')) },
);
const IF_MATCHES = fc.constantFrom('"1"', '"2"', 'W/"1"', '1', '*', ' * ', '"0"', '"-1"', '"999999999"', '"9999999999"', '"1", "2"', '""', '"', 'W/', 'abc', '"1e3"', '"0x1"', '"1.0"', latin1OfUtf8('"một"'), 'x'.repeat(1_000));
const CORRELATION_IDS = fc.constantFrom('', ' ', 'corr-1', 'c'.repeat(2_000), latin1OfUtf8('tương-quan'), '"quoted"', '\t');

export interface Tokens {
  readonly [name: string]: string | null;
}

/** Headers of a well-behaved client acting with a valid role of the organization (mostly the Office). */
export const goodHeadersFor = (tokens: Tokens, hasBody: boolean): fc.Arbitrary<Record<string, string>> => {
  const roles = Object.keys(tokens).filter((name) => tokens[name] && !name.includes('other-org'));
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant('office') }, { weight: 2, arbitrary: fc.constantFrom(...roles) }), fc.option(fc.uuid(), { nil: undefined, freq: 3 }))
    .map(([role, key]) => ({
      authorization: `Bearer ${tokens[role] ?? tokens.office}`,
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    }));
};

export const headersFor = (tokens: Tokens, hasBody: boolean): fc.Arbitrary<Record<string, string>> => {
  const names = Object.keys(tokens);
  const authorization = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...names).map((name) => (tokens[name] ? `Bearer ${tokens[name]}` : undefined)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Bearer x.y.z', 'Basic b2ZmaWNlOm9mZmljZQ==', 'bearer  abc', `Bearer ${'a'.repeat(2_000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', latin1OfUtf8('Bearer mã')),
    },
  );
  return fc
    .record({
      authorization,
      contentType: hasBody ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) }) : fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 4 }),
      idempotencyKey: fc.option(IDEMPOTENCY_KEYS, { nil: undefined, freq: 2 }),
      ifMatch: fc.option(IF_MATCHES, { nil: undefined, freq: 4 }),
      correlationId: fc.option(CORRELATION_IDS, { nil: undefined, freq: 5 }),
    })
    .map(({ authorization, contentType, idempotencyKey, ifMatch, correlationId }) => {
      const headers: Record<string, string> = {};
      if (authorization !== undefined) headers.authorization = authorization;
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
      return headers;
    });
};

// ---------------------------------------------------------------------------------------------------------------
// A whole request
// ---------------------------------------------------------------------------------------------------------------

export interface FuzzCase {
  readonly request: RawRequest;
  /** Which part of the request is hostile: the body, the path, the headers, or all of it. */
  readonly focus: 'body' | 'path' | 'headers' | 'chaos';
  readonly bodyKind: string;
}

const sendsBody = (method: string) => method === 'PUT' || method === 'POST' || method === 'PATCH';

/**
 * One request. Most requests are hostile in one part only, the rest being what a well-behaved client sends, so
 * that the hostile part gets past authentication and routing to the code that must cope with it; some are hostile
 * throughout.
 */
export const requestFor = (route: RouteSpec, tokens: Tokens): fc.Arbitrary<FuzzCase> => {
  const validBody = fc.constantFrom(...validBodiesFor(route)).map((body): Body => ({ kind: 'valid', bytes: JSON.stringify(body) }));
  const bodyOf = (method: string, body: Body, sendAnyway: boolean) => (sendsBody(method) || sendAnyway ? body : undefined);
  const build = (focus: FuzzCase['focus'], method: string, target: string, body: Body, headers: fc.Arbitrary<Record<string, string>>) =>
    headers.map((chosen): FuzzCase => ({ request: { method, target, headers: chosen, body: body?.bytes }, focus, bodyKind: body?.kind ?? 'none' }));
  const own = route.method;
  return fc.oneof(
    {
      // A route that takes no body still gets bodies sometimes (they must be ignored), but less of its runs.
      weight: sendsBody(own) ? 5 : 2,
      arbitrary: fc.tuple(goodPathFor(route), bodyFor(route), fc.boolean()).chain(([target, body, anyway]) => {
        const sent = bodyOf(own, body, anyway);
        return build('body', own, target, sent, goodHeadersFor(tokens, sent !== undefined));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(pathFor(route), validBody).chain(([target, body]) => {
        const sent = bodyOf(own, body, false);
        return build('path', own, target, sent, goodHeadersFor(tokens, sent !== undefined));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(goodPathFor(route), validBody, fc.boolean()).chain(([target, body, anyway]) => {
        const sent = bodyOf(own, body, anyway);
        return build('headers', own, target, sent, headersFor(tokens, sent !== undefined));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(methodFor(route), pathFor(route), bodyFor(route), fc.boolean()).chain(([method, target, body, anyway]) => {
        const sent = bodyOf(method, body, anyway);
        return build('chaos', method, target, sent, headersFor(tokens, sent !== undefined));
      }),
    },
  );
};

/** A request in a few lines, cut short, for the message of a failure; a long body is shown where it differs from the valid one it came from. */
export const describeCase = (fuzzCase: FuzzCase, route: RouteSpec): string => {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  const { method, target, headers, body } = fuzzCase.request;
  const shownHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, cut(name === 'authorization' ? value.replace(/(Bearer \S{12})\S+/, '$1…') : value, 120)]));
  let shownBody = body === undefined ? '(none)' : Buffer.isBuffer(body) ? `bytes ${body.toString('hex').slice(0, 200)}` : cut(body, 600);
  if (typeof body === 'string' && body.length > 600) {
    const common = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return i;
    };
    const at = Math.max(...validBodiesFor(route).map((valid) => common(JSON.stringify(valid), body)));
    shownBody = `${body.length} chars; from char ${at} on: …${cut(body.slice(Math.max(0, at - 80), at + 400), 480)}`;
  }
  return `[${fuzzCase.focus}] ${method} ${cut(target, 300)}\nheaders: ${JSON.stringify(shownHeaders)}\nbody (${fuzzCase.bodyKind}): ${shownBody}`;
};
