import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { consoleAt, fitsPhone, PHONE, screenshot } from './console';

const HEADER = 'STT,Họ và tên,Chức vụ,Phòng/Đơn vị,Email';
const csv = (...lines: string[]) => ({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`) });
const GOOD = ['1,Ngô Thị Mai,Chuyên viên,Phòng Pháp chế,mai.nt@phuquoc.example.vn', '2,Trần Thị Bích,Phó Chánh Văn phòng,Văn phòng,tran-thi-bich@phuquoc.example.vn'];
const BAD = ['3,,Chuyên viên,Văn phòng,', '4,Lý Văn Tư,Chuyên viên,Văn phòng,khong-phai-email'];

describe('the roster import in the console', () => {
  const console = consoleAt(vnInstant(2026, 4, 15, 9));

  it('the Office previews a file with two bad rows, sees them, fixes the file and imports it', async () => {
    const office = await console().signIn('office');
    await office.getByRole('link', { name: 'Danh sách công chức' }).click();
    await office.getByRole('heading', { name: 'Danh sách công chức' }).waitFor();
    const input = office.getByLabel('Tệp danh sách (.xlsx, .csv)');

    await input.setInputFiles(csv(...GOOD, ...BAD));
    await office.getByRole('button', { name: 'Xem trước' }).click();
    const refusals = office.getByTestId('import-refusals');
    await expect.poll(() => refusals.locator('tbody tr').allTextContents()).toEqual(['Dòng 4Thiếu họ và tên', 'Dòng 5Email không hợp lệ: "khong-phai-email"']);
    expect(await office.getByRole('button', { name: 'Nhập danh sách' }).isDisabled()).toBe(true);
    await screenshot(office, 'office-roster-import-refused');

    await input.setInputFiles(csv(...GOOD));
    await office.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => office.getByTestId('import-totals').textContent()).toBe('Phòng mới: 1; thêm mới: 1; cập nhật: 1; chuyển phòng: 0; không thay đổi: 0; bị từ chối: 0.');
    await expect.poll(() => office.getByTestId('import-rows').locator('tbody tr').allTextContents()).toEqual([
      'Dòng 2Ngô Thị Maingo-thi-maiPhòng Pháp chếThêm mới',
      'Dòng 3Trần Thị Bíchtran-thi-bichVăn phòngCập nhật thông tin',
    ]);
    expect(await office.getByTestId('import-refusals').count()).toBe(0);
    await office.getByRole('button', { name: 'Nhập danh sách' }).click();
    await office.getByText('Đã nhập danh sách: ghi 3 thay đổi.').waitFor();
    await screenshot(office, 'office-roster-imported');
    await office.setViewportSize(PHONE);
    await fitsPhone(office);

    // Imported again, the same file changes nothing.
    await office.getByRole('button', { name: 'Nhập danh sách' }).click();
    await office.getByText('Đã nhập danh sách: ghi 0 thay đổi.').waitFor();
  });

  it('the Office grants a head, who may then sign in as the head of its department', async () => {
    const office = await console().signIn('office');
    await office.getByRole('link', { name: 'Danh sách công chức' }).click();
    const select = office.getByLabel('Vai trò của Trần Thị Bích');
    expect(await select.inputValue()).toBe('member');
    await select.selectOption('head');
    await expect.poll(() => select.inputValue()).toBe('head');
    await console().runtime.settle();
    const head = await console().signIn('head', 'tran-thi-bich');
    await head.getByText('Trần Thị Bích').first().waitFor();
    const accounts = await fetch(`${console().runtime.url}/_local/accounts/bqlkkt-phuquoc`).then((response) => response.json() as Promise<{ accounts: { memberId: string; roles: string[] }[] }>);
    expect(accounts.accounts.find((each) => each.memberId === 'tran-thi-bich')?.roles).toEqual(['member', 'head']);
  });
});
