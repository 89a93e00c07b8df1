import { z } from 'zod';

/** The `.specreview` schema this build writes and the newest it reads. Bump on any incompatible change. */
export const REVIEW_PACKAGE_SCHEMA = 1;

const iso = z.string().min(1);
const id = z.string().min(1).max(200);

const packagePerson = z.object({ id, name: z.string().min(1).max(200), email: z.string().min(3).max(320) });

const packageComment = z.object({
  id,
  authorId: id,
  body: z.string().max(20_000),
  bodyHistory: z.array(z.string().max(40)).max(10_000),
  createdAt: iso,
  editedAt: iso.nullable(),
  deletedAt: iso.nullable(),
  deletedBy: id.nullable(),
  deletionChangedAt: iso.nullable(),
  conflictOf: id.nullable(),
});

const packageThread = z.object({
  id,
  kind: z.enum(['comment', 'suggestion']),
  severity: z.enum(['blocking', 'non-blocking', 'question']),
  selector: z.object({
    requirementId: z.string().max(500).nullable(),
    exact: z.string().min(1).max(1_000_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    wholeRequirement: z.boolean(),
    versionHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  suggestion: z.object({ text: z.string().max(1_000_000), state: z.enum(['open', 'accepted', 'rejected']) }).nullable(),
  status: z.enum(['open', 'resolved']),
  statusBy: id,
  statusAt: iso,
  createdBy: id,
  createdAt: iso,
  findingId: z.string().max(300).nullable(),
  reviewId: id.nullable(),
  comments: z.array(packageComment).max(10_000),
});

const packageReview = z.object({
  id,
  reviewerId: id,
  roundId: id.nullable(),
  verdict: z.enum(['approve', 'request-changes', 'comment']),
  body: z.string().max(20_000),
  versionHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: iso,
  submittedAt: iso,
});

const packageRound = z.object({
  id,
  versionHash: z.string().regex(/^[0-9a-f]{64}$/),
  meetingAt: iso.nullable(),
  requestedBy: id,
  requestedAt: iso,
  reviewerIds: z.array(id).max(1000),
});

const packageReviewer = z.object({ personId: id, addedBy: id, addedAt: iso });

export const reviewPackageSchema = z.object({
  format: z.literal('specreview'),
  schemaVersion: z.literal(REVIEW_PACKAGE_SCHEMA),
  exportedAt: iso,
  exportedBy: id.nullable(),
  spec: z.object({ title: z.string().max(1000), versionHash: z.string().regex(/^[0-9a-f]{64}$/), markdown: z.string().max(10 * 1024 * 1024) }),
  people: z.array(packagePerson).max(10_000),
  reviewers: z.array(packageReviewer).max(10_000),
  threads: z.array(packageThread).max(100_000),
  reviews: z.array(packageReview).max(100_000),
  rounds: z.array(packageRound).max(10_000),
});
export type ReviewPackage = z.infer<typeof reviewPackageSchema>;
export type PackageThread = z.infer<typeof packageThread>;
export type PackageComment = z.infer<typeof packageComment>;

export type PackageParse = { ok: true; value: ReviewPackage } | { ok: false; code: 'PACKAGE_NEWER' | 'PACKAGE_INVALID'; message: string };

/**
 * Reads a `.specreview` text. A package from a newer schema is refused naming both versions
 * (before any other check, so its unknown fields are not misreported as errors).
 */
export function parseReviewPackage(text: string): PackageParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'PACKAGE_INVALID', message: `not a review package: the file is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const head = z.object({ format: z.literal('specreview'), schemaVersion: z.number().int().positive() }).safeParse(raw);
  if (!head.success) return { ok: false, code: 'PACKAGE_INVALID', message: 'not a review package: "format" must be "specreview" with a whole-number "schemaVersion"' };
  if (head.data.schemaVersion > REVIEW_PACKAGE_SCHEMA) {
    return {
      ok: false,
      code: 'PACKAGE_NEWER',
      message: `the review package uses schema ${head.data.schemaVersion}, newer than the ${REVIEW_PACKAGE_SCHEMA} this Specbench reads; nothing was imported — update Specbench to import it`,
    };
  }
  const parsed = reviewPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'PACKAGE_INVALID', message: `invalid review package at ${issue.path.join('.') || '(top)'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}
