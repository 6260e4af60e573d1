import { refuse } from '../../domain/errors';
import { evidenceStorage } from '../evidence/from-env';
import { evidenceKey } from '../evidence/storage';
import { loadReadableEvaluation } from './evaluation-read';
import { EvidenceFileParams } from './evidence-request';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/** Types a browser shows itself open in its tab; the others (.docx, .xlsx) are saved. */
const SHOWN_INLINE = /^(application\/pdf|image\/)/;

/**
 * GET …/evaluations/{participantId}/evidence-files/{fileId}: a short-lived presigned GET of one evidence file of the
 * sheet, answering it under its Vietnamese name. Only whoever may read the score sheet gets one (its participant's
 * side, the Office and leadership, its appraisers); the bucket is private, so a guessed URL opens nothing.
 */
export const route: RouteHandler = async (request, deps) => {
  const { fileId } = EvidenceFileParams.parse(request.params);
  const evaluation = await loadReadableEvaluation(request, deps);
  const file = evaluation.state.files.find((each) => each.fileId === fileId) ?? refuse('not-found', 'no such evidence file on this sheet');
  const download = await evidenceStorage(deps).downloadUrl(evidenceKey(evaluation.org, evaluation.streamId.id, fileId), {
    name: file.name,
    contentType: file.contentType,
    disposition: SHOWN_INLINE.test(file.contentType) ? 'inline' : 'attachment',
  });
  return { status: 200, body: { file, download } };
};

export const handler = httpHandler(route);
