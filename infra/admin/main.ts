import { parseArgs } from 'node:util';
import { type StackOutputs, createOrgOnAws, createUpwardOnAws } from './aws';
import { CreateOrg, CreateUpward, createOrgLocally, createUpwardLocally } from './create-org';

/**
 * npm run admin -- create-org | create-upward …: brings an agency (or a Sở Nội vụ) on. `--url` is the local
 * runtime; with `--user-pool-id`, `--events-table` and `--views-table` (the stack's outputs UserPoolId,
 * EventsTableName, ViewsTableName) it works on AWS with the current AWS credentials.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    'user-pool-id': { type: 'string' },
    'events-table': { type: 'string' },
    'views-table': { type: 'string' },
    org: { type: 'string' },
    name: { type: 'string' },
    'parent-body': { type: 'string' },
    place: { type: 'string' },
    abbreviation: { type: 'string' },
    'office-name': { type: 'string' },
    'office-email': { type: 'string' },
    'office-member': { type: 'string', default: 'van-thu-van-phong' },
    'office-department': { type: 'string', default: 'van-phong' },
    'office-department-name': { type: 'string', default: 'Văn phòng' },
    email: { type: 'string' },
    oversees: { type: 'string' },
  },
});
const profile = { name: values.name?.normalize('NFC'), parentBody: values['parent-body']?.normalize('NFC'), place: values.place?.normalize('NFC'), abbreviation: values.abbreviation };
const aws: StackOutputs | undefined = values['user-pool-id']
  ? { userPoolId: values['user-pool-id'], eventsTable: values['events-table'] ?? usage(), viewsTable: values['views-table'] ?? usage() }
  : undefined;
const url = values.url ?? 'http://127.0.0.1:3000';

if (positionals[0] === 'create-org') {
  const order = CreateOrg.parse({
    org: values.org,
    profile,
    office: { memberId: values['office-member'], fullName: values['office-name']?.normalize('NFC'), email: values['office-email'], departmentId: values['office-department'], departmentName: values['office-department-name']?.normalize('NFC') },
  });
  await (aws ? createOrgOnAws(aws, order) : createOrgLocally(url, order));
  console.log(`${order.org}: recorded, Office account ${order.office.email}`);
} else if (positionals[0] === 'create-upward') {
  const order = CreateUpward.parse({ org: values.org, profile, email: values.email, oversees: values.oversees?.split(',') });
  await (aws ? createUpwardOnAws(aws, order) : createUpwardLocally(url, order));
  console.log(`${order.org}: upward reader ${order.email}, overseeing ${order.oversees.join(', ')}`);
} else {
  usage();
}

function usage(): never {
  console.error('usage: npm run admin -- create-org --org ORG --name NAME --place PLACE --abbreviation ABBR --office-name NAME --office-email EMAIL [--url URL | --user-pool-id ID --events-table T --views-table T]\n       npm run admin -- create-upward --org ORG --name NAME --place PLACE --abbreviation ABBR --email EMAIL --oversees ORG,ORG [--url URL | --user-pool-id ID --events-table T --views-table T]');
  process.exit(2);
}
