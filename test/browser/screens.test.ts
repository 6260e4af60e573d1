import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { client } from '../support/runtime';
import { consoleAt, DEMO, screenshot } from './console';

const CYCLE = `/orgs/${DEMO}/campaigns/cchc-2026-2030/cycles/2026`;

describe('a screen for every task the API offers (review D3)', () => {
  // Mid-November: self-assessment open, registration long closed.
  const console = consoleAt(vnInstant(2026, 11, 15, 9));
  const office = async () => client(console().runtime, await console().runtime.token({ org: DEMO, role: 'office' }));

  it('a head self-assesses its department, on the same form as its own', async () => {
    const page = await console().signIn('head', 'le-minh-chau');
    await page.getByRole('link', { name: 'Tự chấm điểm của phòng' }).click();
    await page.getByRole('heading', { name: 'Bản tự chấm điểm năm 2026' }).waitFor();
    const first = page.getByRole('group', { name: /Cải cách thể chế/ });
    await first.getByLabel('Điểm tự chấm').fill('8,25');
    await first.getByLabel('Giải trình (khi không có tài liệu kiểm chứng)').fill('Báo cáo của phòng');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();
    const sheet = await (await office()).get(`${CYCLE}/evaluations/phong-quan-ly-dau-tu?participantKind=department`);
    expect(sheet.body.status).toBe('draft');
    expect(sheet.body.selfAssessment.scores[0]).toMatchObject({ criterion: 'cai-cach-the-che', score: 8.25 });
    await screenshot(page, 'head-department-self-assessment');
  });

  it('a civil servant submits initiatives; the Office sends one to review, recognizes and proposes it upward, rejects the other', async () => {
    const member = await console().signIn('member', 'tran-thi-bich');
    await member.getByRole('link', { name: 'Sáng kiến' }).click();
    for (const title of ['Số hóa hồ sơ một cửa', 'Sổ tay thủ tục']) {
      await member.getByLabel('Tên sáng kiến, giải pháp').fill(title);
      await member.getByLabel('Thực trạng, vấn đề cần giải quyết').fill('Tra cứu hồ sơ chậm');
      await member.getByLabel('Nội dung giải pháp').fill('Quét và lưu trữ điện tử');
      await member.getByLabel('Hiệu quả đạt được').fill('Giảm 30% thời gian tra cứu');
      await member.getByLabel('Phạm vi áp dụng').fill('Bộ phận Một cửa');
      await member.getByRole('button', { name: 'Nộp sáng kiến' }).click();
      await member.getByText(`Đã nộp sáng kiến “${title}”.`).waitFor();
    }
    await console().runtime.settle();

    const page = await console().signIn('office');
    await page.getByRole('link', { name: 'Sáng kiến' }).click();
    const digital = page.getByTestId('initiative').filter({ hasText: 'Số hóa hồ sơ một cửa' });
    await expect.poll(() => digital.textContent()).toContain('Tác giả: Trần Thị Bích');
    await digital.getByRole('button', { name: 'Chuyển Hội đồng xem xét' }).click();
    await digital.getByLabel('Số quyết định công nhận').fill('45/QĐ-BQLKKTPQ');
    await digital.getByLabel('Ngày quyết định').fill('10/11/2026');
    await digital.getByRole('button', { name: 'Công nhận sáng kiến' }).click();
    await expect.poll(() => digital.textContent()).toContain('Đã công nhận (Quyết định số 45/QĐ-BQLKKTPQ ngày 10/11/2026)');
    await digital.getByRole('button', { name: 'Đề nghị cấp trên công nhận' }).click();
    await expect.poll(() => digital.textContent()).toContain('Đã đề nghị cấp trên công nhận');
    const handbook = page.getByTestId('initiative').filter({ hasText: 'Sổ tay thủ tục' });
    await handbook.getByLabel('Lý do không công nhận').fill('Trùng giải pháp năm trước');
    await handbook.getByRole('button', { name: 'Không công nhận' }).click();
    await expect.poll(() => handbook.textContent()).toContain('Không công nhận — Lý do: Trùng giải pháp năm trước');
    await screenshot(page, 'office-initiatives');
  });

  it('the Office records a disciplinary measure, and the member is no longer eligible', async () => {
    const page = await console().signIn('office');
    await page.getByRole('link', { name: 'Kỷ luật' }).click();
    await page.getByLabel('Công chức').selectOption({ label: 'Bùi Văn Minh' });
    await page.getByLabel('Hình thức kỷ luật').selectOption({ label: 'Khiển trách' });
    await page.getByLabel('Lý do, số quyết định kỷ luật').fill('Quyết định số 12/QĐ-BQLKKTPQ');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi nhận hình thức kỷ luật của Bùi Văn Minh năm 2026.').waitFor();
    await console().runtime.settle();
    const eligibility = await (await office()).get(`${CYCLE}/eligibility/bui-van-minh?participantKind=member`);
    expect(JSON.stringify(eligibility.body)).toMatch(/kỷ luật/);
    await screenshot(page, 'office-discipline');
  });

  it('the Office reminds for the self-assessment deadline, and sees whom', async () => {
    const page = await console().signIn('office');
    await page.getByRole('link', { name: 'Nhắc hạn' }).click();
    const article = page.locator('article', { has: page.getByRole('heading', { name: 'Tự chấm điểm' }) });
    expect(await article.textContent()).toContain('Hạn: 10/12/2026 23:59 (giờ Việt Nam) · đang mở');
    expect(await page.getByRole('button', { name: /Nhắc tập thể, cá nhân chưa đăng ký/ }).isDisabled()).toBe(true);
    await article.getByRole('button', { name: /Nhắc/ }).click();
    await expect.poll(() => page.locator('.saved').textContent()).toMatch(/Đã gửi nhắc nhở: .*Bùi Văn Minh/);
    await screenshot(page, 'office-reminders');
  });

  it('the Office sets the organization profile and launches a campaign from a template', async () => {
    const page = await console().signIn('office');
    await page.getByRole('link', { name: 'Hồ sơ cơ quan' }).click();
    await expect.poll(() => page.getByLabel('Tên cơ quan', { exact: true }).inputValue()).toBe('Ban Quản lý Khu kinh tế Phú Quốc');
    await page.getByLabel('Địa danh (dòng ngày tháng)').fill('TP. Phú Quốc');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ cơ quan.').waitFor();
    expect((await (await office()).get(`/orgs/${DEMO}/profile`)).body.place).toBe('TP. Phú Quốc');

    await page.getByRole('link', { name: 'Phát động phong trào' }).click();
    // The template's own code is taken (the demo launched it): refused here, never a silent redefinition.
    await page.getByRole('button', { name: 'Phát động' }).click();
    await page.getByText(/Mã này đã là của một phong trào/).waitFor();
    await page.getByLabel(/Mã phong trào/).fill('cchc-2026-2030-thu-nghiem');
    await page.getByRole('button', { name: 'Phát động' }).click();
    await page.getByText(/Đã phát động phong trào/).waitFor();
    expect((await (await office()).get(`/orgs/${DEMO}/campaigns/cchc-2026-2030-thu-nghiem`)).status).toBe(200);
    await screenshot(page, 'office-launch-campaign');
  });
});

