import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { docxCells, docxXml } from '../exports/support';
import { client, startTestRuntime } from '../support/runtime';
import { DEMO, SCREENSHOTS } from './console';

const CAMPAIGN = `/orgs/${DEMO}/campaigns/cchc-2026-2030`;
const CYCLE = `${CAMPAIGN}/cycles/2026`;
const COUNCIL = ['nguyen-van-an', 'le-minh-chau', 'vo-thi-hanh'];

/** Words of a text as a reader sees them (NFC, split at white space). */
const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);

/** How many times each word occurs. */
const countWords = (all: readonly string[]) => all.reduce((counts, word) => counts.set(word, (counts.get(word) ?? 0) + 1), new Map<string, number>());

/**
 * The .docx rendered as LibreOffice (Debian's libreoffice-writer-nogui, Liberation Serif standing in for Times New
 * Roman with the same metrics) lays it out: its PDF's text, and a PNG of every page beside the console's screenshots.
 */
const render = (name: string, bytes: Uint8Array) => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-doc-'));
  try {
    writeFileSync(join(dir, `${name}.docx`), bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'ignore', timeout: 120_000 });
    const pdf = join(dir, `${name}.pdf`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SCREENSHOTS, `doc-${name}`)]);
    return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8'), pages: readdirSync(SCREENSHOTS).filter((file) => file.startsWith(`doc-${name}-`)).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * No word of a table cell is split across lines: every such word occurs in the PDF's text, whole, at least as often
 * as the document writes it (a split "Đồng" reads "Đồn" and "g" there, one "Đồng" short).
 */
const expectNoSplitWords = async (name: string, bytes: Uint8Array) => {
  const xml = await docxXml(bytes);
  const { text, pages } = render(name, bytes);
  expect(pages).toBeGreaterThan(0);
  const inPdf = countWords(words(text));
  const inDocument = countWords(words(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')));
  // Punctuation alone (a dash) is not a word: pdftotext joins a line ending in one to the next.
  const split = [...new Set(docxCells(xml).flatMap(words))].filter((word) => /[\p{L}\p{N}]/u.test(word)).filter((word) => (inPdf.get(word) ?? 0) < (inDocument.get(word) ?? 0));
  expect(split, `${name}: words broken inside a table cell`).toEqual([]);
};

describe('the documents as LibreOffice lays them out: no Vietnamese word split inside a table cell', () => {
  let runtime: Runtime;
  const files = new Map<string, Uint8Array>();
  const download = async (path: string) => {
    const response = await fetch(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${await runtime.token({ org: DEMO, role: 'office' })}` } });
    expect(response.status, path).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2026, 12, 22, 9), { seed: true });
    const office = client(runtime, await runtime.token({ org: DEMO, role: 'office' }));
    expect((await office.put(`${CYCLE}/council`, { members: COUNCIL.map((memberId, index) => ({ memberId, chair: index === 0 })) })).status).toBe(201);
    const nominations = [
      { nomineeKind: 'member', nomineeId: 'tran-thi-bich', title: 'lao-dong-tien-tien', basis: 'Hoàn thành tốt nhiệm vụ' },
      { nomineeKind: 'department', nomineeId: 'phong-doanh-nghiep-lao-dong', title: 'tap-the-lao-dong-tien-tien', basis: 'Hoàn thành tốt nhiệm vụ' },
    ];
    expect((await office.put(`${CYCLE}/proposals/de-nghi-2026`, { nominations })).status).toBe(201);
    expect((await office.post(`${CYCLE}/proposals/de-nghi-2026/open`, undefined)).status).toBe(200);
    for (const memberId of COUNCIL) {
      const voter = client(runtime, await runtime.token({ org: DEMO, role: 'council', member: memberId, sub: `council:${memberId}` }));
      expect((await voter.post(`${CYCLE}/proposals/de-nghi-2026/ballot`, { votes: [{ nomination: 0, approve: true }, { nomination: 1, approve: true }] })).status).toBe(201);
    }
    expect((await office.post(`${CYCLE}/proposals/de-nghi-2026/close`, { present: COUNCIL })).status).toBe(200);
    const decision = {
      campaignId: 'cchc-2026-2030',
      year: 2026,
      number: '125/QĐ-BQLKKTPQ',
      date: '2026-12-25',
      signer: 'Nguyễn Văn X',
      signerPosition: 'Trưởng ban',
      // The demo's 2026 sheets are not finalized here: the annex's test records the grants' legal basis.
      legalBasis: 'Công văn số 21/SNV-TĐKT của Sở Nội vụ',
      awards: [
        { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'tran-thi-bich' },
        { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: 'phong-doanh-nghiep-lao-dong' },
      ],
    };
    const recorded = await office.put(`/orgs/${DEMO}/decisions/qd-125-2026`, decision);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    await runtime.settle();
    files.set('minutes', await download(`${CYCLE}/proposals/de-nghi-2026/minutes`));
    files.set('annex', await download(`/orgs/${DEMO}/decisions/qd-125-2026/annex`));
    files.set('report-2026', await download(`${CAMPAIGN}/reports?from=2026&to=2026`));
    files.set('report-final', await download(`${CAMPAIGN}/reports`));
    files.set('report-2021-2025', await download(`/orgs/${DEMO}/campaigns/cchc-2021-2025/reports`));
  }, 120_000);
  afterAll(() => runtime?.stop());

  for (const name of ['minutes', 'annex', 'report-2026', 'report-final', 'report-2021-2025']) {
    it(`${name}: every word of every table cell stays whole`, () => expectNoSplitWords(name, files.get(name)!), 120_000);
  }
});
