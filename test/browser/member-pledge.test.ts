import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { client } from '../support/runtime';
import { consoleAt, DEMO, fitsPhone, PHONE, screenshot } from './console';

describe('a civil servant registers in the console', () => {
  // Two hours before the 2026 deadline (30 March 23:59:59 in Việt Nam): Bùi Văn Minh has not registered yet.
  const console = consoleAt(vnInstant(2026, 3, 30, 22));

  it('resends a save whose answer the network lost, with the same Idempotency-Key: written once', async () => {
    const page = await console().signIn('member', 'dang-thi-lan');
    const keys: string[] = [];
    await page.route('**/pledges/dang-thi-lan?*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch(); // the server writes the pledge…
      await route.abort('connectionreset'); // …and its answer never reaches the browser
    });
    await page.getByLabel('Lao động tiên tiến').check();
    await page.getByLabel('Cam kết 1').fill('Tuyên truyền thanh toán không dùng tiền mặt');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByText('Đã lưu bản đăng ký').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const office = client(console().runtime, await console().runtime.token({ org: DEMO, role: 'office' }));
    const history = await office.get(`/orgs/${DEMO}/history/pledge/cchc-2026-2030:2026:member:dang-thi-lan`);
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['PledgeSubmitted']);
  });

  it('registers before the deadline, and is refused after it with the reason shown', async () => {
    const page = await console().signIn('member', 'bui-van-minh');
    await page.getByRole('heading', { name: 'Đăng ký thi đua của tôi' }).waitFor();
    // Not registered yet is the expected state, not a failed load: nothing answers 404 (review D32).
    const failed: string[] = [];
    page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
    page.on('console', (message) => message.type() === 'error' && failed.push(message.text()));
    await page.reload();
    await expect.poll(() => page.getByTestId('pledge-status').textContent()).toBe('Chưa đăng ký');
    await page.getByLabel('Cam kết 1').waitFor();
    expect(failed).toEqual([]);
    await expect.poll(() => page.getByTestId('remaining').textContent()).toMatch(/^1 giờ 59 phút/);

    await page.getByLabel('Lao động tiên tiến').check();
    await page.getByLabel('Cam kết 1').fill('Giải quyết 100% hồ sơ đúng hạn');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByText('Đã lưu bản đăng ký').waitFor();
    await expect.poll(() => page.getByTestId('pledge-status').textContent()).toBe('Đã đăng ký');
    await screenshot(page, 'member-pledge');

    // Past midnight: the page still shows the form, the API refuses the change and the page says why.
    console().runtime.clock.set(vnInstant(2026, 3, 31, 0, 0, 30), true);
    await page.getByLabel('Cam kết 1').fill('Giải quyết 100% hồ sơ đúng hạn, không trễ hạn');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Đã hết hạn đăng ký thi đua');
    await page.getByText(/Đã hết hạn đăng ký thi đua: hạn là/).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).isDisabled()).toBe(true);
    await screenshot(page, 'member-pledge-closed');

    // A phone shows the same page, closed.
    const phone = await console().signIn('member', 'bui-van-minh', PHONE);
    await phone.getByText(/Đã hết hạn đăng ký thi đua: hạn là/).waitFor();
    await expect.poll(() => phone.getByLabel('Lao động tiên tiến').isChecked()).toBe(true);
    await fitsPhone(phone);
    await screenshot(phone, 'member-pledge-phone');
  });
});
