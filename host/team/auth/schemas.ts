import { z } from 'zod';
import { TEAM_ROLES } from '../team-types.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';

/** Every input of the auth module, checked at its boundary with one clear message per field. */
export const emailSchema = z
  .string({ error: 'an email address is required' })
  .trim()
  .max(320, { error: 'the email address is over 320 characters' })
  .pipe(z.email({ error: 'that is not an email address' }));

export const roleSchema = z.enum(TEAM_ROLES, { error: `the role must be one of ${TEAM_ROLES.join(', ')}` });

export const inviteInputSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  name: z.string().trim().min(1, { error: 'the name is empty' }).max(200, { error: 'the name is over 200 characters' }).optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  // Any length is checked against the hash (an old shorter password must still be refused the same way).
  password: z.string({ error: 'a password is required' }).min(1, { error: 'a password is required' }).max(MAX_PASSWORD_LENGTH, { error: 'the password is too long' }),
});

export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: 'a password is required' })
      .min(MIN_PASSWORD_LENGTH, { error: `the password needs at least ${MIN_PASSWORD_LENGTH} characters` })
      .max(MAX_PASSWORD_LENGTH, { error: `the password is over ${MAX_PASSWORD_LENGTH} characters` }),
    /** The form's second field; a JSON client may omit it. */
    confirm: z.string().optional(),
  })
  .refine((v) => v.confirm === undefined || v.confirm === v.password, { error: 'the two passwords differ', path: ['confirm'] });

export const magicLinkRequestSchema = z.object({ email: emailSchema });

/** The first problem of a failed parse, as one sentence. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid input';
}
