import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { TokenRequest } from '../../infra/local/auth';
import type { Runtime } from '../../infra/local/runtime';
import { docxXml, download } from '../exports/support';
import { ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const PROFILE_PATH = `/orgs/${ORG}/profile`;
const PROFILE = { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' };
const REPORT = `${paths.campaign()}/reports?from=2021&to=2021`;
const OFFICE = { role: 'office' } as const;
/** Who calls: a role of this organization by default, or of another one. */
type Who = Omit<TokenRequest, 'org'> & { org?: string };
/** The report's visible text, runs joined. */
const reportText = async (runtime: Runtime) => {
  const file = await download(runtime, OFFICE, REPORT);
  expect(file.status).toBe(200);
  return [...(await docxXml(file.bytes)).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('\n');
};

describe('the organization profile: PUT|GET /orgs/{org}/profile, and the documents headed with it', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2021, 3, 5, 9));
    await setUpOrganization(runtime);
  });
  afterAll(() => runtime.stop());

  it('heads documents with the organization id and leaves the place and ký hiệu blank while there is no profile', async () => {
    const office = await as(runtime, OFFICE);
    expect((await office.get(PROFILE_PATH)).status).toBe(404);
    // The console's form reads it with ?ifAbsent=empty: not set yet is then an answer, not a 404 (review D32).
    const absent = await office.get(`${PROFILE_PATH}?ifAbsent=empty`);
    expect(absent.status).toBe(200);
    expect(absent.body).toStrictEqual({ absent: true });
    expect(absent.headers.get('etag')).toBeNull();
    const text = await reportText(runtime);
    expect(text).toContain('TEST-ORG');
    expect(text).toContain('Số: …/BC-……');
    expect(text).toContain('……………, ngày 05 tháng 3 năm 2021');
  });

  it('refuses a bad body with 400 invalid-request, and writes nothing', async () => {
    const office = await as(runtime, OFFICE);
    const before = await countEvents(runtime);
    const { place: _place, ...withoutPlace } = PROFILE;
    for (const body of [{}, withoutPlace, { ...PROFILE, name: '  ' }, { ...PROFILE, abbreviation: 'bqlkktpq' }, { ...PROFILE, address: '1 Trần Hưng Đạo' }, { ...PROFILE, place: 'x'.repeat(101) }, 'not json']) {
      const response = await office.put(PROFILE_PATH, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('invalid-request');
    }
    expect(await countEvents(runtime)).toBe(before);
    expect((await office.get(PROFILE_PATH)).status).toBe(404);
  });

  it('refuses everyone but the Office with 403, and writes nothing', async () => {
    const before = await countEvents(runtime);
    for (const who of [
      { role: 'leader' },
      { role: 'council', member: 'vien-b' },
      { role: 'head', department: 'phong-a', member: 'truong-a' },
      { role: 'member', department: 'phong-a', member: 'vien-a' },
      { role: 'upward', org: 'so-noi-vu', orgs: [ORG] },
      { role: 'office', org: 'other-org' },
    ] satisfies Who[]) {
      const response = await (await as(runtime, who)).put(PROFILE_PATH, PROFILE);
      expect(response.status, who.role).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    expect(await countEvents(runtime)).toBe(before);
  });

  it('lets the Office set it (201, NFC), retry it, and change it with If-Match (200); the same again writes nothing', async () => {
    const office = await as(runtime, OFFICE);
    const typed = { ...PROFILE, name: ` ${PROFILE.name.normalize('NFD')}`, place: PROFILE.place.normalize('NFD') };
    const set = await office.put(PROFILE_PATH, typed, { 'idempotency-key': 'profile-1' });
    expect(set.status).toBe(201);
    expect(set.headers.get('etag')).toBe('"1"');
    expect(set.body).toMatchObject({ ...PROFILE, org: ORG, version: 1 });
    const retry = await office.put(PROFILE_PATH, typed, { 'idempotency-key': 'profile-1' });
    expect([retry.status, retry.body]).toEqual([201, set.body]);

    const moved = { ...PROFILE, place: 'Dương Đông' };
    expect((await office.put(PROFILE_PATH, moved, { 'if-match': '"0"' })).status).toBe(412);
    const changed = await office.put(PROFILE_PATH, moved, { 'if-match': '"1"' });
    expect([changed.status, changed.headers.get('etag'), changed.body.place]).toEqual([200, '"2"', 'Dương Đông']);
    const again = await office.put(PROFILE_PATH, PROFILE, { 'if-match': '"2"' });
    expect([again.status, again.headers.get('etag')]).toEqual([200, '"3"']);
    const before = await countEvents(runtime);
    expect((await office.put(PROFILE_PATH, PROFILE)).status).toBe(200);
    expect(await countEvents(runtime)).toBe(before);
    const read = await office.get(`${PROFILE_PATH}?ifAbsent=empty`);
    expect([read.status, read.headers.get('etag'), read.body.place]).toEqual([200, '"3"', PROFILE.place]);

    const history = await office.get(paths.history('organization', ORG));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['OrganizationProfileSet', 'OrganizationProfileSet', 'OrganizationProfileSet']);
  });

  it('is read by every role of the organization and the upward readers overseeing it, by nobody else', async () => {
    for (const who of [
      OFFICE,
      { role: 'leader' },
      { role: 'council', member: 'vien-b' },
      { role: 'head', department: 'phong-b' },
      { role: 'member', department: 'phong-a', member: 'vien-a' },
      { role: 'upward', org: 'so-noi-vu', orgs: [ORG] },
    ] satisfies Who[]) {
      const response = await (await as(runtime, who)).get(PROFILE_PATH);
      expect(response.status, who.role).toBe(200);
      expect(response.headers.get('etag')).toBe('"3"');
      expect(response.body).toMatchObject(PROFILE);
    }
    for (const who of [{ role: 'upward', org: 'so-noi-vu', orgs: ['other-org'] }, { role: 'office', org: 'other-org' }] satisfies Who[]) {
      expect((await (await as(runtime, who)).get(PROFILE_PATH)).status, who.org).toBe(403);
    }
  });

  it('heads the report with it: superior body, name, ký hiệu, place; the report takes no header parameters', async () => {
    await runtime.settle();
    const text = await reportText(runtime);
    for (const line of ['UBND TỈNH KIÊN GIANG', 'BAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC', 'Số: …/BC-BQLKKTPQ', 'Phú Quốc, ngày 05 tháng 3 năm 2021']) expect(text).toContain(line);
    expect(text).not.toContain('TEST-ORG');
    // The parameters that once said the same thing are gone: they change nothing.
    const file = await download(runtime, OFFICE, `${REPORT}&agency=Other&place=Elsewhere&parentBody=Nobody`);
    const old = await docxXml(file.bytes);
    expect(old).toContain('Phú Quốc, ngày 05 tháng 3 năm 2021');
    expect(old).not.toMatch(/Elsewhere|OTHER|NOBODY/);
  });
});
