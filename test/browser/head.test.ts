import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, screenshot } from './console';

describe('a department head in the console', () => {
  const console = consoleAt(vnInstant(2026, 3, 20, 9));

  it('sees its own department only: its pledge, its members, its scores', async () => {
    const page = await console().signIn('head', 'le-minh-chau');
    await page.getByRole('link', { name: 'Phòng của tôi' }).click();
    await page.getByRole('heading', { name: /Phòng của tôi/ }).waitFor();
    await page.getByRole('heading', { name: 'Phòng Quản lý Đầu tư' }).waitFor();
    await page.getByRole('heading', { name: 'Điểm của phòng' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Phạm Quốc Dũng');
    for (const other of ['Văn phòng', 'Phòng Quản lý Quy hoạch', 'Phòng Quản lý Doanh nghiệp', 'Trần Thị Bích', 'Bùi Văn Minh']) expect(text).not.toContain(other);
    await expect.poll(() => page.getByTestId('pledge-status').textContent()).toBe('Đã đăng ký');
    // The Office's pages are not in its menu.
    expect(await page.getByRole('link', { name: 'Bảng đăng ký' }).count()).toBe(0);
    await screenshot(page, 'head-department');
  });
});
