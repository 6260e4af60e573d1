import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, screenshot } from './console';

describe('a civil servant self-assesses in the console', () => {
  // Mid-November: the self-assessment window (1 November to 10 December) is open.
  const console = consoleAt(vnInstant(2026, 11, 15, 9));

  it('shows the API’s refusals next to the criteria, keeps a running total, saves a draft and submits', async () => {
    const page = await console().signIn('member', 'tran-thi-bich');
    await page.getByRole('link', { name: 'Tự chấm điểm' }).click();
    const first = page.getByRole('group', { name: /Cải cách thể chế/ });
    await first.getByLabel('Điểm tự chấm').fill('8');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    // A score with neither evidence nor an explanation: the API refuses, the page says so at that criterion.
    await first.getByText('Cần tài liệu kiểm chứng (văn bản hoặc tệp đính kèm), hoặc giải trình khi không có').waitFor();
    await first.getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Lồng ghép trong báo cáo chung của Văn phòng');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();

    await page.getByRole('button', { name: 'Gửi bản tự chấm điểm' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bản tự chấm điểm chưa đủ các tiêu chí');
    expect(await page.getByRole('alert').textContent()).toContain('Còn thiếu: Cải cách thủ tục hành chính');

    const criteria = page.locator('.criterion');
    const count = await criteria.count();
    for (let index = 1; index < count; index++) {
      const criterion = criteria.nth(index);
      if (index === 4) {
        await criterion.getByLabel('Không áp dụng cho đơn vị/cá nhân này').check();
        await criterion.getByLabel('Lý do không áp dụng').fill('Không quản lý tài chính');
        continue;
      }
      await criterion.getByLabel('Điểm tự chấm').fill('5');
      await criterion.getByRole('button', { name: 'Thêm tài liệu kiểm chứng' }).click();
      await criterion.getByLabel('Tài liệu kiểm chứng 1').fill('Báo cáo CCHC năm 2026');
      await criterion.getByLabel('Số hiệu hoặc đường dẫn').fill('Số 12/BC-VP');
    }
    await expect.poll(() => page.getByTestId('running-total').textContent()).toBe('48');
    await page.getByRole('button', { name: 'Gửi bản tự chấm điểm' }).click();
    await page.getByText('Đã gửi bản tự chấm điểm.').waitFor();
    await expect.poll(() => page.getByTestId('sheet-status').textContent()).toBe('Đã gửi');
    await screenshot(page, 'member-self-assessment');

    await page.getByRole('link', { name: 'Kết quả, khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Kết quả và khen thưởng của tôi' }).waitFor();
    await page.getByText('Chưa có quyết định khen thưởng nào.').waitFor();
    await screenshot(page, 'member-results');
  });
});
