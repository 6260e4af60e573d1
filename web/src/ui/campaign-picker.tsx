import { useEffect, useState } from 'preact/hooks';
import { useSignedIn } from '../context';

interface CampaignListed {
  readonly campaignId: string;
  readonly title: string;
  readonly period: { readonly start: string; readonly end: string };
}

/** The organization's campaigns by title (GET /orgs/{org}/campaigns), newest first: picked, never typed. */
export const CampaignPicker = ({ campaignId, onCampaign }: { campaignId: string; onCampaign: (id: string) => void }) => {
  const { api, session } = useSignedIn();
  const [campaigns, setCampaigns] = useState<readonly CampaignListed[]>([]);
  useEffect(() => {
    api.get<{ campaigns: readonly CampaignListed[] }>(`/orgs/${encodeURIComponent(session.org)}/campaigns`).then(
      (result) => {
        setCampaigns(result.body.campaigns);
        // A remembered campaign the organization no longer has: open its newest instead.
        const known = result.body.campaigns.some((each) => each.campaignId === campaignId);
        if (!known && result.body.campaigns.length > 0) onCampaign(result.body.campaigns[0].campaignId);
      },
      () => setCampaigns([]),
    );
  }, [api, session.org]);
  return (
    <label class="campaign-picker">
      Phong trào
      <select value={campaignId} onChange={(event) => onCampaign((event.target as HTMLSelectElement).value)}>
        {campaigns.length === 0 && <option value={campaignId}>Đang tải danh sách phong trào…</option>}
        {campaigns.map((each) => (
          <option key={each.campaignId} value={each.campaignId}>
            {each.title}
          </option>
        ))}
      </select>
    </label>
  );
};
