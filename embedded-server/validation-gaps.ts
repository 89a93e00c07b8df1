/**
 * For each defect, the gap in a spec that lets it through and a criterion that closes it, as parts
 * (given, when, then) the validator writes in the spec's own style. Every part is a phrase the
 * step library binds, so an inserted suggestion runs as written. Imports nothing (see
 * validation-steps.ts).
 */
export interface DefectGap {
  defect: string;
  gap: string;
  given: string[];
  when: string;
  then: string[];
}

const REQUEST_WITH_ADDRESS = 'POST /auth/magic-link/request is sent with that address in `{"email": string}`';

export const defectGaps: DefectGap[] = [
  {
    defect: 'email-failure-ignored',
    gap: 'nothing says what happens when the email cannot be sent, so a link can be reported sent that never left',
    given: ["an active user's registered email", 'an email service that fails on the next send'],
    when: REQUEST_WITH_ADDRESS,
    then: ['the response status is 503', 'the body is `{"error":"EMAIL_SEND_FAILED"}`', '0 rows remain in magic_link_tokens for that user'],
  },
  {
    defect: 'verify-race',
    gap: 'no criterion sends one token twice at the same moment, so a read-then-write verify issues several sessions',
    given: ['an unused magic link for an active user'],
    when: 'POST /auth/magic-link/verify is sent 50 times concurrently with that token',
    then: ['exactly 1 response has status 200', '49 responses have status 400 with the body `{"error":"TOKEN_USED"}`'],
  },
  {
    defect: 'suspended-gets-link',
    gap: 'only unknown addresses are checked; a suspended account can still be sent a working link',
    given: ["a suspended user's registered email"],
    when: REQUEST_WITH_ADDRESS,
    then: ['the response status is 202', '0 emails are sent', '0 rows are added to magic_link_tokens'],
  },
  {
    defect: 'logs-full-email',
    gap: 'the log format is required in prose only; no criterion reads the log for a full address',
    given: ['an unused magic link for an active user'],
    when: 'POST /auth/magic-link/verify is sent with that token',
    then: ['the response status is 200', "no log line contains the user's full email address"],
  },
  {
    defect: 'old-links-stay-valid',
    gap: 'nothing says what a new link does to the older ones, so every link ever sent stays usable',
    given: ['an unused magic link for an active user', 'a second link requested for the same user'],
    when: 'POST /auth/magic-link/verify is sent with the first token',
    then: ['the response status is 400', 'the body is `{"error":"TOKEN_USED"}`'],
  },
  {
    defect: 'plaintext-token',
    gap: 'no criterion reads the stored row, so the raw token can sit in the database',
    given: ['an unused magic link for an active user'],
    when: 'the newest magic_link_tokens row for that user is read',
    then: ['token_hash equals the 64-character SHA-256 hex digest of the raw token in the email', 'the raw token string appears in no column of that row'],
  },
  {
    defect: 'weak-token',
    gap: 'the token format is not checked, so a short guessable token passes',
    given: ["an active user's registered email"],
    when: REQUEST_WITH_ADDRESS,
    then: ['the response status is 202', 'exactly 1 email goes out through EmailService.sendTransactional containing a URL of the form `{APP_BASE_URL}/auth/magic-link/verify?token=` followed by 64 hex characters'],
  },
  {
    defect: 'no-rate-limit',
    gap: 'no criterion sends more requests than the limit allows',
    given: ['5 calls to POST /auth/magic-link/request for one registered email within the last 60 minutes'],
    when: 'a 6th call for the same email is sent',
    then: ['the response status is 429', 'the body is `{"error":"RATE_LIMIT_EXCEEDED"}`'],
  },
  {
    defect: 'enumeration-404',
    gap: 'the answer for an unknown address is not pinned down, so it can reveal who has an account',
    given: ['an email address that matches no row in the users table'],
    when: 'POST /auth/magic-link/request is sent with that address',
    then: ['the response status is 202', '0 emails are sent'],
  },
  {
    defect: 'timing-leak',
    gap: 'only status and body are compared; the response time still tells registered from unknown addresses',
    given: ['one registered active email and one unregistered email'],
    when: 'POST /auth/magic-link/request is sent once with each address',
    then: ['both responses have status 202', 'byte-identical bodies', 'response times within 50 ms of each other'],
  },
  {
    defect: 'token-reuse',
    gap: 'no criterion presents a token twice',
    given: ['a magic_link_tokens row whose used_at is already set'],
    when: 'POST /auth/magic-link/verify is sent with the matching raw token',
    then: ['the response status is 400', 'the body is `{"error":"TOKEN_USED"}`'],
  },
  {
    defect: 'no-expiry',
    gap: 'no criterion lets time pass before a token is used',
    given: ['an unused token created more than 15 minutes earlier'],
    when: 'POST /auth/magic-link/verify is sent with that token',
    then: ['the response status is 400', 'the body is `{"error":"TOKEN_EXPIRED"}`'],
  },
];
