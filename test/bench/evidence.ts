import { randomBytes } from 'node:crypto';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { startRuntime } from '../../infra/local/runtime';
import { archiveEntries, zipStream } from '../../functions/evidence/archive';
import { ARCHIVE_PREFIX, evidenceKey } from '../../functions/evidence/storage';
import { declarationOf, putToStorage } from '../support/evidence';
import { client } from '../support/runtime';
import { round } from './stats';

const MB = 1024 * 1024;
const ORG = 'bench-org';
const CAMPAIGN = 'cchc-2021-2025';

/**
 * Evidence files (issue 12), on a runtime of their own:
 * - upload and confirm `files` files of `fileMb` MB, `concurrency` at a time, as the console does (ask for an
 *   upload URL, PUT to storage, confirm): the API's share of the time (its two calls per file) beside storage's, and
 *   the bytes the API received against those storage received (no file byte passes through a handler);
 * - the zip of a department whose sheet holds `zipMb` MB (files of 20 MB, uploaded as above), streamed storage to
 *   storage: its time and the process's peak RSS above what it was before (sampled every 10 ms), against its size.
 * Both in one process with the local S3 (s3rver and its front), so RSS covers all of them.
 */
export const evidenceBench = async ({ files = 100, fileMb = 1, zipMb = 100, concurrency = 8 } = {}) => {
  const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2025, 11, 15, 9), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger });
  try {
    const office = client(runtime, await runtime.token({ org: ORG, role: 'office' }));
    const ok = async (response: Promise<{ status: number; body: any }>) => {
      const answer = await response;
      if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    await ok(office.put(`/orgs/${ORG}/departments/phong-a`, { name: 'Phòng A' }));
    await ok(office.put(`/orgs/${ORG}/departments/phong-b`, { name: 'Phòng B' }));
    for (let m = 0; m < concurrency; m++) await ok(office.put(`/orgs/${ORG}/members/m-${m}`, { fullName: `Công chức ${m}`, departmentId: 'phong-a' }));
    // The zip's sheet holds more than the default 200 MB: the campaign raises its own limit.
    const evidenceLimits = { maxFileBytes: 20 * MB, maxSheetBytes: Math.max(zipMb, 200) * MB + MB };
    await ok(office.put(`/orgs/${ORG}/campaigns/${CAMPAIGN}`, { ...CAMPAIGN_TEMPLATES[CAMPAIGN], evidenceLimits }));
    await runtime.settle();
    const sheet = (participant: string) => `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/evaluations/${participant}`;

    // Upload and confirm, spread over `concurrency` members' sheets (one sheet's appends are serialized by design).
    let apiMs = 0;
    let storageMs = 0;
    const timed = async <T>(work: () => Promise<T>, add: (ms: number) => void) => {
      const t0 = performance.now();
      const result = await work();
      add(performance.now() - t0);
      return result;
    };
    const bytes = randomBytes(fileMb * MB);
    const [apiBefore, storageBefore] = [runtime.apiBytesReceived(), runtime.s3.bytesReceived()];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (next < files) {
          const index = next++;
          const declared = declarationOf({ criterion: 'cai-cach-the-che', fileName: `Tài liệu ${index}.pdf`, bytes });
          const planned = await timed(() => ok(office.post(`${sheet(`m-${worker}`)}/evidence-uploads`, declared)), (ms) => (apiMs += ms));
          const stored = await timed(() => putToStorage(planned.upload, bytes), (ms) => (storageMs += ms));
          if (stored.status !== 200) throw new Error(`storage answered ${stored.status}`);
          await timed(() => ok(office.post(`${sheet(`m-${worker}`)}/evidence-files`, { ...declared, fileId: planned.fileId })), (ms) => (apiMs += ms));
        }
      }),
    );
    const wallMs = performance.now() - started;
    const apiBytes = runtime.apiBytesReceived() - apiBefore;
    const storageBytes = runtime.s3.bytesReceived() - storageBefore;
    const upload = {
      files,
      fileMb,
      concurrency,
      wallSeconds: round(wallMs / 1000, 2),
      filesPerSecond: round(files / (wallMs / 1000)),
      apiMsPerFile: round(apiMs / files, 1),
      storageMsPerFile: round(storageMs / files, 1),
      apiShareOfTime: `${round((apiMs / (apiMs + storageMs)) * 100)}%`,
      bytesReceivedByApi: apiBytes,
      apiBytesPerFile: round(apiBytes / files),
      bytesReceivedByStorage: storageBytes,
      fileBytesThroughApi: apiBytes >= bytes.length ? 'some' : 'none (each file is larger than everything the API received)',
    };

    // The department's own sheet: 20 MB files up to zipMb, through the same presigned uploads.
    const big = randomBytes(Math.min(20, zipMb) * MB);
    for (let index = 0; index * big.length < zipMb * MB; index++) {
      const declared = declarationOf({ participantKind: 'department', criterion: `cai-cach-${['the-che', 'thu-tuc-hanh-chinh', 'to-chuc-bo-may'][index % 3]}`, fileName: `Hồ sơ ${index}.pdf`, bytes: big });
      const planned = await ok(office.post(`${sheet('phong-b')}/evidence-uploads`, declared));
      await putToStorage(planned.upload, big);
      await ok(office.post(`${sheet('phong-b')}/evidence-files`, { ...declared, fileId: planned.fileId }));
    }
    // The route's own pipeline (archive.ts: each file read when the zip reaches it, written in 8 MB parts), run
    // directly on the runtime's storage: the route has 29 s, as on AWS, and the local S3 (s3rver, on disk, in this
    // process) moves ~12 MB/s, so 500 MB would time out there; on AWS it is S3 to S3 from a 1 GB Lambda.
    const stored = (await ok(office.get(`${sheet('phong-b')}?participantKind=department`))).evidenceFiles;
    const entries = archiveEntries(CAMPAIGN_TEMPLATES[CAMPAIGN], [{ owner: null, files: stored, key: (fileId) => evidenceKey(ORG, `${CAMPAIGN}:2025:department:phong-b`, fileId) }]);
    const storage = runtime.deps.evidence!;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const zipStarted = performance.now();
    const archive = { files: entries.length, bytes: await storage.write(`${ARCHIVE_PREFIX}bench.zip`, zipStream(entries, storage), 'application/zip') };
    const zipSeconds = (performance.now() - zipStarted) / 1000;
    clearInterval(sampler);
    const zip = {
      files: archive.files,
      zipMb: round(archive.bytes / MB),
      seconds: round(zipSeconds, 2),
      mbPerSecond: round(archive.bytes / MB / zipSeconds),
      rssBeforeMb: round(baseline / MB),
      peakRssMb: round(peak / MB),
      peakRssAboveBeforeMb: round((peak - baseline) / MB),
    };
    return { upload, zip };
  } finally {
    await runtime.stop();
  }
};
