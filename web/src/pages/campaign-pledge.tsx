import { hasRole } from '../auth/session';
import { useApp } from '../context';
import { PageTitle } from '../ui/page-title';
import { PledgeEditor } from './pledge-editor';

/** The campaign-wide (5-year) pledge: a civil servant's own, and for a head also its department's. */
export const CampaignPledgePage = () => {
  const { session, campaign } = useApp();
  return (
    <>
      <PageTitle>Đăng ký thi đua cả giai đoạn</PageTitle>
      <p>{campaign.title}: đăng ký một lần cho cả giai đoạn, chậm nhất theo hạn đăng ký của năm đầu.</p>
      {session.member ? <PledgeEditor participantId={session.member} participantKind="member" campaignWide /> : <p>Tài khoản chưa gắn với công chức nào.</p>}
      {hasRole(session, 'head') && session.department && (
        <>
          <h2>Của phòng</h2>
          <PledgeEditor participantId={session.department} participantKind="department" campaignWide />
        </>
      )}
    </>
  );
};
