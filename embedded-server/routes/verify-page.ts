import { Router } from 'express';

/**
 * Where the emailed link lands. A GET must not consume the token (mail scanners and link
 * previews fetch links), so the page only offers a button that POSTs it to the JSON endpoint.
 * The script is a separate file because the CSP allows `script-src 'self'` only.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><main><h1>Sign in</h1><p>Continue to sign in with this link.</p>
<button id="sign-in" type="button">Sign in</button><p id="result" role="status"></p></main>
<script src="/auth/magic-link/verify.js"></script></body></html>
`;

const SCRIPT = `document.getElementById('sign-in').addEventListener('click', async () => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const res = await fetch('/auth/magic-link/verify', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }),
  });
  const body = await res.json().catch(() => ({}));
  document.getElementById('result').textContent = res.ok ? 'Signed in as ' + body.userId : 'Not signed in: ' + body.error;
});
`;

export function verifyPageRoutes(): Router {
  const router = Router();
  router.get('/auth/magic-link/verify', (_req, res) => {
    res.status(200).type('html').send(PAGE);
  });
  router.get('/auth/magic-link/verify.js', (_req, res) => {
    res.status(200).type('text/javascript').send(SCRIPT);
  });
  return router;
}
