import { dateToDay, fromListing } from '@/pipeline/archive-files'
import type { ArchiveHead, ArchiveListing, ArticleSummary } from '@/pipeline/types'
import type { TimelineView } from './timeline-view'
import type { TimelineSearch } from './timeline-search'

/**
 * The releases a timeline filters, newest first, with the fields filtering reads held in typed
 * arrays: a filter click compares numbers and bits, it never walks objects or strings.
 *
 * This module arrives with the listing (archive-queries imports it when the listing is fetched),
 * so the first screen, which needs neither, loads without it.
 */
export interface Listing extends ListingColumns {
  /** What the timeline shows for an address: {@link filterArticles} on this listing. */
  view(search: TimelineSearch, pinnedTopic?: string, hits?: Iterable<number>): TimelineView
}

interface ListingColumns {
  articles: readonly ArticleSummary[]
  /** Days since 1970-01-01, in the same order (so, descending). */
  days: Int32Array
  /** Position of each release's category in `categorySlugs`. */
  categories: Uint8Array
  /** `wordsPerRelease` 32-bit words per release: bit `t` is set when it carries topic `topicSlugs[t]`. */
  topicBits: Uint32Array
  wordsPerRelease: number
  topicSlugs: readonly string[]
  categorySlugs: readonly string[]
}

interface Facets {
  topics: readonly { slug: string }[]
  categories: readonly { slug: string }[]
}

function allocate(count: number, facets: Facets) {
  const wordsPerRelease = Math.max(1, Math.ceil(facets.topics.length / 32))
  return {
    days: new Int32Array(count),
    categories: new Uint8Array(count),
    topicBits: new Uint32Array(count * wordsPerRelease),
    wordsPerRelease,
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
    for (const t of columns.topics[i]!) listing.topicBits[i * listing.wordsPerRelease + (t >>> 5)]! |= 1 << (t & 31)
  }
  return withView({ ...listing, articles: fromListing(columns, head) })
}

function withView(columns: ListingColumns): Listing {
  return { ...columns, view: (search, pinnedTopic, hits) => filterArticles(columns, search, pinnedTopic, hits) }
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
      if (t !== undefined) listing.topicBits[i * listing.wordsPerRelease + (t >>> 5)]! |= 1 << (t & 31)
    }
  })
  return withView({ ...listing, articles })
}

/** Index of the first release dated on or before `day` (days descend). */
function firstOnOrBefore(days: Int32Array, day: number): number {
  let low = 0
  let high = days.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (days[middle]! > day) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The releases the timeline shows for an address, with the counts beside each filter.
 * `pinnedTopic` is the topic of a topic page, always applied. `hits` are the releases a search
 * found (their positions in the listing), best first: only they are shown, by relevance unless the
 * address asks for date order. Without a search, the order is the archive's (newest first).
 */
export function filterArticles(
  listing: ListingColumns,
  search: TimelineSearch,
  pinnedTopic?: string,
  hits?: Iterable<number>,
): TimelineView {
  const { articles, days, categories, topicBits, wordsPerRelease, topicSlugs, categorySlugs } = listing
  const topics = new Set([...(pinnedTopic ? [pinnedTopic] : []), ...(search.topic ?? [])])
  const required = new Uint32Array(wordsPerRelease)
  let impossible = false
  for (const topic of topics) {
    const t = topicSlugs.indexOf(topic)
    if (t === -1) impossible = true
    else required[t >>> 5]! |= 1 << (t & 31)
  }
  const position = search.category === undefined ? -1 : categorySlugs.indexOf(search.category)
  // -1: any category. An unknown one (never a stored position) shows nothing but still counts the others.
  const category = search.category === undefined ? -1 : position === -1 ? 256 : position
  // Days descend, so a date range is a run of positions.
  const first = search.to === undefined ? 0 : firstOnOrBefore(days, dateToDay(search.to))
  const end = search.from === undefined ? days.length : firstOnOrBefore(days, dateToDay(search.from) - 1)

  const shown: ArticleSummary[] = []
  const ids: number[] = []
  const topicCounts = new Int32Array(topicSlugs.length)
  const categoryCounts = new Int32Array(categorySlugs.length)
  const consider = (i: number) => {
    if (i < first || i >= end) return
    const offset = i * wordsPerRelease
    for (let w = 0; w < wordsPerRelease; w++) if ((topicBits[offset + w]! & required[w]!) !== required[w]) return
    const c = categories[i]!
    categoryCounts[c]! += 1
    if (category !== -1 && c !== category) return
    shown.push(articles[i]!)
    ids.push(i)
    for (let w = 0; w < wordsPerRelease; w++) {
      for (let bits = topicBits[offset + w]!; bits !== 0; bits &= bits - 1) {
        topicCounts[w * 32 + 31 - Math.clz32(bits & -bits)]! += 1
      }
    }
  }
  if (impossible) {
    // A topic no release carries matches nothing.
  } else if (hits && search.sort === 'date') {
    for (const id of Int32Array.from(hits).sort()) consider(id)
  } else if (hits) {
    for (const id of hits) consider(id)
  } else {
    for (let i = first; i < end; i++) consider(i)
  }
  return {
    articles: shown,
    ids,
    total: shown.length,
    topicCounts: toCounts(topicCounts, topicSlugs),
    categoryCounts: toCounts(categoryCounts, categorySlugs),
  }
}

function toCounts(counts: Int32Array, slugs: readonly string[]): Map<string, number> {
  const map = new Map<string, number>()
  counts.forEach((count, i) => {
    if (count > 0) map.set(slugs[i]!, count)
  })
  return map
}
