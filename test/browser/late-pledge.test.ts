import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, fitsPhone, PHONE, screenshot } from './console';

describe('the Office records a late pledge in the console', () => {
  // Two days after the 2026 deadline: Bùi Văn Minh and his department never registered.
  const console = consoleAt(vnInstant(2026, 4, 2, 9));

  it('from the board’s missing row, with the reason the API requires', async () => {
    const page = await console().signIn('office');
    await page.getByRole('button', { name: 'Ghi nhận đăng ký muộn cho Bùi Văn Minh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận đăng ký muộn: Bùi Văn Minh' });
    await dialog.getByLabel('Lao động tiên tiến').check();
    await dialog.getByLabel('Cam kết 1').fill('Giải quyết 100% hồ sơ đúng hạn');
    // Without a reason: the API refuses, the dialog says so at the reason.
    await dialog.getByRole('button', { name: 'Ghi nhận đăng ký muộn' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Lý do đăng ký muộn');
    await dialog.getByLabel('Lý do đăng ký muộn').fill('Đi công tác đến hết ngày 31/3, nộp bản giấy ngày 01/4');
    await dialog.getByRole('button', { name: 'Ghi nhận đăng ký muộn' }).click();
    await dialog.getByText('Đã lưu bản đăng ký').waitFor();
    await expect.poll(() => dialog.getByTestId('pledge-status').textContent()).toBe('Đã đăng ký');
    await dialog.getByText('(đăng ký muộn)').waitFor();
    await screenshot(page, 'office-late-pledge', { fullPage: false });

    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.locator('tr[data-member="bui-van-minh"]').textContent()).toContain('Đã đăng ký (muộn)');
    expect(await page.getByRole('button', { name: 'Ghi nhận đăng ký muộn cho Bùi Văn Minh' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('totals').textContent()).toContain('Đăng ký muộn: 2');
  });

  it('fits a phone: the dialog and the board', async () => {
    const phone = await console().signIn('office', undefined, PHONE);
    await phone.getByRole('button', { name: 'Ghi nhận đăng ký muộn cho Phòng Quản lý Doanh nghiệp và Lao động' }).click();
    await phone.getByRole('dialog').getByLabel('Lý do đăng ký muộn').waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'office-late-pledge-phone', { fullPage: false });
  });
});
