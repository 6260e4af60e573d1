import { vnInstant } from '../../domain/time';
import { addMembers, as, paths, setUpOrganization, startTestRuntime } from './runtime';

/**
 * A runtime on 22 December 2025 that keeps its log lines, with the organization set up and the 2025 council
 * constituted from members of a 'hoi-dong' department (the first member chairs); `member(id)` is that council member's client, its sub `user-<id>`.
 */
export const startCouncilRuntime = async (council: readonly string[]) => {
  const lines: Record<string, unknown>[] = [];
  const runtime = await startTestRuntime(vnInstant(2025, 12, 22, 9), { log: (level, message, fields) => lines.push({ level, message, ...fields }) });
  const { office } = await setUpOrganization(runtime);
  await addMembers(office, 'hoi-dong', council);
  await runtime.settle(); // the council names them: their views must be projected (as law.test.ts does)
  const constituted = await office.put(`${paths.cycle(2025)}/council`, { members: council.map((memberId, index) => ({ memberId, chair: index === 0 })) });
  if (constituted.status !== 201) throw new Error(`set-up failed: ${constituted.status} ${JSON.stringify(constituted.body)}`);
  return { runtime, office, lines, member: (id: string) => as(runtime, { role: 'council', member: id, sub: `user-${id}` }) };
};
