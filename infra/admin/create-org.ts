import { OrganizationProfile } from '../../events/organization';
import { slug } from '../../events/text';
import * as z from 'zod';

/** What `create-org` is told: the organization, its profile, and the person who becomes its first Office account. */
export const CreateOrg = z.strictObject({
  org: slug,
  profile: OrganizationProfile,
  office: z.strictObject({ memberId: slug, fullName: z.string().min(1).max(200), email: z.email(), departmentId: slug, departmentName: z.string().min(1).max(200) }),
});
export type CreateOrg = z.output<typeof CreateOrg>;

/** A Sở Nội vụ (upward) account: its own organization, and the agencies it oversees. */
export const CreateUpward = z.strictObject({ org: slug, profile: OrganizationProfile, email: z.email(), oversees: z.array(slug).min(1).max(100) });
export type CreateUpward = z.output<typeof CreateUpward>;

/** One API call of the steps below: method, path and JSON body; it throws unless the call succeeded. */
export type Call = (method: 'PUT', path: string, body: unknown) => Promise<void>;

const apiCaller =
  (url: string, token: string): Call =>
  async (method, path, body) => {
    const response = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };

/**
 * Records the organization through the API, as its Office would: the profile, the Office's department, the Office
 * person on the roster with its e-mail (the accounts function then makes its account and invites it) and the
 * office role granted to it. Every step is idempotent: running it again changes nothing.
 */
export const recordOrganization = async (call: Call, order: CreateOrg) => {
  const org = `/orgs/${order.org}`;
  await call('PUT', `${org}/profile`, order.profile);
  await call('PUT', `${org}/departments/${order.office.departmentId}`, { name: order.office.departmentName });
  await call('PUT', `${org}/members/${order.office.memberId}`, { fullName: order.office.fullName, departmentId: order.office.departmentId, email: order.office.email });
  await call('PUT', `${org}/members/${order.office.memberId}/roles`, { roles: ['office'] });
};

const localOfficeToken = async (url: string, org: string) => {
  const response = await fetch(`${url}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org, role: 'office', sub: 'admin:cli' }) });
  if (!response.ok) throw new Error(`POST /_local/token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
};

/** Against the local runtime: its /_local/token stands for the administrator's token (an Office one of that organization). */
export const createOrgLocally = async (url: string, order: CreateOrg) => {
  await recordOrganization(apiCaller(url, await localOfficeToken(url, order.org)), order);
};

/** Against the local runtime: the upward organization's profile; its reader signs in with /_local/token (role upward, orgs). */
export const createUpwardLocally = async (url: string, order: CreateUpward) => {
  await apiCaller(url, await localOfficeToken(url, order.org))('PUT', `/orgs/${order.org}/profile`, order.profile);
};
