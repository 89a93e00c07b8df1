/**
 * The workspace roles of the team server (issue 15 FR-4). In `core/` because the access table,
 * which is pure data the README and the renderer can read too, is written in terms of them.
 */
export const TEAM_ROLES = ['admin', 'author', 'reviewer', 'productops'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
