import { useState } from 'preact/hooks';
import { useSignedIn } from '../context';
import type { Problem } from '../api/problem';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { SelectField } from '../ui/select-field';
import { CommandStatus } from '../ui/status';

/** The API's ready-made campaigns (domain/campaign/templates.ts), by their titles. */
const TEMPLATES = [
  { value: 'cchc-2026-2030', label: 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2026-2030' },
  { value: 'cchc-2021-2025', label: 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025' },
];

const TAKEN: Problem = { code: 'campaign-exists', title: 'Mã này đã là của một phong trào của cơ quan: chọn mã khác (phát động lại sẽ ghi đè định nghĩa của nó).', status: 409 };

/**
 * The Office launches a campaign from a template: its criteria, titles, calendar and deadlines come with it. The
 * code (the campaign's id in the system) starts as the template's; one the organization already has is refused
 * here, since a PUT of it would redefine that campaign.
 */
export const LaunchCampaignPage = () => {
  const { api, session } = useSignedIn();
  const org = `/orgs/${encodeURIComponent(session.org)}`;
  const existing = useResource<{ campaigns: readonly { campaignId: string }[] }>(`${org}/campaigns`);
  const command = useCommand();
  const [template, setTemplate] = useState(TEMPLATES[0].value);
  const [campaignId, setCampaignId] = useState(TEMPLATES[0].value);
  const [saved, setSaved] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    if (existing.data?.campaigns.some((each) => each.campaignId === campaignId)) return command.setProblem(TAKEN);
    const body = { template };
    if (await command.run({ campaignId, body }, (options) => api.call('PUT', `${org}/campaigns/${encodeURIComponent(campaignId)}`, body, options))) {
      setSaved('Đã phát động phong trào: chọn nó ở đầu trang (tải lại trang) để làm việc với nó.');
      existing.reload();
    }
  };
  return (
    <>
      <PageTitle>Phát động phong trào</PageTitle>
      <form onSubmit={submit}>
        <SelectField
          label="Phong trào theo mẫu"
          value={template}
          onChange={(value) => {
            setTemplate(value);
            setCampaignId(value);
          }}
          options={TEMPLATES}
        />
        <label>
          Mã phong trào (trong hệ thống: chữ thường, số, gạch nối)
          <input value={campaignId} onInput={(event) => setCampaignId((event.target as HTMLInputElement).value.trim())} />
        </label>
        <button type="submit" disabled={command.busy}>
          Phát động
        </button>
      </form>
      <CommandStatus command={command} done={saved} />
    </>
  );
};
