// The two shapes the reader fetches the listing in: a head for the first screen, whatever the
// archive's size, and the full listing in columns, fetched when a view needs more than the head.
import { FACETS_FILE, type FacetsFile, type SummariesFile, summariesFile, summariesPerFile } from '../lib/search/index-format.ts'
import type { ArchiveHead, ArchiveIndex, ArchiveListing, ArticleSummary } from './types.ts'

/** Releases the timeline shows at a time; the head holds the first of them. */
export const TIMELINE_PAGE_SIZE = 25

const DAY_MS = 86_400_000

/** `YYYY-MM-DD` as days since 1970-01-01. */
export function dateToDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function toHead(index: ArchiveIndex): ArchiveHead {
  const { articles, topics, categories } = index
  return {
    total: articles.length,
    topics,
    categories,
    ...(articles.length > 0 ? { newest: articles[0]!.date, oldest: articles[articles.length - 1]!.date } : {}),
    years: [...new Set(articles.map((a) => a.date.slice(0, 4)))],
    latest: articles.slice(0, TIMELINE_PAGE_SIZE),
  }
}

export function toListing(index: ArchiveIndex): ArchiveListing {
  const { articles } = index
  const topicPosition = new Map(index.topics.map((t, i) => [t.slug, i]))
  const categoryPosition = new Map(index.categories.map((c, i) => [c.slug, i]))
  const articlePosition = new Map(articles.map((a, i) => [a.slug, i]))
  return {
    slugs: articles.map((a) => a.slug),
    titles: articles.map((a) => a.title),
    excerpts: articles.map((a) => a.excerpt),
    days: articles.map((a) => dateToDay(a.date)),
    categories: articles.map((a) => categoryPosition.get(a.category)!),
    topics: articles.map((a) => a.topics.map((t) => topicPosition.get(t)!)),
    readingMinutes: articles.map((a) => a.readingMinutes),
    twins: articles.map((a) => (a.twin === undefined ? -1 : (articlePosition.get(a.twin) ?? -1))),
  }
}

/** The summaries back from the columns: what `toListing` was given. */
export function fromListing(listing: ArchiveListing, head: Pick<ArchiveHead, 'topics' | 'categories'>): ArticleSummary[] {
  return listing.slugs.map((slug, i) => {
    const twin = listing.twins[i]!
    return {
      slug,
      date: dayToDate(listing.days[i]!),
      category: head.categories[listing.categories[i]!]!.slug,
      title: listing.titles[i]!,
      excerpt: listing.excerpts[i]!,
      topics: listing.topics[i]!.map((t) => head.topics[t]!.slug),
      readingMinutes: listing.readingMinutes[i]!,
      ...(twin >= 0 ? { twin: listing.slugs[twin]! } : {}),
    }
  })
}

/**
 * The search's own copy of the listing (src/lib/search/index-format.ts): summaries a run of
 * releases a file, for the results a search shows, and the facets, for its counts.
 */
export function* searchListingFiles(listing: ArchiveListing): Generator<[string, string]> {
  const { slugs } = listing
  const perFile = summariesPerFile(slugs.length)
  for (let start = 0, n = 0; start < slugs.length; start += perFile, n++) {
    const end = Math.min(slugs.length, start + perFile)
    const file: SummariesFile = {
      slugs: slugs.slice(start, end),
      titles: listing.titles.slice(start, end),
      excerpts: listing.excerpts.slice(start, end),
      days: listing.days.slice(start, end),
      categories: listing.categories.slice(start, end),
      topics: listing.topics.slice(start, end),
      readingMinutes: listing.readingMinutes.slice(start, end),
      twins: listing.twins.slice(start, end).map((twin) => (twin >= 0 ? slugs[twin]! : '')),
    }
    yield [summariesFile(n), JSON.stringify(file)]
  }
  const facets: FacetsFile = { categories: listing.categories, topics: listing.topics }
  yield [FACETS_FILE, JSON.stringify(facets)]
}
