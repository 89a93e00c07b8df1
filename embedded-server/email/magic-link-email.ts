/** The link format of the spec: `{APP_BASE_URL}/auth/magic-link/verify?token={raw}`. */
export function magicLinkUrl(appBaseUrl: string, rawToken: string): string {
  return `${appBaseUrl.replace(/\/+$/, '')}/auth/magic-link/verify?token=${rawToken}`;
}

export function renderMagicLinkEmail(link: string): { subject: string; htmlBody: string } {
  const href = escapeHtml(link);
  return {
    subject: 'Your sign-in link',
    htmlBody:
      `<p>Click the link below to sign in. It works once and expires in 15 minutes.</p>` +
      `<p><a href="${href}">${href}</a></p>` +
      `<p>If you did not ask for it, you can ignore this email.</p>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
