import { randomBytes } from 'node:crypto';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { SELF_SCORES, wholeAppraisal } from '../support/evaluation-fixtures';
import { PDF, attachEvidence, declarationOf, putToStorage, sha256Hex } from '../support/evidence';
import { type Client, CAMPAIGN, ORG, as, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { download, readXlsx, rowsOf } from '../exports/support';

const CYCLE = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025`;
const sheet = (participantId: string) => `${CYCLE}/evaluations/${participantId}`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The entries of a zip, name → bytes, read back with a real unzipper. */
const unzip = (bytes: Buffer) =>
  new Promise<Map<string, Buffer>>((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });

describe('evidence files over HTTP: presigned upload straight to storage, confirmation, reading, the zip', () => {
  let runtime: Runtime;
  let office: Client;
  let member: Client;
  let head: Client;
  let otherMember: Client;
  const report = Buffer.from(`%PDF-1.7 báo cáo ${randomBytes(2000).toString('hex')}`);
  const decision = randomBytes(3000);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9), { evidenceUploadSeconds: 1 });
    await setUpOrganization(runtime);
    office = await as(runtime, { role: 'office' });
    member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    otherMember = await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-b' });
  });
  afterAll(() => runtime.stop());

  it('uploads through the presigned URL, then records the file on confirmation with its Vietnamese name, size, type, sha-256, who and when', async () => {
    // The name arrives decomposed (NFD), as macOS gives it: it is recorded composed (NFC).
    const name = 'Báo cáo kết quả CCHC năm 2025.pdf';
    const { planned, stored, confirmed } = await attachEvidence(member, sheet('vien-a'), { criterion: 'cai-cach-the-che', fileName: name.normalize('NFD'), bytes: report });
    expect(planned.body.upload).toMatchObject({ method: 'PUT', headers: { 'content-type': PDF } });
    expect(new URL(planned.body.upload.url).origin).toBe(runtime.s3.endpoint);
    expect(stored.status).toBe(200);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.evidenceFiles).toEqual([
      { fileId: planned.body.fileId, criterion: 'cai-cach-the-che', name, size: report.length, contentType: PDF, sha256: sha256Hex(report), attachedAt: vnInstant(2025, 11, 15, 9).toISOString(), attachedBy: 'vien-a' },
    ]);
    const again = await member.post(`${sheet('vien-a')}/evidence-files`, { ...declarationOf({ criterion: 'cai-cach-the-che', fileName: name, bytes: report }), fileId: planned.body.fileId });
    expect([again.status, again.body.evidenceFiles.length], 'a retried confirmation records nothing more').toEqual([200, 1]);
  });

  it('refuses to record a file whose upload differs from its declaration in size or checksum, writing nothing', async () => {
    const before = await countEvents(runtime);
    const declared = declarationOf({ criterion: 'cai-cach-the-che', fileName: 'Quyết định.pdf', bytes: decision });
    const planned = await member.post(`${sheet('vien-a')}/evidence-uploads`, declared);
    // Storage itself refuses a body of another size (the signed Content-Length) or another checksum (BadDigest).
    const longer = await putToStorage(planned.body.upload, Buffer.concat([decision, Buffer.from('x')]));
    expect(longer.status).toBe(403);
    const altered = Buffer.from(decision);
    altered[0] ^= 0xff;
    const tampered = await putToStorage(planned.body.upload, altered);
    expect([tampered.status, await tampered.text()]).toEqual([400, expect.stringContaining('BadDigest')]);
    const nothing = await member.post(`${sheet('vien-a')}/evidence-files`, { ...declared, fileId: planned.body.fileId });
    expect([nothing.status, nothing.body.code]).toEqual([409, 'evidence-not-uploaded']);

    // A confirmation declaring other bytes than those stored is refused by what HeadObject answers.
    expect((await putToStorage(planned.body.upload, decision)).status).toBe(200);
    const otherSize = await member.post(`${sheet('vien-a')}/evidence-files`, { ...declared, size: declared.size - 1, fileId: planned.body.fileId });
    expect([otherSize.status, otherSize.body.code, otherSize.body.mismatch]).toEqual([400, 'evidence-mismatch', ['size']]);
    const otherSum = await member.post(`${sheet('vien-a')}/evidence-files`, { ...declared, sha256: sha256Hex(altered), fileId: planned.body.fileId });
    expect([otherSum.status, otherSum.body.code, otherSum.body.mismatch]).toEqual([400, 'evidence-mismatch', ['sha256']]);
    expect(await countEvents(runtime)).toBe(before);
  });

  it('refuses a wrong type: not accepted at all, a name that does not match it, or an upload sent as another type', async () => {
    const exe = await member.post(`${sheet('vien-a')}/evidence-uploads`, { ...declarationOf({ criterion: 'cai-cach-the-che', fileName: 'setup.exe', bytes: decision }), contentType: 'application/x-msdownload' });
    expect([exe.status, exe.body.code]).toEqual([400, 'evidence-type-not-allowed']);
    const misnamed = await member.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'bao-cao.docx', bytes: decision }));
    expect([misnamed.status, misnamed.body.code]).toEqual([400, 'evidence-type-not-allowed']);
    const planned = await member.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'bao-cao.pdf', bytes: decision }));
    const asWord = await putToStorage(planned.body.upload, decision, { 'content-type': DOCX });
    expect(asWord.status, 'the content type is signed').toBe(403);
    const tooBig = await member.post(`${sheet('vien-a')}/evidence-uploads`, { ...declarationOf({ criterion: 'cai-cach-the-che', fileName: 'lon.pdf', bytes: decision }), size: 20 * 1024 * 1024 + 1 });
    expect([tooBig.status, tooBig.body.code, tooBig.body.maxFileBytes]).toEqual([400, 'evidence-too-large', 20 * 1024 * 1024]);
    const unknown = await member.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'khong-co', fileName: 'a.pdf', bytes: decision }));
    expect(unknown.body.code).toBe('unknown-criterion');
  });

  it('refuses an expired upload URL', async () => {
    const planned = await member.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'muon.pdf', bytes: decision }));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await putToStorage(planned.body.upload, decision);
    expect([late.status, await late.text()]).toEqual([403, expect.stringContaining('Request has expired')]);
  });

  it('gives whoever may read the sheet a short-lived GET under the Vietnamese name; another department gets nothing', async () => {
    const files = (await member.get(sheet('vien-a'))).body.evidenceFiles;
    const path = `${sheet('vien-a')}/evidence-files/${files[0].fileId}`;
    for (const reader of [member, head, office]) {
      const answer = await reader.get(path);
      expect(answer.status).toBe(200);
      const download = await fetch(answer.body.download.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(`inline; filename="Bao cao ket qua CCHC nam 2025.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo kết quả CCHC năm 2025.pdf')}`);
      expect(Buffer.from(await download.arrayBuffer()).equals(report)).toBe(true);
    }
    const denied = await otherMember.get(path);
    expect([denied.status, denied.body.code]).toEqual([403, 'forbidden']);
    expect((await otherMember.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'x.pdf', bytes: decision }))).status).toBe(403);
    const stored = new URL((await member.get(path)).body.download.url);
    const unsigned = await fetch(`${stored.origin}${stored.pathname}`);
    expect(unsigned.status, 'the object without a signature').not.toBe(200);
  });

  it("removes a file from a draft as an event; a submitted sheet's files are frozen", async () => {
    const attached = await attachEvidence(member, sheet('vien-a'), { criterion: 'chinh-quyen-dien-tu-so', fileName: 'Ảnh chụp thống kê.pdf', bytes: decision });
    const fileId = attached.planned.body.fileId;
    const removed = await member.delete(`${sheet('vien-a')}/evidence-files/${fileId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.evidenceFiles.map((file: { fileId: string }) => file.fileId)).not.toContain(fileId);
    const history = await office.get(`/orgs/${ORG}/history/evaluation/${CAMPAIGN}:2025:member:vien-a`);
    expect(history.body.events.map((event: { type: string }) => event.type).slice(-2)).toEqual(['EvidenceFileAttached', 'EvidenceFileRemoved']);

    const kept = await attachEvidence(member, sheet('vien-a'), { criterion: 'chinh-quyen-dien-tu-so', fileName: 'Giữ lại.pdf', bytes: decision });
    expect((await member.put(`${sheet('vien-a')}/self-assessment`, { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(200);
    const before = await countEvents(runtime);
    const remove = await member.delete(`${sheet('vien-a')}/evidence-files/${kept.planned.body.fileId}`);
    expect([remove.status, remove.body.code]).toEqual([409, 'already-submitted']);
    const add = await member.post(`${sheet('vien-a')}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'sau.pdf', bytes: decision }));
    expect([add.status, add.body.code]).toEqual([409, 'already-submitted']);
    expect(await countEvents(runtime)).toBe(before);
  });

  it("zips every evidence file of the department's sheets, a folder per criterion, holding exactly those files", async () => {
    const own = await attachEvidence(head, sheet('phong-a'), { participantKind: 'department', criterion: 'cai-cach-the-che', fileName: 'Kế hoạch CCHC.pdf', bytes: report });
    expect(own.confirmed.status).toBe(201);
    const answer = await office.get(`${CYCLE}/departments/phong-a/evidence-archive`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ fileName: 'Tài liệu kiểm chứng 2025 - Phòng A.zip', files: 3 });
    const zip = Buffer.from(await (await fetch(answer.body.download.url)).arrayBuffer());
    expect(zip.length).toBe(answer.body.bytes);
    const entries = await unzip(zip);
    expect([...entries.keys()].sort()).toEqual([
      '01. Cải cách thể chế/Kế hoạch CCHC.pdf',
      '01. Cải cách thể chế/Nguyễn Văn A/Báo cáo kết quả CCHC năm 2025.pdf',
      '06. Xây dựng Chính quyền điện tử, Chính quyền số/Nguyễn Văn A/Giữ lại.pdf',
    ]);
    expect(entries.get('01. Cải cách thể chế/Kế hoạch CCHC.pdf')!.equals(report)).toBe(true);
    expect(entries.get('06. Xây dựng Chính quyền điện tử, Chính quyền số/Nguyễn Văn A/Giữ lại.pdf')!.equals(decision)).toBe(true);
    expect((await head.get(`${CYCLE}/departments/phong-a/evidence-archive`)).status, 'the Office only').toBe(403);
  });

  it('lists the files per criterion in the score sheet export: names, sizes, dates', async () => {
    const file = await download(runtime, { role: 'office' }, `${sheet('vien-a')}/export`);
    const rows = rowsOf((await readXlsx(file.bytes)).worksheets[0]);
    const header = rows.find((row) => row[0] === 'STT')!;
    const evidenceOf = (label: string) => String(rows.find((row) => row[1] === label)![header.indexOf('Tài liệu kiểm chứng')]).split('\n');
    expect(evidenceOf('Cải cách thể chế')).toContain('Tệp: Báo cáo kết quả CCHC năm 2025.pdf (4 KB, 15/11/2025)');
    expect(evidenceOf('Xây dựng Chính quyền điện tử, Chính quyền số')).toContain('Tệp: Giữ lại.pdf (3 KB, 15/11/2025)');
  });

  it("a finalized sheet's files cannot change", async () => {
    const path = sheet('vien-a');
    expect((await office.put(`${path}/appraisal`, wholeAppraisal(SELF_SCORES))).status).toBe(200);
    expect((await office.post(`${path}/finalize`, {})).status).toBe(200);
    const files = (await office.get(path)).body.evidenceFiles;
    const remove = await member.delete(`${path}/evidence-files/${files[0].fileId}`);
    expect([remove.status, remove.body.code]).toEqual([409, 'evaluation-finalized']);
    const add = await office.post(`${path}/evidence-uploads`, declarationOf({ criterion: 'cai-cach-the-che', fileName: 'moi.pdf', bytes: decision }));
    expect([add.status, add.body.code]).toEqual([409, 'evaluation-finalized']);
    expect((await office.get(path)).body.evidenceFiles).toEqual(files);
  });
});
