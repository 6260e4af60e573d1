import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import { viewKeys } from '../store/view-keys';
import type { HttpMiddleware } from './middlewares';
import { HttpProblem } from './problem';

/**
 * Whoever left the agency no longer acts, whatever token it still holds. Leaving disables the account and revokes
 * its roles (domain/organization/member.ts), but a token issued before stays valid until it expires (an hour on
 * AWS), and the authorizer checks only its signature: so each request of a token naming a member reads that
 * member on the roster (one GetItem of its view item) and refuses it while it has left: 403 `account-disabled`.
 * After a return, a token issued before it carries the roles of before the leaving: 401, sign in again.
 * A token naming no member (a system or seeded account), or a member the roster does not know, is as its claims say.
 * On AWS every authenticated function may GetItem the views table's member items for this (infra/aws/access.ts).
 */
export const onStaff = (deps: () => Deps): HttpMiddleware => ({
  before: async (request) => {
    const actor = request.context.actor;
    if (!actor?.member) return;
    const { db, tables } = deps();
    const { Item } = await db.send(
      new GetCommand({ TableName: tables.views, Key: viewKeys.member(actor.org, actor.member), ProjectionExpression: '#left, returnedAt', ExpressionAttributeNames: { '#left': 'left' } }),
    );
    if (Item?.left) throw new HttpProblem('account-disabled', `member "${actor.member}" has left the agency (${(Item.left as { on: string }).on}): its account is disabled`);
    const issuedAt = Number(request.event.requestContext.authorizer?.jwt?.claims?.iat) * 1000;
    // `iat` is in whole seconds: a token of the very second of the return counts as after it.
    if (typeof Item?.returnedAt === 'string' && !(issuedAt >= Math.floor(Date.parse(Item.returnedAt) / 1000) * 1000)) {
      throw new HttpProblem('unauthorized', 'this token was issued before the member left and came back: sign in again');
    }
  },
});
