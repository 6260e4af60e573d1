import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, fitsPhone, PHONE, screenshot } from './console';

describe('the Office in the console', () => {
  // A week before the deadline: one department and two civil servants have not registered.
  const console = consoleAt(vnInstant(2026, 3, 23, 9));

  it('sees who is missing on the board and reminds one of them in one click', async () => {
    const page = await console().signIn('office');
    await page.getByRole('heading', { name: /Bảng đăng ký thi đua năm 2026/ }).waitFor();
    await expect.poll(() => page.getByTestId('totals').textContent()).toContain('Cá nhân đã đăng ký: 6/8');
    await page.getByRole('button', { name: 'Nhắc Bùi Văn Minh' }).click();
    await page.getByText('Đã gửi nhắc nhở: Bùi Văn Minh.').waitFor();
    // The list is a view the projector keeps: read it again until the reminder shows.
    const sent = page.locator('section[aria-labelledby="reminders-sent"]');
    await expect
      .poll(async () => {
        await sent.getByRole('button', { name: 'Tải lại' }).click();
        return sent.locator('tbody').textContent();
      })
      .toMatch(/Đăng ký thi đua\s*Bùi Văn Minh\s*Văn phòng gửi/);
    // Reminded already today: a second click sends nothing and says so.
    await page.getByRole('button', { name: 'Nhắc Bùi Văn Minh' }).click();
    await page.getByText('Không nhắc lại: Bùi Văn Minh (đã được nhắc hôm nay).').waitFor();
    await screenshot(page, 'office-board');
  });

  it('finds people on the board: by a name typed without diacritics, only those not registered; shares and titles shown', async () => {
    const page = await console().signIn('office');
    await expect.poll(() => page.getByTestId('totals').textContent()).toContain('Cá nhân đã đăng ký: 6/8 (75%)');
    const rows = page.locator('section[aria-labelledby^="dept-"] tbody tr');
    // The titles each one aims at, by name (review D24).
    await expect.poll(() => page.locator('tr[data-member="tran-thi-bich"] td').nth(2).textContent()).toMatch(/Lao động tiên tiến/);
    expect(await page.getByRole('columnheader', { name: 'Danh hiệu đăng ký' }).count()).toBeGreaterThan(0);

    await page.getByLabel('Tìm theo tên').fill('bich');
    expect(await rows.locator('th').allTextContents()).toEqual(['Trần Thị Bích']);
    await page.getByLabel('Tìm theo tên').fill('');

    await page.getByLabel('Chỉ hiện người chưa đăng ký').check();
    const missing = await rows.locator('th').allTextContents();
    expect(missing).toHaveLength(2);
    expect(missing).toContain('Bùi Văn Minh');
    for (const status of await rows.locator('td.missing').allTextContents()) expect(status).toMatch(/^Chưa đăng ký/);
    expect(await rows.locator('td.ok').count()).toBe(0);
    // The totals are the whole board's, whatever is shown.
    expect(await page.getByTestId('totals').textContent()).toContain('6/8 (75%)');
    await screenshot(page, 'office-board-missing-only');
  });

  it('fits a phone: the board scrolls its tables, never the page sideways', async () => {
    const phone = await console().signIn('office', undefined, PHONE);
    await phone.getByTestId('totals').waitFor();
    await fitsPhone(phone);
    // The reminder button is on the screen, not off to the right of a table wider than the phone (review D24).
    const remind = await phone.getByRole('button', { name: 'Nhắc Bùi Văn Minh' }).boundingBox();
    expect(remind!.x + remind!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'office-board-phone');
  });

  it('downloads the registration list under the name the API gives it', async () => {
    const page = await console().signIn('office');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
  });

  it('shows the scoreboard with its chart, and the other pages of the Office', async () => {
    const page = await console().signIn('office');
    for (const [link, heading, name] of [
      ['Bảng xếp hạng', /Bảng xếp hạng năm 2026/, 'office-scoreboard'],
      ['Thẩm định', /Thẩm định năm 2026/, 'office-appraisal'],
      ['Xét danh hiệu', /Xét danh hiệu năm 2026/, 'office-eligibility'],
      ['Quyết định khen thưởng', /Quyết định khen thưởng năm 2026/, 'office-decisions'],
      ['Xuất dữ liệu', /Xuất dữ liệu năm 2026/, 'office-exports'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
      // In March nothing is scored yet: the charts say so instead of drawing bare axes (review D20).
      if (name === 'office-scoreboard') {
        await expect.poll(() => page.getByTestId('chart-empty').count()).toBe(2);
        expect(await page.locator('canvas').count()).toBe(0);
      }
      await screenshot(page, name);
    }
    // The history is opened from the record (its row on the board), never by typing its id; it speaks Vietnamese.
    await page.getByRole('link', { name: 'Bảng đăng ký', exact: true }).click();
    await page.getByRole('link', { name: 'Lịch sử đăng ký của Trần Thị Bích' }).click();
    await page.getByRole('heading', { name: 'Lịch sử hồ sơ: Bản đăng ký thi đua Trần Thị Bích' }).waitFor();
    const first = page.getByTestId('history').locator('li').first();
    await first.locator('strong', { hasText: 'Đăng ký thi đua' }).waitFor();
    expect(await first.textContent()).not.toMatch(/PledgeSubmitted|member:|seed:/);
    expect(await first.locator('time').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await screenshot(page, 'office-history');
  });

  it('fits a phone: the history of a record', async () => {
    const phone = await console().signIn('office', undefined, PHONE);
    await phone.getByRole('link', { name: 'Lịch sử đăng ký của Trần Thị Bích' }).click();
    await phone.getByTestId('history').locator('li').first().waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'office-history-phone');
  });
});
