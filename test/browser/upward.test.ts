import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, fitsPhone, PHONE, screenshot } from './console';

describe('an upward reader (Sở Nội vụ) in the console', () => {
  // A week before the 2026 deadline: six of eight civil servants and three of four departments registered.
  const console = consoleAt(vnInstant(2026, 3, 23, 9));
  const BOARD = 'Ban Quản lý Khu kinh tế Phú Quốc'; // the demo's profile names the agency

  it('sees the agencies it oversees side by side, opens one’s scoreboard and downloads its report; no Office menu', async () => {
    const page = await console().signIn('upward');
    await page.getByRole('heading', { name: 'Các cơ quan theo dõi — năm 2026' }).waitFor();
    const row = page.getByTestId('agencies').locator('tbody tr', { hasText: BOARD });
    await expect.poll(() => row.textContent()).toMatch(/Tập thể 3\/4 \(75%\).*Cá nhân 6\/8 \(75%\)/);
    for (const office of ['Bảng đăng ký', 'Thẩm định', 'Xuất dữ liệu', 'Đăng ký thi đua']) expect(await page.getByRole('link', { name: office, exact: true }).count()).toBe(0);
    expect(await page.locator('.campaign-picker').count()).toBe(0);
    await screenshot(page, 'upward-agencies');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Tải báo cáo của ${BOARD}` }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Báo cáo sơ kết .*CCHC 2026\.docx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK'); // a docx is a zip

    await page.getByRole('link', { name: `Bảng xếp hạng của ${BOARD}` }).click();
    await page.getByRole('heading', { name: `${BOARD} — năm 2026` }).waitFor();
    await page.getByText('Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2026-2030').waitFor();
    await page.getByRole('heading', { name: 'Phòng Quản lý Đầu tư' }).waitFor();
    // In March nothing is scored yet: the chart says so rather than drawing bare axes (review D20).
    await page.getByTestId('chart-empty').waitFor();
    expect(await page.locator('canvas').count()).toBe(0);
    await screenshot(page, 'upward-agency');
  });

  it('fits a phone: the table scrolls, never the page sideways', async () => {
    const phone = await console().signIn('upward', undefined, PHONE);
    await phone.getByTestId('agencies').waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'upward-agencies-phone');
  });
});
