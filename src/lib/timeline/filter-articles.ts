import { dateToDay } from '@/pipeline/archive-files'
import type { ArchiveHead, ArticleSummary } from '@/pipeline/types'
import type { Listing } from './listing'
import type { TimelineSearch } from './timeline-search'

export interface TimelineView {
  /** The releases shown, or the first of them (`total` says how many there are). */
  articles: readonly ArticleSummary[]
  total: number
  /** How many of the shown releases carry each topic: what choosing it would leave. */
  topicCounts: Map<string, number>
  /** How many releases each category would show, the other filters kept. */
  categoryCounts: Map<string, number>
}

/** Whether an address narrows the timeline (anything but "Show more"): then it needs the whole listing. */
export function isFiltered(search: TimelineSearch): boolean {
  return (search.topic?.length ?? 0) > 0 || Boolean(search.q ?? search.category ?? search.from ?? search.to)
}

/** The unfiltered timeline from the head alone: its newest releases, counted over the whole archive. */
export function latestView(head: ArchiveHead): TimelineView {
  return {
    articles: head.latest,
    total: head.total,
    topicCounts: new Map(head.topics.filter((t) => t.count > 0).map((t) => [t.slug, t.count])),
    categoryCounts: new Map(head.categories.map((c) => [c.slug, c.count])),
  }
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
 * found (by position in the listing), best first: only they are shown, by relevance unless the
 * address asks for date order. Without a search, the order is the archive's (newest first).
 */
export function filterArticles(
  listing: Listing,
  search: TimelineSearch,
  pinnedTopic?: string,
  hits?: readonly { id: number }[],
): TimelineView {
  const { articles, days, categories, topicBits, words, topicSlugs, categorySlugs } = listing
  const topics = new Set([...(pinnedTopic ? [pinnedTopic] : []), ...(search.topic ?? [])])
  const required = new Uint32Array(words)
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
  const topicCounts = new Int32Array(topicSlugs.length)
  const categoryCounts = new Int32Array(categorySlugs.length)
  const consider = (i: number) => {
    if (i < first || i >= end) return
    const offset = i * words
    for (let w = 0; w < words; w++) if ((topicBits[offset + w]! & required[w]!) !== required[w]) return
    const c = categories[i]!
    categoryCounts[c]! += 1
    if (category !== -1 && c !== category) return
    shown.push(articles[i]!)
    for (let w = 0; w < words; w++) {
      for (let bits = topicBits[offset + w]!; bits !== 0; bits &= bits - 1) {
        topicCounts[w * 32 + 31 - Math.clz32(bits & -bits)]! += 1
      }
    }
  }
  if (impossible) {
    // A topic no release carries matches nothing.
  } else if (hits && search.sort === 'date') {
    const ids = Int32Array.from(hits, (hit) => hit.id).sort()
    for (const id of ids) consider(id)
  } else if (hits) {
    for (const hit of hits) consider(hit.id)
  } else {
    for (let i = first; i < end; i++) consider(i)
  }
  return { articles: shown, total: shown.length, topicCounts: toCounts(topicCounts, topicSlugs), categoryCounts: toCounts(categoryCounts, categorySlugs) }
}

function toCounts(counts: Int32Array, slugs: readonly string[]): Map<string, number> {
  const map = new Map<string, number>()
  counts.forEach((count, i) => {
    if (count > 0) map.set(slugs[i]!, count)
  })
  return map
}

export interface MonthGroup {
  /** `YYYY-MM` */
  month: string
  label: string
  articles: ArticleSummary[]
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** Consecutive releases of the same month, under that month's name. */
export function groupByMonth(articles: readonly ArticleSummary[]): MonthGroup[] {
  const groups: MonthGroup[] = []
  for (const article of articles) {
    const month = article.date.slice(0, 7)
    const last = groups[groups.length - 1]
    if (last?.month === month) last.articles.push(article)
    else groups.push({ month, label: monthFormat.format(new Date(`${month}-01T00:00:00Z`)), articles: [article] })
  }
  return groups
}

export interface DateRange {
  label: string
  from: string
  to: string
}

function shiftDate(iso: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const date = new Date(`${iso}T00:00:00Z`)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay) + days)
  return date.toISOString().slice(0, 10)
}

/**
 * One-click date ranges: the archive's latest month and year (counted back from its newest
 * release, so an archive that stopped in 2024 still answers), and each year that has releases.
 */
export function quickRanges(head: Pick<ArchiveHead, 'newest' | 'years'>): DateRange[] {
  const { newest } = head
  if (!newest) return []
  const ranges: DateRange[] = [
    { label: 'Latest month', from: shiftDate(newest, { months: -1, days: 1 }), to: newest },
    { label: 'Latest year', from: shiftDate(newest, { months: -12, days: 1 }), to: newest },
  ]
  for (const year of [...head.years].sort().reverse()) {
    ranges.push({ label: year, from: `${year}-01-01`, to: `${year}-12-31` })
  }
  return ranges
}
