import { beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { client } from '../support/runtime';
import { consoleAt, DEMO, screenshot } from './console';

const CAMPAIGN = `/orgs/${DEMO}/campaigns/cchc-2026-2030`;
const CYCLE = `${CAMPAIGN}/cycles/2026`;

interface Criterion {
  readonly code: string;
  readonly maxScore: number;
  readonly subCriteria?: readonly Criterion[];
}

describe('appraisal and awards in the console', () => {
  // Mid-November: self-assessment and appraisal are open.
  const console = consoleAt(vnInstant(2026, 11, 15, 9));
  beforeAll(async () => {
    // Trần Thị Bích's self-assessment, submitted (the console's own form is exercised in self-assessment.test.ts).
    const member = client(console().runtime, await console().runtime.token({ org: DEMO, role: 'member', member: 'tran-thi-bich', department: 'van-phong' }));
    const { criteria } = (await member.get(CAMPAIGN)).body as { criteria: readonly Criterion[] };
    const scores = criteria
      .flatMap((criterion) => criterion.subCriteria ?? [criterion])
      .map((item) => ({ criterion: item.code, score: Math.min(item.maxScore, 4), evidence: [{ title: 'Báo cáo CCHC năm 2026', ref: 'Số 12/BC-VP' }] }));
    const submitted = await member.put(`${CYCLE}/evaluations/tran-thi-bich/self-assessment?participantKind=member`, { participantKind: 'member', submit: true, scores });
    expect(submitted.status).toBeLessThan(300);
    await console().runtime.settle();
  });

  it('the Office assigns an appraiser, the appraiser appraises from its own screen, the Office finalizes', async () => {
    const office = await console().signIn('office');
    await office.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await office.getByText(/^Văn phòng — chờ chấm/).click();
    await office.getByRole('link', { name: 'Trần Thị Bích' }).click();
    await office.getByRole('heading', { name: /Phiếu chấm điểm: Trần Thị Bích/ }).waitFor();
    await office.getByRole('group', { name: 'Thành viên Hội đồng thẩm định phiếu này' }).getByLabel('Lê Minh Châu').check();
    await office.getByRole('button', { name: 'Lưu phân công' }).click();
    await office.getByText('Đã lưu phân công thẩm định.').waitFor();

    const appraiser = await console().signIn('council', 'le-minh-chau');
    await appraiser.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await appraiser.getByText(/^Văn phòng — chờ chấm/).click();
    await appraiser.getByRole('link', { name: 'Trần Thị Bích' }).click();
    const form = appraiser.locator('form', { has: appraiser.getByRole('heading', { name: 'Thẩm định' }) });
    await form.getByRole('textbox').first().fill('3');
    await screenshot(appraiser, 'council-appraisal');
    await form.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();
    await appraiser.getByText('Đã gửi kết quả thẩm định.').waitFor();
    await appraiser.getByRole('columnheader', { name: /Thẩm định \(.*\)/ }).waitFor();

    await office.reload();
    await office.getByRole('button', { name: 'Chốt kết quả' }).click();
    await expect.poll(() => office.getByTestId('sheet-result').textContent()).toMatch(/Đã chốt/);
    expect(await office.getByRole('button', { name: 'Chốt kết quả' }).count()).toBe(0);
    await screenshot(office, 'office-sheet-finalized');
  });

  it('the Office records a decision, and it is listed with its annex', async () => {
    const page = await console().signIn('office');
    // The list is a view the projector keeps up to date, eventually: here it lags behind for good (every read of it
    // answers what it held before the save), so the decision can only appear from the PUT's own answer (review D18).
    let before: string | undefined;
    await page.route(/\/cycles\/2026\/awards$/, async (route) => {
      const response = await route.fetch();
      before ??= await response.text();
      await route.fulfill({ response, body: before });
    });
    await page.getByRole('link', { name: 'Quyết định khen thưởng' }).click();
    await page.getByLabel('Mã quyết định (trong hệ thống)').fill('qd-15-2026');
    await page.getByLabel('Số quyết định').fill('15/QĐ-BQL');
    await page.getByLabel('Ngày ký').fill('2026-11-20');
    await page.getByLabel('Chức vụ người ký').fill('Trưởng ban');
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn X');
    await page.getByLabel('Danh hiệu').selectOption('lao-dong-tien-tien');
    await page.getByLabel('Người / tập thể được khen').selectOption({ label: 'Trần Thị Bích' });
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    // Her finalized grade is below "hoàn thành tốt": the API refuses the line, and the form says which condition failed.
    await page.getByRole('alert').getByText('Đối tượng chưa đạt điều kiện, tiêu chuẩn của danh hiệu vào ngày xét', { exact: false }).waitFor();
    expect(await page.getByTestId('ineligible').textContent()).toContain('Lao động tiên tiến — Trần Thị Bích: Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên');
    await screenshot(page, 'office-decision-refused');
    // Granted as an exception, on the legal basis the Office records.
    await page.getByLabel(/Căn cứ pháp lý cho trường hợp ngoại lệ/).fill('Công văn số 21/SNV-TĐKT của Sở Nội vụ');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByText('Đã lưu quyết định 15/QĐ-BQL.').waitFor();
    await page.getByRole('heading', { name: /Quyết định số 15\/QĐ-BQL ngày 20\/11\/2026 — Trưởng ban Nguyễn Văn X/ }).waitFor();
    await page.getByText(/Lao động tiên tiến: Trần Thị Bích/).waitFor();
    expect(JSON.parse(before!).decisions).toEqual([]);
    expect(await page.getByText('Chưa có quyết định nào.').count()).toBe(0);
    // The form is cleared for the next decision.
    for (const label of ['Mã quyết định (trong hệ thống)', 'Số quyết định', 'Chức vụ người ký', 'Họ và tên người ký']) expect(await page.getByLabel(label).inputValue()).toBe('');
    await page.unroute(/\/cycles\/2026\/awards$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải phụ lục (Word)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await screenshot(page, 'office-decision');
  });

  it('the scoreboard shows what its export shows: grade, result, the titles granted; its charts draw the scores', async () => {
    const page = await console().signIn('office');
    await page.getByRole('link', { name: 'Bảng xếp hạng', exact: true }).click();
    const table = page.locator('table').first();
    const headers = ['Hạng', 'Phòng', 'Điểm tập thể', 'Xếp loại', 'Bình quân cá nhân', 'Cá nhân đã có điểm', 'Cá nhân chờ chấm', 'Kết quả', 'Lao động tiên tiến'];
    // The decision of the previous test reaches the scoreboard once the projector has read it.
    await expect
      .poll(async () => {
        await page.reload();
        await table.waitFor();
        return table.locator('thead th').allTextContents();
      })
      .toEqual(headers);
    const office = await table.getByRole('row', { name: /Văn phòng/ }).locator('td').allTextContents();
    expect(office.at(-2)).toBe('Tạm tính');
    expect(office.at(-1)).toBe('1');
    await expect.poll(() => page.locator('canvas').count()).toBe(2);
    expect(await page.getByTestId('chart-empty').count()).toBe(0);
    await screenshot(page, 'office-scoreboard-titles');
  });
});
