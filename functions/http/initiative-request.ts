import * as z from 'zod';
import { InitiativeContent } from '../../events/initiative';
import { slug, text } from '../../events/text';
import { cycleParams } from './respond';

/** What the initiative routes parse (recognize takes events/initiative's Recognition as it is). */
export const InitiativeParams = cycleParams.extend({ initiativeId: slug });
export const InitiativeBody = InitiativeContent.extend({ authorKind: z.enum(['department', 'member']), authorId: slug });
export const ProposeUpwardBody = z.strictObject({ note: text(2000).optional() }).optional();
