// What the timeline shows for an address, as plain functions: where its releases come from (the
// route loaders and the page ask the same question), how they are grouped, and the status line.
// The components render what these return.
import { formatNumber, plural } from '@/lib/format'
import { groupByMonth, isFiltered, type MonthGroup, type TimelineView } from '@/features/timeline/timeline-view'
import type { Listing } from '@/features/timeline/listing'
import type { TimelineSearch } from '@/features/timeline/timeline-search'
import type { ArchiveHead, ArticleSummary } from '@/pipeline/types'

/**
 * Where a timeline's releases come from: the newest ones, which come with the head; a search's own
 * files (a query and nothing else); or the whole listing (a filter, a topic's page, or more
 * releases than the head holds).
 */
export type TimelineSource = 'latest' | 'search' | 'listing'

/** Whether the address shows the whole archive, newest first: no query, no filter, no topic page. */
export function isWholeTimeline(address: TimelineSearch, pinnedTopic?: string): boolean {
  return !pinnedTopic && !isFiltered(address)
}

/**
 * Whether the address needs the whole listing before its first page can be shown: a filter or a
 * topic's page. A search alone does not, nor the newest releases. The routes' loaders fetch it then.
 */
export function needsListing(address: TimelineSearch, pinnedTopic?: string): boolean {
  return Boolean(pinnedTopic) || isFiltered({ ...address, q: undefined })
}

/** Where the first `shown` releases of the address come from. */
export function timelineSource(
  address: TimelineSearch,
  pinnedTopic: string | undefined,
  shown: number,
  head: Pick<ArchiveHead, 'total' | 'latest'>,
): TimelineSource {
  if (needsListing(address, pinnedTopic)) return 'listing'
  if (address.q) return 'search'
  return Math.min(shown, head.total) > head.latest.length ? 'listing' : 'latest'
}

export interface TimelineViewInput {
  source: TimelineSource
  /** The query the page follows (what is typed, ahead of the address) and the address's own. */
  query: string | undefined
  addressQuery: string | undefined
  /** The newest releases, from the head. */
  latest: TimelineView
  /** The whole listing, once fetched: it answers a search too, with the search's `hits`. */
  listing?: Pick<Listing, 'view'>
  /** A search's own answer, when the search is the source and the listing is not there. */
  searchView?: TimelineView
  /** The address as answered: its filters, with the query the answer is for. */
  search: TimelineSearch
  pinnedTopic?: string
  hits?: Iterable<number>
}

/**
 * The releases to show, or undefined while there is nothing to show yet: a search's address on a
 * fresh visit before its answer, or a filter before the listing. While the reader types ahead of
 * the address, the releases on screen stay until the first answer to what is typed.
 */
export function timelineView({ source, query, addressQuery, latest, listing, searchView, search, pinnedTopic, hits }: TimelineViewInput) {
  if (source === 'search' && !listing) return searchView ?? (query === addressQuery ? undefined : latest)
  if (source === 'latest') return latest
  return listing?.view(search, pinnedTopic, hits)
}

/** The releases shown, under their months; best matches first form one group of their own. */
export function timelineGroups(visible: readonly ArticleSummary[], byRelevance: boolean): MonthGroup[] {
  return byRelevance ? [{ month: 'results', label: '', articles: [...visible] }] : groupByMonth(visible)
}

export interface TimelineStatusInput {
  /** The search could not be loaded (its worker, its files). */
  failed: boolean
  /** How many releases the view holds, once it is there. */
  found: number | undefined
  /** The query in the address, and the one the shown answer is for (it may lag a letter behind). */
  query: string | undefined
  answeredQuery: string | undefined
  byRelevance: boolean
  filtered: boolean
  /** Releases in the archive, or on the topic's page. */
  total: number
}

/** The line above the timeline: what it shows, or what it is waiting for. */
export function timelineStatus({ failed, found, query, answeredQuery, byRelevance, filtered, total }: TimelineStatusInput): string {
  if (failed) return 'The search could not be loaded. Check the connection and reload the page.'
  if (found === undefined) return 'Loading the archive…'
  if (query && answeredQuery === undefined) return 'Searching…'
  if (answeredQuery !== undefined) {
    return `${plural(found, 'release')} found for “${answeredQuery}”${byRelevance ? ', best match first' : ', newest first'}`
  }
  return filtered ? `Showing ${plural(found, 'release')} of ${formatNumber(total)}` : `${plural(total, 'release')}, newest first`
}
