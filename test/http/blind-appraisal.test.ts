import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { SELF_SCORES } from '../support/evaluation-fixtures';
import { CAMPAIGN, type Client, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { download, readXlsx } from '../exports/support';

const evaluation = (participantId: string, action = '') => `${paths.cycle(2025)}/evaluations/${participantId}${action ? `/${action}` : ''}`;
const history = paths.history('evaluation', `${CAMPAIGN}:2025:member:vien-a`);
const departmentScores = `${paths.cycle(2025)}/departments/phong-a/scores`;

/** Every applicable criterion scored as self-assessed, except the first: 70 of 90, 77.78%, unlike the self-score's 84.44%. */
const APPRAISAL = SELF_SCORES.flatMap((entry) => ('score' in entry ? [{ criterion: entry.criterion, score: entry.criterion === 'cai-cach-the-che' ? 2 : entry.score! }] : []));
const PROVISIONAL = 77.78;

const workbookText = async (runtime: Runtime, who: Parameters<typeof download>[1], path: string) => {
  const file = await download(runtime, who, path);
  expect(file.status).toBe(200);
  const cells: string[] = [];
  (await readXlsx(file.bytes)).eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('|');
};

/**
 * Issue 15: until an appraiser submits its own appraisal it sees nothing of the others' (sheet, department scores,
 * scoreboard, their exports, history), and before the result is final a participant sees none of them either.
 */
describe('the blind appraisal, on every route that shows scores', () => {
  let runtime: Runtime;
  let office: Client;
  const first = { role: 'council', member: 'vien-b', department: 'phong-b', sub: 'user-vien-b' } as const;
  const second = { role: 'council', member: 'vien-c', department: 'phong-b', sub: 'user-vien-c' } as const;
  const participant = { role: 'member', member: 'vien-a', department: 'phong-a' } as const;
  const head = { role: 'head', member: 'truong-a', department: 'phong-a' } as const;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    ({ office } = await setUpOrganization(runtime));
    expect((await office.put(paths.member('vien-c'), { fullName: 'Lê Văn C', departmentId: 'phong-b' })).status).toBe(201);
    const member = await as(runtime, participant);
    expect((await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(201);
    expect((await office.put(evaluation('vien-a', 'appraisers'), { appraisers: ['vien-b', 'vien-c'] })).status).toBe(200);
    expect((await (await as(runtime, first)).put(evaluation('vien-a', 'appraisal'), { scores: APPRAISAL })).status).toBe(200);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('the Office sees the appraisal and the provisional figure everywhere (the control)', async () => {
    expect((await office.get(evaluation('vien-a'))).body.provisional).toEqual({ percent: PROVISIONAL });
    const line = (await office.get(departmentScores)).body.members.find((each: { memberId: string }) => each.memberId === 'vien-a');
    expect(line.percent).toBe(PROVISIONAL);
    expect((await office.get(`${paths.cycle(2025)}/scoreboard`)).body.departments.find((row: { departmentId: string }) => row.departmentId === 'phong-a').membersMean).toBe(PROVISIONAL);
    expect(await workbookText(runtime, { role: 'office' }, `${paths.cycle(2025)}/exports/scoreboard`)).toContain(String(PROVISIONAL));
  });

  for (const [who, actor] of [['an appraiser that has not appraised yet', second], ['the participant', participant], ['its head', head]] as const) {
    it(`${who} sees nothing of the appraisal: not on the sheet, the department's page, the scoreboard, their exports or the history`, async () => {
      const client = await as(runtime, actor);
      const sheet = (await client.get(evaluation('vien-a'))).body;
      expect(sheet).toMatchObject({ appraisals: [], provisional: null });
      if (actor !== second) expect(sheet.appraisers).toEqual([]);

      const scores = await client.get(departmentScores);
      if (scores.status === 200) {
        expect(JSON.stringify(scores.body)).not.toContain(String(PROVISIONAL));
        expect(JSON.stringify(scores.body)).not.toContain('pendingAppraisers');
      }
      const board = await client.get(`${paths.cycle(2025)}/scoreboard`);
      expect(board.status).toBe(200);
      expect(JSON.stringify(board.body)).not.toContain(String(PROVISIONAL));
      expect(await workbookText(runtime, actor, `${paths.cycle(2025)}/exports/scoreboard`)).not.toContain(String(PROVISIONAL));
      expect(await workbookText(runtime, actor, `${evaluation('vien-a', 'export')}`)).not.toMatch(/Thẩm định/);

      const events = (await client.get(history)).body.events as { type: string; data: Record<string, unknown>; actor: { sub: string } }[];
      const appraisal = events.find((event) => event.type === 'AppraisalSubmitted')!;
      expect(appraisal.data).toEqual({});
      expect(JSON.stringify(events)).not.toContain('user-vien-b');
      if (actor !== second) expect(JSON.stringify(events)).not.toContain('"vien-b"');
    });
  }

  it("shows an appraiser's reminder (the sheets waiting for it) to the Office, not to its department's head", async () => {
    expect((await office.post(`${paths.cycle(2025)}/reminders`, { deadline: 'appraisal' })).status).toBe(200);
    await runtime.settle();
    const reminded = async (who: Parameters<typeof as>[1]) => (await (await as(runtime, who)).get(`${paths.cycle(2025)}/reminders?deadline=appraisal`)).body.reminders;
    expect(await reminded({ role: 'office' })).toMatchObject([{ participantId: 'vien-c', evaluations: [expect.stringContaining('vien-a')] }]);
    expect(await reminded({ role: 'head', department: 'phong-b' })).toEqual([]);
  });

  it('an appraiser sees the others once it has submitted its own', async () => {
    const client = await as(runtime, second);
    expect((await client.put(evaluation('vien-a', 'appraisal'), { scores: APPRAISAL })).status).toBe(200);
    const sheet = (await client.get(evaluation('vien-a'))).body;
    expect(sheet.appraisals.map((each: { appraiser: string }) => each.appraiser)).toEqual(['vien-b', 'vien-c']);
    expect(sheet.provisional).toEqual({ percent: PROVISIONAL });
    const events = (await client.get(history)).body.events as { type: string; data: { appraiser?: string } }[];
    expect(events.filter((event) => event.type === 'AppraisalSubmitted').map((event) => event.data.appraiser)).toEqual(['vien-b', 'vien-c']);
  });

  it('the participant sees the result once it is final', async () => {
    expect((await office.post(evaluation('vien-a', 'finalize'), undefined)).status).toBe(200);
    await runtime.settle();
    const client = await as(runtime, participant);
    expect((await client.get(evaluation('vien-a'))).body.final).toMatchObject({ percent: PROVISIONAL });
    const line = (await client.get(departmentScores)).body.members.find((each: { memberId: string }) => each.memberId === 'vien-a');
    expect(line).toMatchObject({ percent: PROVISIONAL, final: true });
  });
});
