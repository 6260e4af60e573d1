import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import type { MemberEvent } from '../../events/organization';
import { fold } from '../../domain/decider';
import { memberDecider } from '../../domain/organization/member';
import type { Accounts } from '../accounts/accounts';
import { accountsLambdaDeps } from '../accounts/lambda';
import type { Deps } from '../deps';
import { embeddedMetrics } from '../metrics';
import { loadStream } from '../store/event-store';

/**
 * Accounts follow the roster: after any change to a member (the subscription lets only member events in), its
 * account is brought to what the member's whole history says: a member with an e-mail has an account (created and
 * invited the first time, its department kept up to date, its groups the roles the Office granted), disabled while it has left, enabled again on its return.
 * Recomputed from the stream, so a redelivered or reordered record changes nothing.
 */
const followMember = async (deps: Deps, accounts: Accounts, record: DynamoDBRecord) => {
  const id = parseStreamKey(record.dynamodb!.NewImage!.pk.S!);
  if (id.type !== 'member') return;
  const { profile, left, roles } = fold(memberDecider, (await loadStream(deps, id)) as unknown as MemberEvent[]);
  if (!profile?.email) return; // no address, no account: reminded on record only
  if (left) return accounts.disable(profile.email);
  await accounts.ensure({ org: id.org, memberId: id.id, email: profile.email, fullName: profile.fullName, departmentId: profile.departmentId });
  await accounts.setRoles(profile.email, roles);
  await accounts.enable(profile.email);
};

export const handleRecords = async (deps: Deps, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> => {
  const { accounts } = deps;
  if (!accounts) {
    // The local runtime has no user pool: its sign-in is POST /_local/token.
    deps.log('info', 'roster changes not applied to accounts: no user pool is configured', { records: records.length });
    return { batchItemFailures: [] };
  }
  for (const record of records) {
    try {
      await followMember(deps, accounts, record);
    } catch (error) {
      deps.log('error', 'account update failed', { sequenceNumber: record.dynamodb!.SequenceNumber, error: String(error) });
      // This record and everything after it come again (in order per member).
      return outcome(deps, records, [record.dynamodb!.SequenceNumber!]);
    }
  }
  return outcome(deps, records, []);
};

/** Logged per batch with the projector's metric names (infra/aws/metrics.ts): the same failure alarm watches it. */
const outcome = (deps: Deps, records: readonly DynamoDBRecord[], failures: string[]): DynamoDBBatchResponse => {
  deps.log('info', 'accounts batch', embeddedMetrics({ projector: 'accounts' }, { Records: { value: records.length, unit: 'Count' }, Failures: { value: failures.length, unit: 'Count' } }));
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => handleRecords(accountsLambdaDeps(), event.Records);
