import { slug } from '../../events/text';
import { orgParams } from './respond';

/** Paths of the roster's writes; their bodies are the profiles of events/organization. */
export const DepartmentParams = orgParams.extend({ departmentId: slug });
export const MemberParams = orgParams.extend({ memberId: slug });
