import { Duration, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Grant, type IRole } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, type CfnBucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ARCHIVE_PREFIX } from '../../functions/evidence/storage';
import type { RouteSpec } from '../routes';

/**
 * How long evidence files are kept: 20 years from upload. Circular 09/2011/TT-BNV (the Ministry of Home Affairs'
 * table of retention periods, group "Tài liệu thi đua, khen thưởng") keeps an agency's commendation files (hồ sơ
 * khen thưởng) 10 years for the forms its own head grants and 20 years for those of a provincial chairman or a
 * minister (the Bằng khen and provincial titles this movement proposes upward), and "hồ sơ thực hiện cải cách hành
 * chính" 20 years. Circular 10/2022/TT-BNV replaced it from 15/02/2023; its appendix could not be read here, so 20
 * years is assumed to stand: change this one number if the agency's archivist finds otherwise.
 */
export const EVIDENCE_RETENTION_YEARS = 20;

export type EvidenceAccess = NonNullable<RouteSpec['evidence']>;

/**
 * The evidence files' bucket: private (public access blocked, objects owned by the bucket), encrypted, TLS only,
 * versioned (an overwrite or a deletion keeps the earlier version for the retention period), access-logged, files
 * kept for the retention period and archives (.zip copies) a day. Browsers reach it only through presigned URLs,
 * from the console's origin (CORS).
 */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const retention = Duration.days(EVIDENCE_RETENTION_YEARS * 365 + Math.ceil(EVIDENCE_RETENTION_YEARS / 4));
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'access-logs', expiration: Duration.days(3 * 365) }],
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: "It is the evidence bucket's access log: logging the log would never end." });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [
        { id: 'evidence-retention', prefix: 'evidence/', expiration: retention, noncurrentVersionExpiration: retention, abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'archives-a-day', prefix: ARCHIVE_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /** Uploads (PUT, with their checksum header) and downloads from the console's origin only. */
  allowBrowsersFrom(origin: string) {
    this.bucket.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
      allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
  }

  /**
   * Exactly what a function's routes need (routes.ts `evidence`): presigning a PUT needs s3:PutObject, since a
   * presigned URL is only as good as its signer's permissions; HeadObject needs s3:GetObject, and s3:ListBucket so
   * that a missing object is 404, not 403. Objects only under their prefix: evidence/ or archives/.
   */
  grant(role: IRole, access: EvidenceAccess) {
    const objects = (prefix: string) => this.bucket.arnForObjects(`${prefix}*`);
    const statements: { actions: string[]; resourceArns: string[] }[] = {
      upload: [
        { actions: ['s3:PutObject', 's3:GetObject'], resourceArns: [objects('evidence/')] },
        { actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn] },
      ],
      read: [{ actions: ['s3:GetObject'], resourceArns: [objects('evidence/')] }],
      archive: [
        { actions: ['s3:GetObject'], resourceArns: [objects('evidence/')] },
        { actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'], resourceArns: [objects(ARCHIVE_PREFIX)] },
        { actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn] },
      ],
    }[access];
    for (const statement of statements) Grant.addToPrincipal({ grantee: role, ...statement });
    this.bucket.encryptionKey?.grantEncryptDecrypt(role);
    // How cdk-nag names the bucket's ARN in the role's template: its own resource, or (for a role in a nested
    // stack) the parameter CDK passes it in.
    const bucket = this.bucket.node.defaultChild as CfnBucket;
    const arn = Stack.of(role) === Stack.of(this) ? `<${Stack.of(this).getLogicalId(bucket)}.Arn>` : `<referenceto${Names.nodeUniqueId(bucket.node)}Arn>`;
    Validations.of(role).acknowledge(
      ...['evidence/', ARCHIVE_PREFIX]
        .filter((prefix) => statements.some((statement) => statement.resourceArns.includes(objects(prefix))))
        .map((prefix) => ({ id: `AwsSolutions-IAM5[Resource::${arn}/${prefix}*]`, reason: `Every file is its own object under ${prefix}, named by a random id when it is uploaded: the prefix is the narrowest scope.` })),
    );
  }
}
