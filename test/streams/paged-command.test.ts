import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { ruleSetFor } from '../../domain/awards/rule-sets';
import { type DecisionCommand, type DecisionContext, decisionDecider } from '../../domain/decisions/decider';
import { vnInstant } from '../../domain/time';
import { type CommandRequest, executeCommand } from '../../functions/command';
import type { Deps } from '../../functions/deps';
import { loadStream } from '../../functions/store/event-store';
import type { Runtime } from '../../infra/local/runtime';
import { everyoneEligible } from '../domain/fixtures';
import { CAMPAIGN, ORG, startTestRuntime } from '../support/runtime';

/**
 * A command that writes several events (a decision of 450 awards: three pages) against the real store, cut off
 * after its second write as a crashed Lambda would be: its retry writes the missing page and nothing twice.
 */
const office: Actor = { sub: 'user:van-phong', org: ORG, roles: ['office'] };
const members = Array.from({ length: 450 }, (_, index) => `m-${index}`);
const context: DecisionContext = {
  actor: office,
  recipients: new Map(members.map((id) => [`member:${id}`, { kind: 'member', id, departmentId: 'phong-a' }])),
  rewardFor: () => ({ amount: 702_000, ruleSet: 'nd98' }),
  rulesFor: ruleSetFor,
  sessions: new Map(),
  cycleGrants: {},
  cycleFacts: everyoneEligible(members.map((id) => ({ id, departmentId: 'phong-a' }))),
};
const command: DecisionCommand = {
  type: 'RecordDecision',
  draft: { campaignId: CAMPAIGN, year: 2025, number: '15/QĐ-BQL', date: '2025-12-22', signer: 'Trưởng ban', awards: members.map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId })) },
};
const request: CommandRequest = { actor: office, idempotency: { key: 'qd-15', requestHash: 'hash-of-the-body' } };
const id = { org: ORG, type: 'decision', id: 'qd-15' } as const;

/** The store, whose writes of events fail from the `survives + 1`-th on: the process died there. */
const crashingAfter = (deps: Deps, survives: number): Deps => {
  let writes = 0;
  const send = ((commandToSend: unknown) => {
    if (commandToSend instanceof PutCommand && commandToSend.input.TableName === deps.tables.events && ++writes > survives) return Promise.reject(new Error('the process died'));
    return deps.db.send(commandToSend as PutCommand);
  }) as Deps['db']['send'];
  return { ...deps, db: { ...deps.db, send } as Deps['db'] };
};

describe('a command of several events cut off between them', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 12, 26, 9));
  });
  afterAll(() => runtime.stop());

  it('is completed by its retry: the missing page once, then a replay of all three', async () => {
    await expect(executeCommand(crashingAfter(runtime.deps, 2), decisionDecider, id, command, context, request)).rejects.toThrow('the process died');
    const cut = await loadStream(runtime.deps, id);
    expect(cut.map((event) => [event.type, event.meta.part])).toEqual([
      ['DecisionRecorded', { index: 0, of: 3 }],
      ['DecisionAwardsAdded', { index: 1, of: 3 }],
    ]);

    const retried = await executeCommand(runtime.deps, decisionDecider, id, command, context, request);
    expect([retried.replayed, retried.version, retried.written.map((event) => event.version), retried.event?.version]).toEqual([false, 3, [1, 2, 3], 1]);
    expect([retried.state.content!.awards.map((award) => award.recipientId), retried.state.awardsToCome]).toEqual([members, 0]);

    const again = await executeCommand(runtime.deps, decisionDecider, id, command, context, request);
    expect([again.replayed, again.version, again.written.length]).toEqual([true, 3, 3]);
    expect(await loadStream(runtime.deps, id)).toHaveLength(3);
  });
});
