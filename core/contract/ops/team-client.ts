import { z } from 'zod';
import { defineOperation } from '../define.js';

/**
 * A team server's address: https anywhere, plain http only on this machine (a trial server on
 * loopback). Origin only — the server is reached at its root.
 */
// scheme, optional user-info, host (name, IPv4 or [IPv6]), optional port, then path/query/fragment.
const URL_PARTS = /^(https?):\/\/(?:([^@/?#]*)@)?([^/:?#[\]]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?(?:[/?#].*)?$/i;

export const teamUrlArg = z
  .string()
  .trim()
  .max(2048, 'the team URL is longer than 2048 characters')
  .transform((text, ctx) => {
    const parts = URL_PARTS.exec(text);
    if (!parts) {
      ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 80)}" is not an http(s) URL such as https://specs.example.com` });
      return z.NEVER;
    }
    const [, scheme, userInfo, rawHost, port] = parts;
    const protocol = scheme!.toLowerCase();
    const host = rawHost!.toLowerCase();
    if (userInfo !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'put the email and password in their own fields, not in the URL' });
      return z.NEVER;
    }
    const loopback = host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
    if (protocol === 'http' && !loopback) {
      ctx.addIssue({ code: 'custom', message: 'a team server off this machine must use https:// (passwords and session cookies would cross the network in clear)' });
      return z.NEVER;
    }
    return `${protocol}://${host}${port ? `:${port}` : ''}`;
  });

const teamStatusSchema = z.object({
  connected: z.boolean(),
  /** The team's origin, e.g. https://specs.example.com; null when not connected. */
  url: z.string().nullable(),
  account: z.object({ name: z.string(), email: z.string(), role: z.string() }).nullable(),
});

export const teamClientOperations = {
  'teamClient.status': defineOperation({
    doc: 'Whether this workbench is signed in to a team server, where, and as whom. The session lives in the host process only.',
    args: z.object({}).strict(),
    result: teamStatusSchema,
  }),
  'teamClient.connect': defineOperation({
    doc: 'Signs in to a team server with email and password; the session cookie stays in the host (never the renderer, never on disk).',
    args: z
      .object({
        url: teamUrlArg,
        email: z.string().trim().min(3, 'the email is empty').max(320, 'the email is longer than 320 characters'),
        password: z.string().min(1, 'the password is empty').max(1024, 'the password is longer than 1024 characters'),
      })
      .strict(),
    result: teamStatusSchema,
  }),
  'teamClient.disconnect': defineOperation({
    doc: 'Signs out of the team server (ending the session there) and forgets it here. Local work is untouched.',
    args: z.object({}).strict(),
    result: teamStatusSchema,
  }),
  'teamClient.publish': defineOperation({
    doc: "Copies a local spec, every version in order with its author and message, to the team server as a new spec owned by the signed-in account. The local spec is unchanged.",
    args: z.object({ specId: z.number().int().positive() }).strict(),
    result: z.object({
      teamSpecId: z.number().int(),
      versions: z.number().int(),
      /** Opens the published spec on the team server. */
      url: z.string(),
    }),
  }),
};
