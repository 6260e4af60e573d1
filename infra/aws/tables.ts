import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLES } from '../routes';

const attributeType = (type: 'S' | 'N') => (type === 'N' ? AttributeType.NUMBER : AttributeType.STRING);

/**
 * The two tables. Both are retained and point-in-time recoverable: the events table is the only source of truth,
 * and the views table, although rebuildable from it, is what every request reads.
 */
export class Tables extends Construct {
  readonly events: Table;
  readonly views: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const shared = {
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.events = new Table(this, 'Events', {
      ...shared,
      partitionKey: { name: TABLES.events.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLES.events.sortKey, type: attributeType(TABLES.events.sortKeyType) },
      // The projector needs only what was appended: events are never updated or deleted.
      stream: StreamViewType.NEW_IMAGE,
      deletionProtection: true,
    });
    this.views = new Table(this, 'Views', {
      ...shared,
      partitionKey: { name: TABLES.views.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLES.views.sortKey, type: attributeType(TABLES.views.sortKeyType) },
    });
    const { index } = TABLES.views;
    this.views.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
    });
  }
}
