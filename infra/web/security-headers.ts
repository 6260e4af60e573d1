/**
 * The console's security headers, one description for both wirings: CloudFront's response headers policy
 * (infra/aws/console.ts) and the local runtime's static files (infra/local/static-files.ts), so the browser tests
 * run the console under the same Content-Security-Policy it gets on AWS.
 */
export interface ConsoleOrigins {
  /** Origins the console calls: the API, and on AWS the Cognito hosted UI's token endpoint. */
  readonly connect: readonly string[];
}

export const contentSecurityPolicy = ({ connect }: ConsoleOrigins) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // Chart.js sizes its canvas through the style attribute; no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const HSTS_MAX_AGE_SECONDS = 63_072_000; // two years, as preload lists expect
