import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { client } from '../support/runtime';
import { consoleAt, DEMO, screenshot } from './console';

const COUNCIL = ['nguyen-van-an', 'le-minh-chau', 'vo-thi-hanh'];
const CYCLE = `/orgs/${DEMO}/campaigns/cchc-2026-2030/cycles/2026`;

describe('a council of three votes in the console', () => {
  const console = consoleAt(vnInstant(2026, 12, 22, 9));
  beforeAll(async () => {
    // The council and the proposal list, as the Office set them up (the console's forms are exercised elsewhere).
    const office = client(console().runtime, await console().runtime.token({ org: DEMO, role: 'office' }));
    expect((await office.put(`${CYCLE}/council`, { members: COUNCIL.map((memberId, index) => ({ memberId, chair: index === 0 })) })).status).toBe(201);
    const nominations = [
      { nomineeKind: 'member', nomineeId: 'tran-thi-bich', title: 'giay-khen', basis: 'Hoàn thành xuất sắc nhiệm vụ' },
      { nomineeKind: 'member', nomineeId: 'pham-quoc-dung', title: 'giay-khen', basis: 'Thành tích đột xuất' },
    ];
    expect((await office.put(`${CYCLE}/proposals/de-nghi-2026`, { nominations })).status).toBe(201);
    await console().runtime.settle();
  });

  it('the Office opens the session, each member casts its own ballot, the Office closes it and the tally appears', async () => {
    const office = await console().signIn('office');
    await office.getByRole('link', { name: 'Phiên họp Hội đồng' }).click();
    await office.getByRole('button', { name: 'Mở phiên biểu quyết' }).click();
    await expect.poll(() => office.getByTestId('status-de-nghi-2026').textContent()).toBe('Đang biểu quyết');

    const voters: Page[] = [];
    for (const [index, memberId] of COUNCIL.entries()) {
      const voter = await console().signIn('council', memberId);
      await voter.getByRole('heading', { name: /Biểu quyết năm 2026/ }).waitFor();
      await voter.getByRole('group', { name: /Trần Thị Bích \(Văn phòng\)/ }).getByLabel('Đồng ý', { exact: true }).check();
      await voter.getByRole('group', { name: /Phạm Quốc Dũng \(Phòng Quản lý Đầu tư\)/ }).getByLabel(index < 2 ? 'Đồng ý' : 'Không đồng ý', { exact: true }).check();
      if (index === 0) {
        expect(await voter.locator('form').textContent()).not.toMatch(/tran-thi-bich|pham-quoc-dung|de-nghi-2026/);
        await screenshot(voter, 'council-ballot-form');
      }
      await voter.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
      await voter.getByTestId('receipt').waitFor();
      voters.push(voter);
    }
    await screenshot(voters[0], 'council-ballot');

    await office.reload();
    await office.getByRole('heading', { name: /Phiên họp Hội đồng/ }).waitFor();
    // Attendance is taken among the council's three members only, not the roster's eight people (review D19).
    const attendance = office.getByRole('group', { name: 'Thành viên Hội đồng có mặt' });
    await expect.poll(() => attendance.getByRole('checkbox').count()).toBe(3);
    for (const outsider of ['Trần Thị Bích', 'Phạm Quốc Dũng', 'Bùi Văn Minh']) expect(await attendance.getByLabel(outsider).count()).toBe(0);
    for (const name of ['Nguyễn Văn An', 'Lê Minh Châu', 'Võ Thị Hạnh']) await attendance.getByLabel(name).check();
    await office.getByRole('button', { name: 'Kết thúc phiên và kiểm phiếu' }).click();
    const tally = office.getByTestId('tally');
    await tally.waitFor();
    const rows = await tally.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/Trần Thị Bích.*Giấy khen.*3.*0/);
    expect(rows[1]).toMatch(/Phạm Quốc Dũng.*Giấy khen.*2.*1/);
    await screenshot(office, 'office-council-tally');

    // Each voter finds its receipt in the minutes.
    await voters[0].getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => voters[0].getByTestId('counted').textContent()).toContain('Phiếu của bạn đã được kiểm');
    await screenshot(voters[0], 'council-counted');

    // The decision form starts from what passed: Trần Thị Bích's Giấy khen is its first line (review D15).
    await office.getByRole('link', { name: 'Quyết định khen thưởng' }).click();
    await office.getByTestId('from-tally').waitFor();
    const firstLine = office.locator('form .grid').nth(1);
    expect(await firstLine.getByLabel('Danh hiệu').inputValue()).toBe('giay-khen');
    expect(await firstLine.getByLabel('Người / tập thể được khen').inputValue()).toBe('tran-thi-bich');
    await screenshot(office, 'office-decision-from-tally');
  });
});
