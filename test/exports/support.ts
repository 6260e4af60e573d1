import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import type { Runtime } from '../../infra/local/runtime';
import { CAMPAIGN, ORG } from '../support/runtime';
import type { TokenRequest } from '../../infra/local/auth';

/** A download through the real HTTP server, as bytes (the test client parses JSON, an export is not). */
export const download = async (runtime: Runtime, who: Omit<TokenRequest, 'org'>, path: string) => {
  const token = await runtime.token({ org: ORG, ...who });
  const response = await fetch(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) };
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A download answered 200 with its type, saved under its exact Vietnamese name (RFC 6266 filename*). */
export const expectFile = (file: Awaited<ReturnType<typeof download>>, contentType: string, fileName: string) => {
  expect(file.status, new TextDecoder().decode(file.bytes.slice(0, 300))).toBe(200);
  expect(file.headers.get('content-type')).toBe(contentType);
  expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
};

/**
 * An award decision of the 2025 cycle: a body for PUT /orgs/{org}/decisions/{decisionId}; a voted title names the
 * session that passed it. The exports' fixtures score too few sheets for every recipient to be eligible, so the
 * decision records the legal basis of its grants (eligibility's refusals are test/http/law.test.ts's).
 */
export const decisionOf = (number: string, date: string, awards: readonly [title: string, recipientKind: string, recipientId: string, proposalId?: string][]) => ({
  campaignId: CAMPAIGN,
  year: 2025,
  number,
  date,
  signer: 'Trưởng ban Ban Quản lý Khu kinh tế Phú Quốc',
  legalBasis: 'Công văn số 8/SNV-TĐKT của Sở Nội vụ',
  awards: awards.map(([title, recipientKind, recipientId, proposalId]) => ({ title, recipientKind, recipientId, ...(proposalId ? { proposalId } : {}) })),
});

export const readXlsx = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
};

/** A sheet's rows as arrays of cell values (text, numbers), 1-based columns flattened to 0-based. */
export const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

export const readCsv = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from(Buffer.from(bytes)));
  return rowsOf(sheet);
};

/** The text of a .docx's body (word/document.xml), unzipped the way Word does. */
export const docxXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

/** The visible text of each table cell, in document order (runs joined). */
export const docxCells = (xml: string): string[] =>
  [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join(''));
