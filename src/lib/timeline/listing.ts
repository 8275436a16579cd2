import { dateToDay, fromListing } from '@/pipeline/archive-files'
import type { ArchiveHead, ArchiveListing, ArticleSummary } from '@/pipeline/types'

/**
 * The releases a timeline filters, newest first, with the fields filtering reads held in typed
 * arrays: a filter click compares numbers and bits, it never walks objects or strings.
 */
export interface Listing {
  articles: readonly ArticleSummary[]
  /** Days since 1970-01-01, in the same order (so, descending). */
  days: Int32Array
  /** Position of each release's category in `categorySlugs`. */
  categories: Uint8Array
  /** `words` 32-bit words per release: bit `t` is set when it carries topic `topicSlugs[t]`. */
  topicBits: Uint32Array
  words: number
  topicSlugs: readonly string[]
  categorySlugs: readonly string[]
}

interface Facets {
  topics: readonly { slug: string }[]
  categories: readonly { slug: string }[]
}

function allocate(count: number, facets: Facets) {
  const words = Math.max(1, Math.ceil(facets.topics.length / 32))
  return {
    days: new Int32Array(count),
    categories: new Uint8Array(count),
    topicBits: new Uint32Array(count * words),
    words,
    topicSlugs: facets.topics.map((t) => t.slug),
    categorySlugs: facets.categories.map((c) => c.slug),
  }
}

/** The listing as fetched: its columns already hold day numbers and facet positions. */
export function listingFromColumns(columns: ArchiveListing, head: Pick<ArchiveHead, 'topics' | 'categories'>): Listing {
  const listing = allocate(columns.slugs.length, head)
  for (let i = 0; i < columns.slugs.length; i++) {
    listing.days[i] = columns.days[i]!
    listing.categories[i] = columns.categories[i]!
    for (const t of columns.topics[i]!) listing.topicBits[i * listing.words + (t >>> 5)]! |= 1 << (t & 31)
  }
  return { ...listing, articles: fromListing(columns, head) }
}

/**
 * A listing of summaries at hand (the head's newest releases, a test's table). Without `facets`,
 * the topics and categories are those the releases carry.
 */
export function createListing(articles: readonly ArticleSummary[], facets?: Facets): Listing {
  const known = facets ?? {
    topics: [...new Set(articles.flatMap((a) => a.topics))].map((slug) => ({ slug })),
    categories: [...new Set(articles.map((a) => a.category))].map((slug) => ({ slug })),
  }
  const listing = allocate(articles.length, known)
  const topicPosition = new Map(listing.topicSlugs.map((slug, i) => [slug, i]))
  const categoryPosition = new Map(listing.categorySlugs.map((slug, i) => [slug, i]))
  articles.forEach((article, i) => {
    listing.days[i] = dateToDay(article.date)
    listing.categories[i] = categoryPosition.get(article.category) ?? 255
    for (const topic of article.topics) {
      const t = topicPosition.get(topic)
      if (t !== undefined) listing.topicBits[i * listing.words + (t >>> 5)]! |= 1 << (t & 31)
    }
  })
  return { ...listing, articles }
}
