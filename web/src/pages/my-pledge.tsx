import { useApp } from '../context';
import { PageTitle } from '../ui/page-title';
import { PledgeEditor } from './pledge-editor';

/** A civil servant's own pledge for the year. */
export const MyPledgePage = () => {
  const { session } = useApp();
  return (
    <>
      <PageTitle>Đăng ký thi đua của tôi</PageTitle>
      {session.member ? <PledgeEditor participantId={session.member} participantKind="member" /> : <p>Tài khoản chưa gắn với công chức nào.</p>}
    </>
  );
};
