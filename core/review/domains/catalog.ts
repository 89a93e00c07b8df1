/**
 * The domains a spec can touch (FR-1), each with the words and phrases that signal it and
 * their weights. Plain data: a term is a phrase matched case-insensitively at word starts;
 * a trailing `*` matches any ending ("refund*" matches refunds, refunded).
 */
export interface DomainDefinition {
  id: string;
  title: string;
  /** Weighted signals; a term counts at most three times so one repeated word cannot decide alone. */
  terms: Array<[term: string, weight: number]>;
  /**
   * Score the spec must reach, from at least two different terms, one of them a core term
   * (weight 4 or more): words shared by many features (rate limit, queue, email) support a
   * domain but never decide it alone.
   */
  threshold: number;
}

export const BUILTIN_DOMAINS: readonly DomainDefinition[] = [
  {
    id: 'authentication',
    title: 'Authentication and sessions',
    threshold: 8,
    terms: [['sign in', 4], ['sign-in', 4], ['signs in', 4], ['log in', 4], ['login*', 4], ['magic link*', 4], ['passwordless', 4], ['password*', 4], ['session*', 2], ['authenticat*', 3], ['two-factor', 4], ['2fa', 4], ['mfa', 4], ['one-time code', 4], ['otp', 3], ['sign-in link', 4], ['sso', 3], ['oauth', 3], ['credential*', 2]],
  },
  {
    id: 'authorisation',
    title: 'Authorisation and roles',
    threshold: 7,
    terms: [['role*', 2], ['permission*', 4], ['authoris*', 3], ['authoriz*', 3], ['access control', 4], ['admin*', 2], ['owner*', 1], ['tenant*', 4], ['forbidden', 4], ['403', 2], ['rbac', 4], ['least privilege', 4], ['may only', 1], ['acl', 3]],
  },
  {
    id: 'payments',
    title: 'Payments and money',
    threshold: 7,
    terms: [['payment*', 4], ['refund*', 4], ['charge*', 2], ['invoice*', 4], ['currenc*', 3], ['billing', 3], ['payout*', 4], ['stripe', 4], ['amount*', 1], ['price*', 2], ['subscription*', 2], ['card*', 1], ['ledger', 3], ['chargeback*', 4], ['cents', 3], ['eur', 2], ['usd', 2]],
  },
  {
    id: 'file-upload',
    title: 'File upload and storage',
    threshold: 10,
    terms: [['upload*', 4], ['file upload*', 5], ['attachment*', 4], ['mime', 3], ['content-type', 2], ['object storage', 2], ['s3', 1], ['bucket*', 1], ['multipart', 4], ['virus', 3], ['malware', 3], ['file size', 4], ['thumbnail*', 3], ['image*', 1]],
  },
  {
    id: 'outbound-calls',
    title: 'Outbound calls and webhooks',
    threshold: 7,
    terms: [['webhook*', 4], ['callback url*', 4], ['outbound', 3], ['third-party api', 3], ['http request* to', 2], ['retry', 1], ['retries', 1], ['signature', 2], ['hmac', 3], ['endpoint url', 3], ['delivery attempt*', 3], ['ssrf', 4], ['subscriber url*', 3]],
  },
  {
    id: 'data-import-export',
    title: 'Data import and export',
    threshold: 7,
    terms: [['import*', 4], ['export*', 4], ['csv', 4], ['spreadsheet*', 2], ['bulk', 2], ['json file', 2], ['download*', 1], ['column mapping', 3], ['row*', 1], ['xlsx', 3], ['backfill', 2]],
  },
  {
    id: 'search',
    title: 'Search',
    threshold: 7,
    terms: [['search*', 4], ['query', 1], ['queries', 1], ['full-text', 4], ['full text', 4], ['relevance', 3], ['rank*', 2], ['autocomplete', 3], ['filter*', 1], ['facet*', 3], ['results', 1], ['index*', 1], ['elasticsearch', 4], ['typeahead', 3]],
  },
  {
    id: 'notifications',
    title: 'Notifications and email',
    threshold: 7,
    terms: [['notification*', 4], ['notify', 3], ['email*', 1], ['e-mail*', 1], ['push', 2], ['sms', 3], ['daily digest', 4], ['weekly digest', 4], ['unsubscribe', 4], ['reminder*', 3], ['alert*', 1], ['inbox', 2], ['mailer', 2]],
  },
  {
    id: 'public-api',
    title: 'Public API and rate limits',
    threshold: 12,
    terms: [['public api', 4], ['api key*', 4], ['rate limit*', 2], ['429', 1], ['pagination', 2], ['paginat*', 1], ['api versioning', 4], ['/v1/', 1], ['cursor', 2], ['api client*', 3], ['developer*', 3], ['third-party developer*', 4], ['integrator*', 4], ['quota*', 3], ['openapi', 3]],
  },
  {
    id: 'personal-data',
    title: 'Personal data and compliance',
    threshold: 7,
    terms: [['personal data', 4], ['pii', 4], ['gdpr', 4], ['privacy', 3], ['retention', 3], ['erasure', 4], ['delete my', 3], ['consent', 3], ['data subject', 4], ['anonymi*', 3], ['pseudonymi*', 3], ['redact*', 2], ['audit*', 1], ['ccpa', 4], ['hipaa', 4]],
  },
  {
    id: 'concurrency-jobs',
    title: 'Concurrency and jobs',
    threshold: 7,
    terms: [['background job*', 4], ['job queue', 4], ['worker queue', 4], ['cron job*', 4], ['scheduled job*', 4], ['scheduler', 3], ['queue*', 2], ['worker*', 2], ['cron', 3], ['scheduled', 2], ['concurren*', 4], ['race condition*', 4], ['race', 2], ['lock*', 1], ['retry', 1], ['idempoten*', 2], ['batch*', 2], ['at the same time', 2], ['in parallel', 2]],
  },
  {
    id: 'ui-forms',
    title: 'UI forms and accessibility',
    threshold: 7,
    terms: [['form*', 2], ['field*', 1], ['button*', 2], ['accessib*', 4], ['screen reader*', 4], ['wcag', 4], ['keyboard', 3], ['validation message*', 3], ['placeholder', 2], ['focus', 2], ['aria', 3], ['modal', 2], ['dropdown', 2], ['label*', 1]],
  },
];
