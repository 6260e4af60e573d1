import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, openMenu, DESKTOP, fitsPhone, PHONE, screenshot } from './console';

describe('self-inspection findings in the console', () => {
  const console = consoleAt(vnInstant(2026, 11, 15, 9));

  it('the Office records a finding (the API’s refusal shown at the field), the head sees it open, the Office closes it', async () => {
    const office = await console().signIn('office');
    await office.getByRole('link', { name: 'Tự kiểm tra' }).click();
    await office.getByRole('heading', { name: 'Tự kiểm tra cải cách hành chính' }).waitFor();
    await office.getByText('Không có kết quả tự kiểm tra nào.').waitFor();
    const form = office.locator('form[aria-labelledby="finding-form"]');
    await form.getByLabel('Phòng được kiểm tra').selectOption({ label: 'Phòng Quản lý Đầu tư' });
    await form.getByLabel('Ngày kiểm tra').fill('2026-11-10');
    await form.getByLabel('Hạn khắc phục').fill('2026-11-01');
    await form.getByLabel('Lĩnh vực').fill('Cải cách thủ tục hành chính');
    await form.getByLabel('Tồn tại, hạn chế').fill('03 hồ sơ giải quyết trễ hạn chưa có văn bản xin lỗi');
    await form.getByLabel('Biện pháp khắc phục').fill('Gửi văn bản xin lỗi, rà soát quy trình');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    // A due date before the inspection: refused by the API, said at the due date.
    await expect.poll(() => form.locator('#finding-dueDate-issue').textContent()).toBe('Hạn khắc phục không được trước ngày kiểm tra');
    await form.getByLabel('Hạn khắc phục').fill('2026-12-15');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await office.getByText('Đã ghi nhận kết quả tự kiểm tra.').waitFor();
    const table = office.getByTestId('findings');
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toMatch(/Phòng Quản lý Đầu tư.*10\/11\/2026.*Cải cách thủ tục hành chính.*15\/12\/2026.*Đang khắc phục/);
    await screenshot(office, 'office-findings');

    // The department's sheet shows it as the evidence of the self-inspection criterion.
    const sheet = await console().signIn('office');
    await sheet.getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await sheet.getByText(/^Phòng Quản lý Đầu tư — chờ chấm/).click();
    await sheet.getByRole('link', { name: 'Phiếu chấm của tập thể Phòng Quản lý Đầu tư' }).click();
    await sheet.getByRole('heading', { name: /^Kết quả tự kiểm tra trong năm/ }).waitFor();
    await sheet.getByText(/10\/11\/2026 — Cải cách thủ tục hành chính: 03 hồ sơ .* \(Đang khắc phục\)/).waitFor();

    const head = await console().signIn('head', 'le-minh-chau');
    await head.getByRole('link', { name: 'Phòng của tôi' }).click();
    await expect.poll(() => head.getByTestId('open-findings').textContent()).toContain('03 hồ sơ giải quyết trễ hạn chưa có văn bản xin lỗi');
    await screenshot(head, 'head-department-findings');

    // Amended while open, in the recording form: the row shows the change, the page says so, focus stays on the row's button.
    const amend = office.getByRole('button', { name: 'Sửa: Cải cách thủ tục hành chính, Phòng Quản lý Đầu tư' });
    await amend.click();
    const amending = office.getByRole('dialog', { name: 'Sửa kết quả tự kiểm tra: Phòng Quản lý Đầu tư' });
    expect(await amending.getByLabel('Tồn tại, hạn chế').inputValue()).toBe('03 hồ sơ giải quyết trễ hạn chưa có văn bản xin lỗi');
    await amending.getByLabel('Hạn khắc phục').fill('2026-12-20');
    await amending.getByLabel('Biện pháp khắc phục').fill('Gửi văn bản xin lỗi, rà soát quy trình tiếp nhận');
    await screenshot(office, 'office-finding-amend');
    await office.setViewportSize(PHONE);
    await screenshot(office, 'office-finding-amend-phone');
    await office.setViewportSize(DESKTOP);
    await amending.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await amending.waitFor({ state: 'detached' });
    await expect.poll(() => office.getByTestId('findings-announced').textContent()).toBe('Đã sửa kết quả tự kiểm tra: Cải cách thủ tục hành chính, Phòng Quản lý Đầu tư.');
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toMatch(/rà soát quy trình tiếp nhận.*20\/12\/2026.*Đang khắc phục/);
    await expect.poll(() => office.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('Sửa: Cải cách thủ tục hành chính, Phòng Quản lý Đầu tư');
    await screenshot(office, 'office-findings-amended');

    await office.getByRole('button', { name: 'Đã khắc phục: Cải cách thủ tục hành chính, Phòng Quản lý Đầu tư' }).click();
    const dialog = office.getByRole('dialog', { name: 'Khắc phục xong: Phòng Quản lý Đầu tư' });
    await dialog.getByLabel('Ngày khắc phục xong').fill('2026-11-14');
    await dialog.getByLabel('Kết quả khắc phục').fill('Đã gửi văn bản xin lỗi số 45/VP');
    await dialog.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Closed: gone from the open findings, listed under the closed ones.
    await office.getByText('Không có kết quả tự kiểm tra nào.').waitFor();
    // Its button gone with it, focus goes to the list's heading (not the page body) and the page says what was done.
    await expect.poll(() => office.evaluate('document.activeElement?.id')).toBe('findings-list');
    expect(await office.getByTestId('findings-announced').textContent()).toBe('Đã xác nhận khắc phục: Cải cách thủ tục hành chính, Phòng Quản lý Đầu tư.');
    await office.getByLabel('Tình trạng').selectOption('closed');
    await expect.poll(() => office.getByTestId('findings').textContent()).toContain('Đã khắc phục ngày 14/11/2026: Đã gửi văn bản xin lỗi số 45/VP');

    await head.reload();
    await head.getByRole('heading', { name: 'Tồn tại qua tự kiểm tra, chưa khắc phục' }).waitFor();
    await expect.poll(() => head.getByTestId('open-findings').count()).toBe(0);
  });

  it('fits a phone', async () => {
    const phone = await console().signIn('office', undefined, PHONE);
    await openMenu(phone);
    await phone.getByRole('link', { name: 'Tự kiểm tra' }).click();
    await phone.getByRole('heading', { name: 'Ghi nhận kết quả tự kiểm tra' }).waitFor();
    await fitsPhone(phone);
    await screenshot(phone, 'office-findings-phone');
  });
});