describe('the campaign-wide (5-year) pledge has a screen (review D3)', () => {
  // February 2026: the 2026-2030 campaign's 5-year pledge is due by the first year's deadline, 30 March.
  const console = consoleAt(vnInstant(2026, 2, 10, 9));

  it('a head registers its own and its department’s pledge for the whole period', async () => {
    const page = await console().signIn('head', 'vo-thi-hanh');
    // Neither pledge exists yet: the screen must not get 404s, which the browser logs as failed loads (review D32).
    const notFound: string[] = [];
    page.on('response', (response) => response.status() === 404 && notFound.push(response.url()));
    await page.getByRole('link', { name: 'Đăng ký cả giai đoạn' }).click();
    await page.getByRole('heading', { name: 'Bản đăng ký thi đua giai đoạn 2026-2030' }).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Đăng ký', exact: true }).count()).toBe(2);
    expect(notFound).toEqual([]);
    expect(await page.locator('.countdown strong').first().textContent()).toBe('30/03/2026 23:59 (giờ Việt Nam)');
    const mine = page.locator('section').first();
    await mine.getByLabel('Lao động tiên tiến', { exact: true }).check();
    await mine.getByLabel('Cam kết 1').fill('Hoàn thành 100% hồ sơ đúng hạn trong cả giai đoạn');
    await mine.getByRole('button', { name: 'Đăng ký' }).click();
    await mine.getByText(/Đã lưu bản đăng ký lúc/).waitFor();
    const token = await console().runtime.token({ org: DEMO, role: 'office' });
    const pledge = await client(console().runtime, token).get(`/orgs/${DEMO}/campaigns/cchc-2026-2030/pledges/vo-thi-hanh?participantKind=member`);
    expect(pledge.body).toMatchObject({ status: 'active', targetTitles: ['lao-dong-tien-tien'] });
    await screenshot(page, 'head-campaign-pledge');
  });
});
