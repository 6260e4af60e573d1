import * as z from 'zod';
import { slug } from '../../events/text';
import { orgParams } from './respond';

/** What the self-inspection routes parse; the bodies are events/finding's content and closure. */
export const FindingParams = orgParams.extend({ departmentId: slug, findingId: slug });
export const FindingsQuery = z.object({ departmentId: slug.optional(), status: z.enum(['open', 'closed']).optional() });
