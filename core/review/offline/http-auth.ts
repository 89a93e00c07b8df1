import type { Catalogue } from './catalogue.js';

/**
 * Edge cases that sign-in and token flows over HTTP tend to leave open. Written for specs
 * like the magic-link one; the wording of each addition is a starting point the author edits.
 */
export const httpAuthCatalogue: Catalogue = {
  id: 'http-auth',
  title: 'HTTP authentication',
  // A passing mention of a credential is not enough: the spec must be about signing in
  // (three mentions or more) and about an HTTP interface.
  applies: (text) =>
    (text.match(/\b(log ?ins?|logs? in|sign[- ]?ins?|signs? in|authenticat\w*|passwords?|passwordless|magic[- ]links?)\b/gi)?.length ?? 0) >= 3 &&
    /\b(GET|POST|PUT|PATCH|DELETE)\s+\/|\bHTTP\b|\bendpoints?\b/.test(text),
  entries: [
    {
      id: 'account-enumeration',
      title: 'Account enumeration',
      severity: 'high',
      coveredWhen: [/enumerat|whether or not (the|an|that) (address|email|account|user)|regardless of whether|existence is not revealed|same (status|response|reply)[^.\n]{0,60}(registered|exist)/i],
      target: { section: 'functional', prefer: [/request/i, /e-?mail/i] },
      problem: 'Nothing says how the request endpoint answers for an address that has no account.',
      whyAnAgentWouldGuess:
        'The obvious implementation answers 404 or "no such user" for unknown addresses, which lets anyone probe which emails are registered.',
      suggestion: 'Require one status and one body for known and unknown addresses alike, and say so as a requirement.',
      addition:
        'It must answer with the same status code and the same body whether or not the address belongs to an account, so the reply never reveals which addresses are registered.',
      clarify: {
        question: 'What should the request endpoint answer when the email has no account?',
        recommended: 'It answers 202 with the same body as for a registered address, and sends nothing.',
        alternatives: ['It answers 404 with {"error":"USER_NOT_FOUND"} (this reveals which addresses are registered).', 'It answers 200 with an empty body for every address.'],
      },
    },
    {
      id: 'token-reuse',
      title: 'Token reuse',
      severity: 'high',
      coveredWhen: [/single[- ]use|one[- ]time|already[- ]used|TOKEN_USED|used_at|usedAt|only once/i],
      target: { section: 'functional', prefer: [/verif/i, /token|link/i] },
      problem: 'The spec does not say whether a link can be used more than once.',
      whyAnAgentWouldGuess:
        'Without a single-use rule an agent will usually check only the signature or expiry, so a leaked or forwarded link keeps signing people in until it expires.',
      suggestion: 'State that a token works once, how it is marked as used, and what a second use returns.',
      addition:
        'A token can be used once: the first successful verification marks it used, and any later attempt with it fails with 400 {"error":"TOKEN_USED"}.',
      clarify: {
        question: 'May a sign-in link be used more than once?',
        recommended: 'No: the first successful verification marks the token used; a second use gets 400 {"error":"TOKEN_USED"}.',
        alternatives: ['Yes, until it expires (any copy of the email then signs in).', 'Yes, but only from the browser that first opened it.'],
      },
    },
    {
      id: 'token-expiry',
      title: 'Expired tokens',
      severity: 'medium',
      coveredWhen: [
        /(expir\w*|TTL|valid (for|during))[^.\n]{0,80}\b\d+\s*-?\s*(seconds?|minutes?|hours?|days?|s|min|h)\b|\b\d+\s*-?\s*(seconds?|minutes?|hours?|days?)\b[^.\n]{0,80}expir/i,
        /(expired|TOKEN_EXPIRED)[^\n]{0,160}\b4\d\d\b|\b4\d\d\b[^\n]{0,160}(expired|TOKEN_EXPIRED)/i,
      ],
      target: { section: 'functional', prefer: [/expir/i, /verif/i, /token|link/i] },
      problem: 'The lifetime of a link, or the answer to an expired one, is not pinned down.',
      whyAnAgentWouldGuess:
        'An agent will pick its own lifetime, or reuse a generic 401, and the client cannot tell an expired link from a forged one.',
      suggestion: 'Give the lifetime in minutes, measured from creation, and the exact status and body for an expired token.',
      addition: 'A token expires 15 minutes after it was created; verifying an expired token answers 400 {"error":"TOKEN_EXPIRED"} and changes nothing.',
      clarify: {
        question: 'How long is a link valid, and what does an expired one return?',
        recommended: 'A token expires 15 minutes after creation; verifying it later answers 400 {"error":"TOKEN_EXPIRED"}.',
        alternatives: ['A token expires 60 minutes after creation; later use answers 410 Gone.', 'A token expires 5 minutes after creation; later use answers 401 with {"error":"TOKEN_EXPIRED"}.'],
      },
    },
    {
      id: 'rate-limiting',
      title: 'Rate limiting',
      severity: 'high',
      coveredWhen: [
        /\b\d+\s+(calls|requests|attempts|tries|times)\b[^.\n]{0,120}\b(\d+[- ]?)?(seconds?|minutes?|hours?|days?)\b|\b(per|each|every)\s+(\d+[- ]?)?(minute|hour|day)\b[^.\n]{0,60}\b\d+\s+(calls|requests|attempts)\b/i,
      ],
      target: { section: 'functional', prefer: [/rate/i, /request/i] },
      problem: 'Rate limiting is missing or has no threshold, window, key or response.',
      whyAnAgentWouldGuess:
        'An agent will invent a limit (often per IP, in memory) that resets on deploy and does not match what support or the tests expect.',
      suggestion: 'Name the limit, the window, what it is counted per, where the count lives and what the caller gets when it is exceeded.',
      addition:
        'At most 5 requests per email address are accepted in a rolling 60-minute window, counted in the database; the next one answers 429 {"error":"RATE_LIMIT_EXCEEDED"}.',
      clarify: {
        question: 'What is the request limit, over which window, and counted per what?',
        recommended: 'At most 5 requests per email address in a rolling 60-minute window, counted in the database; the 6th answers 429 {"error":"RATE_LIMIT_EXCEEDED"}.',
        alternatives: ['At most 3 requests per email address per 15 minutes.', 'At most 20 requests per client IP address per hour.'],
      },
    },
    {
      id: 'concurrent-use',
      title: 'Concurrent use',
      severity: 'medium',
      coveredWhen: [/concurren|simultaneous|race|at the same time|in parallel|exactly (one|1) session/i],
      target: { section: 'functional', prefer: [/verif/i, /token|link|session/i] },
      problem: 'Two verifications of the same token arriving together are not covered.',
      whyAnAgentWouldGuess:
        'A read-then-update check lets both requests see the token as unused, so one link can open two sessions.',
      suggestion: 'Say that only one of them succeeds and how that is guaranteed (a conditional update or a transaction).',
      addition:
        'When two verifications of one token arrive together, exactly one succeeds and the others get 400 {"error":"TOKEN_USED"}; the token is marked used with a single conditional update.',
      clarify: {
        question: 'What happens when the same link is verified twice at the same moment?',
        recommended: 'Exactly one request succeeds; the others answer 400 {"error":"TOKEN_USED"}, enforced by one conditional update.',
        alternatives: ['Both succeed and two sessions are issued.', 'Both fail and the token is revoked.'],
      },
    },
    {
      id: 'malformed-input',
      title: 'Malformed input',
      severity: 'medium',
      coveredWhen: [/malformed|tampered|TOKEN_INVALID|invalid (token|e-?mail|input|request|body|address)|not a valid|fails? validation|validation error|INVALID_/i],
      target: { section: 'functional', prefer: [/verif/i, /request/i, /token|e-?mail/i] },
      problem: 'There is no defined answer for a missing, malformed or tampered token or email.',
      whyAnAgentWouldGuess: 'Each handler will fail its own way (500s from a parse error, 401s, 404s), and clients cannot rely on any of them.',
      suggestion: 'Define the status and body for malformed and unknown input on every endpoint.',
      addition:
        'A missing, malformed or unknown token answers 400 {"error":"TOKEN_INVALID"}; a body without a valid email address answers 400 {"error":"INVALID_EMAIL"}.',
      clarify: {
        question: 'What does an endpoint answer for a malformed or unknown token or email?',
        recommended: 'A malformed or unknown token answers 400 {"error":"TOKEN_INVALID"}; an invalid email answers 400 {"error":"INVALID_EMAIL"}.',
        alternatives: ['Both answer 422 with the validation errors listed.', 'Both answer 401 with no body.'],
      },
    },
    {
      id: 'suspended-accounts',
      title: 'Suspended accounts',
      severity: 'medium',
      coveredWhen: [/suspend|deactivat|disabled|locked|banned|inactive|blocked/i],
      target: { section: 'functional', prefer: [/request/i, /verif/i, /session|log/i] },
      problem: 'The spec does not say what happens for a suspended or deactivated account.',
      whyAnAgentWouldGuess: 'A lookup by email alone will happily mail a sign-in link to a suspended user and let them back in.',
      suggestion: 'Say whether suspended accounts receive links and can verify, and what the caller sees.',
      addition:
        'For an account whose status is not active no token is created and no email is sent, and the reply is the same as for an unknown address.',
      clarify: {
        question: 'Can a suspended account request or use a sign-in link?',
        recommended: 'No: no token and no email are created, and the reply matches the unknown-address reply.',
        alternatives: ['It receives the link but verification answers 403 {"error":"ACCOUNT_SUSPENDED"}.', 'Yes, suspension only blocks password sign-in.'],
      },
    },
    {
      id: 'dependency-failure',
      title: 'Email delivery failure',
      severity: 'high',
      coveredWhen: [/(e-?mail|mail|smtp|sendgrid)\w*[^.\n]{0,60}(fail\w*|error|unavailable|throws|bounce\w*|down|timeout)|EMAIL_SEND_FAILED|\b503\b/i],
      target: { section: 'functional', prefer: [/\bsend/i, /e-?mail/i, /request/i] },
      problem: 'Nothing says what happens when the email cannot be sent.',
      whyAnAgentWouldGuess:
        'An agent will fire and forget the email, answer success, and leave an unusable token behind, or surface the provider error as a 500.',
      suggestion: 'Say whether sending is part of the request, what is undone when it fails, and the status the caller gets.',
      addition:
        'If sending the email fails, the token created for it is deleted and the endpoint answers 503 {"error":"EMAIL_SEND_FAILED"}.',
      clarify: {
        question: 'What happens when the email service fails?',
        recommended: 'The token is deleted and the endpoint answers 503 {"error":"EMAIL_SEND_FAILED"}; the failure is logged at ERROR.',
        alternatives: ['The email is queued and retried for up to 10 minutes; the endpoint still answers 202.', 'The endpoint answers 500 and keeps the token.'],
      },
    },
    {
      id: 'personal-data-logging',
      title: 'Personal data in logs',
      severity: 'medium',
      coveredWhen: [/\blog\w*[^\n]{0,200}(domain part|domain only|redact\w*|mask\w*|hash\w*|never the full|personal data|PII)|(PII|personal data)[^\n]{0,100}\blog/i],
      target: { section: 'nonFunctional', prefer: [/\blog/i, /observab|monitor/i] },
      problem: 'Logging is asked for without saying what personal data may appear in it.',
      whyAnAgentWouldGuess: 'The simplest log line includes the full email address, and sometimes the token itself, which then lives in log storage.',
      suggestion: 'List the events to log with their level, and forbid full addresses and raw tokens in log lines.',
      addition: 'Log lines carry at most the domain part of an email address, never the full address and never a raw token.',
      clarify: {
        question: 'What may log lines contain about the user?',
        recommended: 'Only the domain part of the email address; never the full address and never a raw token.',
        alternatives: ['A hash of the full address, so events can be correlated.', 'The full address, with logs kept for 30 days.'],
      },
    },
  ],
};
