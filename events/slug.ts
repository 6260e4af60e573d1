/**
 * The id grammar (organizations, departments, members, campaigns...): lowercase a-z, 0-9 and "-", 1 to 64
 * characters. Kept apart from the zod schemas so the token middleware, which every function bundles, checks ids
 * without pulling zod into the bundle.
 */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
