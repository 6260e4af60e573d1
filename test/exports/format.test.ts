import { describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { exportFileName, formatAnyVnDate, formatVnNumber, formatVnPercent, formatVnd, vnPlaceDateLine } from '../../functions/exports/format';
import { sheetName } from '../../functions/exports/xlsx-parts';

describe('Vietnamese formatting for exports', () => {
  it('groups thousands with dots and marks decimals with a comma', () => {
    expect(formatVnNumber(1234567)).toBe('1.234.567');
    expect(formatVnNumber(92.5)).toBe('92,5');
    expect(formatVnNumber(83.333)).toBe('83,33');
    expect(formatVnNumber(-1234.5)).toBe('-1.234,5');
    expect(formatVnNumber(-0.001)).toBe('0');
    expect(formatVnNumber(100)).toBe('100');
    expect(formatVnd(5_850_000)).toBe('5.850.000');
    expect(formatVnPercent(66.666)).toBe('66,67%');
  });

  it('writes dates dd/mm/yyyy in Asia/Ho_Chi_Minh, and the place-date line as Decree 30 does', () => {
    // 17:00 UTC on 30 March is already 31 March in Vietnam.
    expect(formatAnyVnDate('2026-03-30T17:00:00.000Z')).toBe('31/03/2026');
    expect(formatAnyVnDate('2026-03-30')).toBe('30/03/2026');
    expect(formatAnyVnDate(undefined)).toBe('');
    expect(vnPlaceDateLine('Phú Quốc', vnInstant(2026, 1, 5, 8))).toBe('Phú Quốc, ngày 05 tháng 01 năm 2026');
    expect(vnPlaceDateLine('Phú Quốc', { year: 2026, month: 3, day: 15 })).toBe('Phú Quốc, ngày 15 tháng 3 năm 2026');
    expect(vnPlaceDateLine('Phú Quốc', { year: 2026, month: 12, day: 22 })).toBe('Phú Quốc, ngày 22 tháng 12 năm 2026');
  });

  it('makes sheet names Excel accepts: 31 characters, no forbidden character, unique ignoring case', () => {
    const taken = new Set<string>();
    const first = sheetName('Phòng Tài nguyên: Môi trường / Quy hoạch [Đất đai]', taken);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(first).not.toMatch(/[:\\/?*[\]]/);
    taken.add(first);
    const second = sheetName(first.toUpperCase(), taken);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(sheetName("'History'", new Set())).toBe('Sheet 1');
    // Excel counts UTF-16 units; a cut never splits a surrogate pair.
    expect(sheetName('Phòng '.normalize('NFD') + '😀'.repeat(40), new Set())).toBe(`P. ${'😀'.repeat(14)}`);
  });

  it('shortens a long unit name between words, with the customary short forms, and keeps the names unique', () => {
    const taken = new Set<string>();
    const names = ['Phòng Quản lý Doanh nghiệp và Lao động', 'Phòng Quản lý Quy hoạch và Xây dựng', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch Phú Quốc'].map((name) => {
      const sheet = sheetName(name, taken);
      taken.add(sheet);
      return sheet;
    });
    expect(names).toEqual(['P. QL Doanh nghiệp và Lao động', 'P. QL Quy hoạch và Xây dựng', 'Trung tâm Xúc tiến Đầu tư']);
  });

  it('names files safely, in NFC', () => {
    expect(exportFileName('Phụ lục Quyết định số 16/QĐ-BQL'.normalize('NFD'), 'docx')).toBe('Phụ lục Quyết định số 16-QĐ-BQL.docx');
  });
});
