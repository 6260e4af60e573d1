import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { client } from '../support/runtime';
import { consoleAt, DEMO, screenshot } from './console';

const CYCLE = `/orgs/${DEMO}/campaigns/cchc-2026-2030/cycles/2026`;

describe('evidence files in the console', () => {
  // Mid-November: self-assessment and appraisal are open.
  const console = consoleAt(vnInstant(2026, 11, 15, 9));

  it('a civil servant attaches two files with their progress shown, submits, and the appraiser opens one', async () => {
    const page = await console().signIn('member', 'tran-thi-bich');
    await page.getByRole('link', { name: 'Tự chấm điểm' }).click();
    const criteria = page.locator('.criterion');
    await criteria.first().waitFor();
    const first = criteria.first();
    const report = { name: 'Báo cáo kết quả CCHC năm 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]) };
    const photo = { name: 'Ảnh chụp thống kê dịch vụ công.png', mimeType: 'image/png', buffer: randomBytes(120_000) };
    await first.getByLabel(/Kéo thả tệp kiểm chứng vào đây/).setInputFiles([report, photo]);

    // Each file has its own progress bar, full once uploaded, and is then listed as attached.
    const uploads = first.getByTestId('upload');
    await expect.poll(() => uploads.count()).toBe(2);
    for (const [index, file] of [report, photo].entries()) {
      const row = uploads.nth(index);
      await row.getByText('Đã đính kèm').waitFor();
      const bar = row.getByRole('progressbar', { name: `Tiến độ tải lên ${file.name}` });
      expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual([String(file.buffer.length), String(file.buffer.length)]);
    }
    const attached = first.getByRole('list', { name: 'Tệp kiểm chứng đã đính kèm' });
    await attached.getByRole('button', { name: report.name, exact: true }).waitFor();
    await attached.getByRole('button', { name: photo.name, exact: true }).waitFor();
    await screenshot(page, 'member-evidence-files');

    // The first criterion's files are its evidence (the page says so): a score alone; the others with an explanation.
    // Then the sheet is submitted (the files' versions are carried).
    await first.getByTestId('file-is-evidence').waitFor();
    const count = await criteria.count();
    for (let index = 0; index < count; index++) {
      await criteria.nth(index).getByLabel('Điểm tự chấm').fill('2');
      if (index > 0) await criteria.nth(index).getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Lồng ghép trong báo cáo chung');
    }
    await page.getByRole('button', { name: 'Gửi bản tự chấm điểm' }).click();
    await page.getByText('Đã gửi bản tự chấm điểm.').waitFor();
    // Submitted: the files are frozen, no drop zone and no remove button remain.
    await expect.poll(() => page.getByTestId('sheet-status').textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByLabel(/Kéo thả tệp kiểm chứng vào đây/).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Gỡ / }).count()).toBe(0);

    // The Office assigns Lê Minh Châu (through the API: the console's form is exercised in appraisal.test.ts).
    const office = client(console().runtime, await console().runtime.token({ org: DEMO, role: 'office' }));
    expect((await office.put(`${CYCLE}/evaluations/tran-thi-bich/appraisers?participantKind=member`, { appraisers: ['le-minh-chau'] })).status).toBe(200);
    await console().runtime.settle();

    const appraiser = await console().signIn('council', 'le-minh-chau');
    await appraiser.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await appraiser.getByText(/^Văn phòng — chờ chấm/).click();
    await appraiser.getByRole('link', { name: 'Trần Thị Bích' }).click();
    await appraiser.getByRole('heading', { name: /Phiếu chấm điểm: Trần Thị Bích/ }).waitFor();
    const opened = appraiser.context().waitForEvent('page');
    await appraiser.getByRole('button', { name: report.name, exact: true }).click();
    const tab = await opened;
    await tab.waitForURL(/X-Amz-Signature=/);
    // The new tab holds the short-lived storage link: it answers the file under its Vietnamese name.
    expect(tab.url().startsWith(`${console().runtime.s3.endpoint}/`)).toBe(true);
    const file = await fetch(tab.url());
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(report.name)}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(report.buffer)).toBe(true);
    await screenshot(appraiser, 'council-evidence-files');
  });
});
