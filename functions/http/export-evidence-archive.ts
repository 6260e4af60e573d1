import { createHash } from 'node:crypto';
import { requireOffice } from '../../domain/policies';
import { fold } from '../../domain/decider';
import { refuse } from '../../domain/errors';
import { evaluationDecider } from '../../domain/evaluation/decider';
import type { EvaluationEvent } from '../../events/evaluation';
import { type ArchivedSheet, archiveEntries, zipStream } from '../evidence/archive';
import { evidenceStorage } from '../evidence/from-env';
import { ARCHIVE_PREFIX, evidenceKey } from '../evidence/storage';
import { campaignStateOf } from '../reference';
import { loadStream } from '../store/event-store';
import { batchGetViews, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { evaluationStreamId } from './evaluation-sheet';
import { EvidenceArchiveParams } from './evidence-request';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/departments/{departmentId}/evidence-archive: every evidence file of the cycle for one
 * department (its own sheet and its members'), as one .zip with a folder per criterion, for the inspection file (hồ
 * sơ kiểm tra). The Office only.
 *
 * The zip is not sent through the API: on AWS the HTTP API buffers a Lambda's answer (6 MB at most) and a sheet may
 * hold 200 MB. It is streamed from storage into storage (each file read when the zip reaches it, written in 8 MB
 * parts, so the function's memory stays bounded whatever the size) and the answer is a presigned GET of it. The
 * archive's key is a digest of the files it holds, so asking again for the same files costs one HeadObject.
 */
export const route: RouteHandler = async (request, deps) => {
  requireOffice(request.actor);
  const { org, campaignId, year, departmentId } = EvidenceArchiveParams.parse(request.params);
  const [[campaignItem, department], members] = await Promise.all([
    batchGetViews(deps, [viewKeys.campaign(org, campaignId), viewKeys.department(org, departmentId)]),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  const definition = campaignStateOf(campaignItem)?.definition ?? refuse('not-found', 'no such campaign');
  if (!department) refuse('not-found', 'no such department');
  const participants = [
    { kind: 'department', id: departmentId, owner: null },
    ...members.filter((member) => member.departmentId === departmentId).map((member) => ({ kind: 'member', id: member.sk, owner: member.fullName as string })),
  ];
  const sheets: ArchivedSheet[] = await Promise.all(
    participants.map(async ({ kind, id, owner }) => {
      const streamId = evaluationStreamId(org, campaignId, year, kind, id);
      const state = fold(evaluationDecider, (await loadStream(deps, streamId)) as unknown as EvaluationEvent[]);
      return { owner, files: state.files, key: (fileId: string) => evidenceKey(org, streamId.id, fileId) };
    }),
  );
  const entries = archiveEntries(definition, sheets);
  const digest = createHash('sha256').update(JSON.stringify(entries.map(({ path, key }) => [path, key]))).digest('hex').slice(0, 32);
  const key = `${ARCHIVE_PREFIX}${org}/${campaignId}/${year}/${departmentId}/${digest}.zip`;

  const storage = evidenceStorage(deps);
  const bytes = (await storage.stat(key))?.size ?? (await storage.write(key, zipStream(entries, storage), 'application/zip'));
  const fileName = `Tài liệu kiểm chứng ${year} - ${department!.name as string}.zip`;
  const download = await storage.downloadUrl(key, { name: fileName, contentType: 'application/zip' });
  return { status: 200, body: { fileName, files: entries.length, bytes, download } };
};

export const handler = httpHandler(route);
