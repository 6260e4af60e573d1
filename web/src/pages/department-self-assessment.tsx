import { useApp } from '../context';
import { PageTitle } from '../ui/page-title';
import { SelfAssessmentEditor } from './self-assessment-editor';

/** A head's self-assessment of its department (the collective), the same form as a civil servant's own. */
export const DepartmentSelfAssessmentPage = () => {
  const { session } = useApp();
  return (
    <>
      <PageTitle>Tự chấm điểm của phòng</PageTitle>
      {session.department ? <SelfAssessmentEditor participantId={session.department} participantKind="department" /> : <p>Tài khoản chưa gắn với phòng nào.</p>}
    </>
  );
};
