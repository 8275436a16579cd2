import slugify from '@sindresorhus/slugify'

const MAX_TITLE_CHARS = 72

/**
 * The address of a release: its date and the opening words of its title, as lowercase ASCII
 * (`2024-05-22-korea-lays-out-aerospace-carbon-composites`). It depends on nothing but the release
 * itself, so the same archive, or a larger one containing it, gives the same slug.
 */
export function baseSlug(date: string, title: string): string {
  const words = slugify(title, { customReplacements: [['%', ' percent ']] }) || 'release'
  return `${date}-${truncateAtHyphen(words, MAX_TITLE_CHARS)}`
}

function truncateAtHyphen(slug: string, max: number): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, max)
}

/**
 * Releases whose base slugs collide (same day, titles alike in their opening words) each get a
 * suffix derived from their own text, so no slug depends on the order the records were read in.
 */
export function disambiguate(base: string, content: string): string {
  return `${base}-${contentHash(content).slice(0, 6)}`
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable fingerprint of a text, not a security measure. */
function contentHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
