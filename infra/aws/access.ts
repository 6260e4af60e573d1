import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { type TableAccess, TABLES } from '../routes';
import type { Tables } from './tables';

/**
 * The DynamoDB actions behind each access level, mirroring the store adapters (`functions/store`): reads are
 * GetItem/BatchGetItem/Query, a command appends with one conditional PutItem, a projector puts whole view items.
 * No UpdateItem or DeleteItem anywhere: the events table is append-only, and IAM enforces it.
 */
const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const WRITE = [...READ, 'dynamodb:PutItem'];

/** Merges the access of every spec that shares one entry (a write implies the read a command needs to load). */
export const mergeAccess = (accesses: readonly TableAccess[]): TableAccess => {
  const strongest = (table: keyof TableAccess) =>
    accesses.some((access) => access[table] === 'write') ? 'write' : accesses.some((access) => access[table] === 'read') ? 'read' : undefined;
  return { events: strongest('events'), views: strongest('views') };
};

/** Grants exactly `access` on the two tables: named ARNs only (the views' campaign index by name, not `index/*`). */
export const grantTableAccess = (grantee: IGrantable, tables: Tables, access: TableAccess) => {
  if (access.events) {
    Grant.addToPrincipal({ grantee, actions: access.events === 'write' ? WRITE : READ, resourceArns: [tables.events.tableArn] });
  }
  if (access.views) {
    Grant.addToPrincipal({
      grantee,
      actions: access.views === 'write' ? WRITE : READ,
      resourceArns: [tables.views.tableArn, `${tables.views.tableArn}/index/${TABLES.views.index.name}`],
    });
  }
};

/**
 * Every authenticated HTTP function checks that the caller's member is still on staff (functions/http/on-staff.ts):
 * GetItem on the views table, of the roster's member items only (their partition key is `<org>#members`).
 */
export const grantCallerCheck = (grantee: IGrantable, tables: Tables) => {
  Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:GetItem'],
    resourceArns: [tables.views.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['*#members'] } },
  });
};
