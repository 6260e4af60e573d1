import { useEffect, useState } from 'preact/hooks';
import { useSignedIn } from '../context';
import { useCommand, useRecord } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, FieldIssue, ProblemAlert } from '../ui/status';

interface Profile {
  readonly name: string;
  readonly parentBody?: string;
  readonly place: string;
  readonly abbreviation: string;
}

const FIELDS: readonly { readonly key: keyof Profile; readonly label: string; readonly hint: string }[] = [
  { key: 'name', label: 'Tên cơ quan', hint: 'Ban Quản lý Khu kinh tế Phú Quốc' },
  { key: 'parentBody', label: 'Cơ quan chủ quản trực tiếp', hint: 'UBND tỉnh An Giang' },
  { key: 'place', label: 'Địa danh (dòng ngày tháng)', hint: 'Phú Quốc' },
  { key: 'abbreviation', label: 'Chữ viết tắt tên cơ quan (ký hiệu văn bản)', hint: 'BQLKKTPQ' },
];

/** The Office sets who the agency is on paper: the header of every document it issues (PUT /orgs/{org}/profile). */
export const OrganizationProfilePage = () => {
  const { api, session } = useSignedIn();
  const path = `/orgs/${encodeURIComponent(session.org)}/profile`;
  const profile = useRecord<Profile>(path);
  const command = useCommand();
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  useEffect(() => {
    if (profile.data) setValues(Object.fromEntries(FIELDS.map(({ key }) => [key, profile.data?.[key] ?? ''])));
  }, [profile.data]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const body = Object.fromEntries(FIELDS.flatMap(({ key }) => (values[key]?.trim() ? [[key, values[key].trim()]] : [])));
    if (await command.run(body, (options) => api.call('PUT', path, body, { ...options, ifMatch: profile.etag }))) {
      setSaved('Đã lưu hồ sơ cơ quan.');
      profile.reload();
    }
  };
  return (
    <>
      <PageTitle>Hồ sơ cơ quan</PageTitle>
      <p>Tên và địa danh ở đầu mọi văn bản hệ thống lập (biên bản, phụ lục, báo cáo).</p>
      <ProblemAlert problem={profile.problem} />
      <form onSubmit={submit}>
        {FIELDS.map(({ key, label, hint }) => (
          <label key={key}>
            {label}
            <input name={key} placeholder={hint} value={values[key] ?? ''} aria-describedby={`profile-${key}-issue`} onInput={(event) => setValues({ ...values, [key]: (event.target as HTMLInputElement).value })} />
            <FieldIssue id={`profile-${key}-issue`} problem={command.problem} path={key} />
          </label>
        ))}
        <button type="submit" disabled={command.busy}>
          Lưu hồ sơ
        </button>
      </form>
      <CommandStatus command={command} done={saved} fields={Object.fromEntries(FIELDS.map(({ key, label }) => [key, label]))} />
    </>
  );
};
