import { useApp } from '../context';
import { PageTitle } from '../ui/page-title';
import { SelfAssessmentEditor } from './self-assessment-editor';

/** A civil servant's own self-assessment for the year. */
export const MySelfAssessmentPage = () => {
  const { session } = useApp();
  return (
    <>
      <PageTitle>Tự chấm điểm</PageTitle>
      {session.member ? <SelfAssessmentEditor participantId={session.member} participantKind="member" /> : <p>Tài khoản chưa gắn với công chức nào.</p>}
    </>
  );
};
