import { z } from 'zod';

/**
 * Every request body, strict: a missing, extra or wrongly typed field is INVALID_REQUEST.
 * Emails are normalised (trimmed, lower-cased) before they are checked and used.
 */
export const emailSchema = z.string().max(320).trim().toLowerCase().pipe(z.email());

export const magicLinkRequestBody = z.strictObject({ email: emailSchema });
// The token's format is checked by the service, not here: a wrong format is TOKEN_INVALID, not INVALID_REQUEST.
export const magicLinkVerifyBody = z.strictObject({ token: z.string().max(1024) });
export const loginBody = z.strictObject({ email: z.string().max(320).trim().toLowerCase(), password: z.string().max(1024) });
export const changePasswordBody = z.strictObject({ password: z.string().min(8).max(1024) });

export const userStatusSchema = z.enum(['active', 'suspended']);
export const devCreateUserBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024).optional(),
  status: userStatusSchema,
});
export const devSetStatusBody = z.strictObject({ email: emailSchema, status: userStatusSchema });
export const devEmailFailuresBody = z.strictObject({ count: z.int().min(0).max(1_000_000) });
export const devClockBody = z.strictObject({ advanceMs: z.int().min(0).max(10 * 365 * 24 * 60 * 60 * 1000) });
export const devOutboxQuery = z.strictObject({ to: emailSchema.optional() });
export const devTokensQuery = z.strictObject({ email: emailSchema.optional() });
