import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, PHONE, screenshot } from './console';

describe('the console as a civil servant sees it (review 2026-12: D2, D5-D8, D16, D27)', () => {
  // Mid-November: the self-assessment window (1 November to 10 December) is open.
  const console = consoleAt(vnInstant(2026, 11, 15, 9));

  it('reads a comma decimal as the Vietnamese write it, and the deadline as its last valid minute', async () => {
    const page = await console().signIn('member', 'tran-thi-bich');
    await page.getByRole('link', { name: 'Tự chấm điểm' }).click();
    await expect.poll(() => page.locator('.countdown strong').textContent()).toBe('10/12/2026 23:59 (giờ Việt Nam)');
    const first = page.getByRole('group', { name: /Cải cách thể chế/ });
    await first.getByLabel('Điểm tự chấm').fill('7,5');
    await expect.poll(() => page.getByTestId('running-total').textContent()).toBe('7,5');
    const second = page.getByRole('group', { name: /^Cải cách thủ tục hành chính/ });
    await second.getByLabel('Điểm tự chấm').fill('1.5');
    await expect.poll(() => page.getByTestId('running-total').textContent()).toBe('9');
    await first.getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Lồng ghép trong báo cáo chung');
    await second.getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Lồng ghép trong báo cáo chung');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();
    await page.reload();
    // What was stored is 7.5 and 1.5, never 75 and 15.
    await expect.poll(() => page.getByTestId('running-total').textContent()).toBe('9');

    // Neither button sends a score that is not a number; both say so at the criterion.
    await first.getByLabel('Điểm tự chấm').fill('7,5,1');
    for (const button of ['Lưu nháp', 'Gửi bản tự chấm điểm']) {
      await page.getByRole('button', { name: button }).click();
      await first.getByText('Điểm phải là một số, ví dụ 7,5 hoặc 7.5').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Có điểm không đọc được');
    }
    expect(await page.getByTestId('sheet-status').textContent()).toBe('Đang soạn');
  });

  it('refuses an over-maximum score at its criterion with the API’s message, from either button', async () => {
    const page = await console().signIn('member', 'bui-van-minh');
    await page.getByRole('link', { name: 'Tự chấm điểm' }).click();
    const inspection = page.getByRole('group', { name: /Thực hiện Kế hoạch tự kiểm tra CCHC/ });
    await inspection.getByLabel('Điểm tự chấm').fill('9');
    await inspection.getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Kế hoạch số 5/KH');
    // Over its maximum, it is not counted in the running total.
    await expect.poll(() => page.getByTestId('running-total').textContent()).toBe('0');
    for (const button of ['Lưu nháp', 'Gửi bản tự chấm điểm']) {
      await page.getByRole('button', { name: button }).click();
      await inspection.getByText('Điểm vượt quá điểm tối đa của tiêu chí (tối đa 6 điểm)').waitFor();
      expect(await inspection.getByLabel('Điểm tự chấm').getAttribute('aria-invalid')).toBe('true');
    }
    await screenshot(page, 'member-self-assessment-over-maximum');
  });

  it('names the signed-in person and the agency, never ids, and picks the campaign from a list by title', async () => {
    const member = await console().signIn('member', 'bui-van-minh');
    await expect.poll(() => member.locator('.who').textContent()).toBe('Bùi Văn Minh — Ban Quản lý Khu kinh tế Phú Quốc · Công chức');
    const office = await console().signIn('office');
    await expect.poll(() => office.locator('.who').textContent()).toBe('Ban Quản lý Khu kinh tế Phú Quốc · Văn phòng');
    const picker = office.locator('.campaign-picker select');
    await expect.poll(() => picker.locator('option').allTextContents()).toEqual([
      'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2026-2030',
      'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025',
    ]);
    await picker.selectOption({ label: 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025' });
    await expect.poll(() => office.locator('.year-picker select').inputValue()).toBe('2025');
    // The ended campaign's board offers no button the API would refuse (review D22).
    await office.getByTestId('totals').waitFor();
    expect(await office.getByRole('button', { name: /^Nhắc/ }).count()).toBe(0);
    expect(await office.getByRole('button', { name: /^Ghi nhận đăng ký muộn/ }).count()).toBe(0);
    await screenshot(office, 'office-campaign-picker');
  });

  it('opens on the page itself on a phone, the menu folded one tap away', async () => {
    const page = await console().signIn('member', 'tran-thi-bich', PHONE);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const box = await heading.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(PHONE.height / 2);
    expect(await page.getByRole('link', { name: 'Tự chấm điểm' }).isVisible()).toBe(false);
    await screenshot(page, 'phone-first-screen', { fullPage: false });
    await page.getByText('Menu: Đăng ký thi đua').click();
    await page.getByRole('link', { name: 'Tự chấm điểm' }).click();
    await page.getByRole('heading', { name: /Tự chấm điểm/ }).waitFor();
    // Choosing a page folds the menu again.
    await expect.poll(() => page.getByRole('link', { name: 'Kết quả, khen thưởng' }).isVisible()).toBe(false);
  });
});
