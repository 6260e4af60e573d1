import ExcelJS from 'exceljs';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { startRuntime } from '../../infra/local/runtime';
import { tapCalls } from './call-counter';
import { round } from './stats';

const ORG = 'bench-roster';

/** A staff list of `rows` civil servants over `departments` departments, as the Office would upload it. */
const staffList = async (rows: number, departments: number) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['STT', 'Họ và tên', 'Chức vụ', 'Phòng/Đơn vị', 'Email']);
  for (let index = 0; index < rows; index++) sheet.addRow([index + 1, `Nguyễn Văn Thứ ${index}`, index % 10 === 0 ? 'Trưởng phòng' : 'Chuyên viên', `Phòng Chuyên môn ${index % departments}`, `cong-chuc-${index}@bench.gov.vn`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/**
 * The roster import of a 1,000-member agency through the local HTTP stack: the preview, the first apply (every
 * department and member new) and the same file again (nothing to write), each timed, with the DynamoDB calls and
 * capacity units the apply spends per row (stream delivery paused, so the projector's writes are not counted).
 */
export const rosterImport = async ({ rows, departments }: { rows: number; departments: number }) => {
  const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2025, 2, 1, 9), frozenClock: true, seed: false, autoSchedules: false, log: process.env.BENCH_LOG ? undefined : silentLogger });
  const token = await runtime.token({ org: ORG, role: 'office' });
  const file = await staffList(rows, departments);
  const body = JSON.stringify({ content: file.toString('base64') });
  const post = async (action: 'preview' | 'apply') => {
    const started = performance.now();
    const response = await fetch(`${runtime.url}/orgs/${ORG}/roster-imports/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    const text = await response.text();
    const answer = JSON.parse(text) as { written?: number; totals: Record<string, number> };
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${text}`);
    // Issue 17: no answer over 1 MB, at the 5,000 rows a file may hold too.
    return { seconds: round((performance.now() - started) / 1000, 2), answerKb: round(Buffer.byteLength(text) / 1024, 1), written: answer.written, totals: answer.totals };
  };
  const tap = tapCalls(runtime.deps.db);
  const measured = async (action: 'preview' | 'apply') => {
    runtime.streams.pause();
    tap.start();
    const result = await post(action);
    const tally = tap.stop();
    runtime.streams.resume();
    await runtime.settle();
    const calls = Object.values(tally.calls).reduce((sum, count) => sum + count, 0);
    return { ...result, dynamoCalls: tally.calls, callsPerRow: round(calls / rows, 2), writeUnitsPerRow: round(tally.writeCapacity / rows, 3), readUnitsPerRow: round(tally.readCapacity / rows, 2) };
  };
  const preview = await measured('preview');
  const apply = await measured('apply');
  const again = await measured('apply');
  await runtime.stop();
  return { rows, departments, fileKb: round(file.length / 1024, 1), preview, firstApply: apply, sameFileAgain: again };
};
