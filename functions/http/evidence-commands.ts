import { randomUUID } from 'node:crypto';
import { type EvaluationCommand, evaluationDecider } from '../../domain/evaluation/decider';
import type { DeclaredFile } from '../../domain/evaluation/evidence';
import { executeCommand } from '../command';
import type { Deps } from '../deps';
import { evidenceStorage } from '../evidence/from-env';
import { evidenceKey } from '../evidence/storage';
import { commandRequest } from './command-request';
import { evaluationPath, evaluationStreamId, sheetResponse } from './evaluation-sheet';
import { loadEvaluationTarget } from './evaluation-target';
import { EvidenceConfirmBody, EvidenceFileParams, EvidenceUploadBody } from './evidence-request';
import { httpHandler } from './handler';
import type { HttpRequest, RouteHandler } from './types';

type Kind = 'department' | 'member';

/** Where a file of the sheet a request names is kept, for a participant of this kind. */
const fileKey = (request: HttpRequest, kind: Kind, fileId: string) => {
  const { org, campaignId, year, participantId } = evaluationPath(request);
  return evidenceKey(org, evaluationStreamId(org, campaignId, year, kind, participantId).id, fileId);
};

/** The sheet a request names, and how to run one evaluation command on it. */
const onSheet = async (request: HttpRequest, deps: Deps, kind?: Kind) => {
  const { id, context } = await loadEvaluationTarget(request, deps, kind);
  return { run: (command: EvaluationCommand) => executeCommand(deps, evaluationDecider, id, command, context, commandRequest(request)) };
};

const declared = ({ criterion, fileName, contentType, size, sha256 }: ReturnType<typeof EvidenceUploadBody.parse>): DeclaredFile => ({ criterion, name: fileName, contentType, size, sha256 });

/**
 * Evidence files of a self-assessment (one Lambda for the three, like the other evaluation commands):
 * - POST …/evidence-uploads: may this file be attached? If so, a new file id and a presigned PUT for exactly that
 *   object, type, size and SHA-256; nothing is written.
 * - POST …/evidence-files: the upload is done; the stored object is read (HeadObject, no byte) and the file is
 *   recorded (EvidenceFileAttached) only if its size, type and checksum are those declared.
 * - DELETE …/evidence-files/{fileId}: removed from a draft (EvidenceFileRemoved; the object stays, as the history
 *   names it, until the bucket's retention ends).
 * A submitted or final sheet's files are frozen with it (the same rule as its scores: domain/evaluation/decider.ts).
 */
export const route: RouteHandler = async (request, deps) => {
  if (request.method === 'DELETE') {
    const { fileId } = EvidenceFileParams.parse(request.params);
    const result = await (await onSheet(request, deps)).run({ type: 'RemoveEvidenceFile', fileId });
    return sheetResponse(result.events, request.actor);
  }
  const storage = evidenceStorage(deps);
  if (request.path.endsWith('/evidence-uploads')) {
    const body = EvidenceUploadBody.parse(request.body);
    const sheet = await onSheet(request, deps, body.participantKind);
    await sheet.run({ type: 'PlanEvidenceUpload', file: declared(body) });
    const fileId = randomUUID();
    const upload = await storage.uploadUrl(fileKey(request, body.participantKind, fileId), body);
    return { status: 200, body: { fileId, upload } };
  }
  const body = EvidenceConfirmBody.parse(request.body);
  // The path is checked before anything starts (a bad one must not leave a read in flight), then what storage
  // holds is read at the same time as the sheet's reference data.
  const key = fileKey(request, body.participantKind, body.fileId);
  const [sheet, stored] = await Promise.all([onSheet(request, deps, body.participantKind), storage.stat(key)]);
  const result = await sheet.run({ type: 'AttachEvidenceFile', fileId: body.fileId, file: declared(body), stored });
  return sheetResponse(result.events, request.actor, result.event ? 201 : 200);
};

export const handler = httpHandler(route);
