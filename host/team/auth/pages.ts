/**
 * The auth pages: plain HTML forms that post to this origin, no script (the CSP allows none), one
 * same-origin stylesheet. Texts never echo a password or a token; an address is echoed only back
 * to the person who typed it.
 */
export const AUTH_CSS_PATH = '/auth/auth.css';

export const AUTH_CSS = `body{font:15px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1d2330;margin:0}
main{max-width:26rem;margin:8vh auto;background:#fff;border:1px solid #d9dce3;border-radius:8px;padding:1.5rem 2rem}
h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #b8bdc8;border-radius:4px;font:inherit}
button{margin-top:1rem;padding:.5rem 1rem;border:0;border-radius:4px;background:#2d5bd7;color:#fff;font:inherit;cursor:pointer}
.error{color:#a4161a;background:#fde8e8;padding:.5rem .75rem;border-radius:4px}.note{color:#555}hr{margin:1.5rem 0;border:0;border-top:1px solid #e3e5ea}`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Specbench</title><link rel="stylesheet" href="${AUTH_CSS_PATH}"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const errorBlock = (error?: string) => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');

export function signInPage(options: { error?: string; email?: string; magicLink: boolean; notice?: string }): string {
  const magic = options.magicLink
    ? `<hr><form method="post" action="/auth/magic-link"><label for="magic-email">Or get a sign-in link by email</label>
<input id="magic-email" name="email" type="email" autocomplete="email" required><button type="submit">Email me a link</button></form>`
    : '';
  return page(
    'Sign in',
    `${options.notice ? `<p class="note">${escapeHtml(options.notice)}</p>` : ''}${errorBlock(options.error)}
<form method="post" action="/auth/sign-in"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>${magic}`,
  );
}

/** The invitee chooses a password; `action` is this invitation's own URL (the token is the invitee's). */
export function setPasswordPage(options: { action: string; email: string; minLength: number; error?: string }): string {
  return page(
    'Choose your password',
    `<p>You are invited to Specbench as <strong>${escapeHtml(options.email)}</strong>.</p>${errorBlock(options.error)}
<form method="post" action="${escapeHtml(options.action)}"><input type="hidden" name="username" autocomplete="username" value="${escapeHtml(options.email)}">
<label for="password">Password (at least ${options.minLength} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="${options.minLength}" required>
<label for="confirm">The same password again</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="${options.minLength}" required>
<button type="submit">Set password and sign in</button></form>`,
  );
}

/** A link that cannot be used: the reason, and what to do. */
export function refusedLinkPage(title: string, reason: string, next: string): string {
  return page(title, `<p class="error" role="alert">${escapeHtml(reason)}</p><p>${escapeHtml(next)}</p><p><a href="/auth/sign-in">Sign in</a></p>`);
}

/**
 * Opening a magic link shows a button rather than signing in on GET: mail scanners that prefetch
 * links cannot use it up, and the sign-in is a same-site POST, so the SameSite=Strict cookie it
 * sets is sent on the redirect that follows (a cross-site navigation from a mail client would not send it).
 */
export function magicLinkPage(action: string): string {
  return page('Sign in to Specbench', `<form method="post" action="${escapeHtml(action)}"><p>Continue to sign in with the link from your email.</p><button type="submit">Sign in</button></form>`);
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p><p><a href="/auth/sign-in">Back to sign in</a></p>`);
}
