/**
 * The id grammar (organizations, departments, members, campaigns...): lowercase a-z, 0-9 and "-", 1 to 64
 * characters. Kept apart from the zod schemas so the token middleware, which every function bundles, checks ids
 * without pulling zod into the bundle.
 */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * A stable id from a Vietnamese name: diacritics dropped (đ → d), lowercase, runs of anything else → "-", cut to
 * 64 characters: "Nguyễn Văn Ân" → "nguyen-van-an", "Phòng Quản lý Đầu tư" → "phong-quan-ly-dau-tu". Empty when
 * nothing is left (a name of symbols only).
 */
export const slugOf = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
