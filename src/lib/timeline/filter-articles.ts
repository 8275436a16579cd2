import type { ArticleSummary } from '@/pipeline/types'
import type { TimelineSearch } from './timeline-search'

interface Filters {
  topics: readonly string[]
  category?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

function matches(article: ArticleSummary, filters: Filters): boolean {
  if (filters.category !== undefined && article.category !== filters.category) return false
  if (filters.from !== undefined && article.date < filters.from) return false
  if (filters.to !== undefined && article.date > filters.to) return false
  return filters.topics.every((topic) => article.topics.includes(topic))
}

function toFilters(search: TimelineSearch, pinnedTopic?: string): Filters {
  const topics = [...(pinnedTopic ? [pinnedTopic] : []), ...(search.topic ?? []).filter((t) => t !== pinnedTopic)]
  return { topics, category: search.category, from: search.from, to: search.to }
}

export interface TimelineView {
  articles: ArticleSummary[]
  /** How many of the shown releases carry each topic: what choosing it would leave. */
  topicCounts: Map<string, number>
  /** How many releases each category would show, the other filters kept. */
  categoryCounts: Map<string, number>
}

/**
 * The releases the timeline shows for an address, with the counts beside each filter.
 * `pinnedTopic` is the topic of a topic page, always applied. `hits` are the releases a search
 * found (by position in `articles`), best first: only they are shown, by relevance unless the
 * address asks for date order. Without a search, the order is the archive's (newest first).
 */
export function filterArticles(
  articles: readonly ArticleSummary[],
  search: TimelineSearch,
  pinnedTopic?: string,
  hits?: readonly { id: number }[],
): TimelineView {
  const filters = toFilters(search, pinnedTopic)
  let candidates: readonly ArticleSummary[] = articles
  if (hits && search.sort === 'date') {
    const found = new Set(hits.map((hit) => hit.id))
    candidates = articles.filter((_, id) => found.has(id))
  } else if (hits) {
    candidates = hits.map((hit) => articles[hit.id]!)
  }
  const shown: ArticleSummary[] = []
  const topicCounts = new Map<string, number>()
  const categoryCounts = new Map<string, number>()
  const anyCategory = { ...filters, category: undefined }
  for (const article of candidates) {
    if (!matches(article, anyCategory)) continue
    categoryCounts.set(article.category, (categoryCounts.get(article.category) ?? 0) + 1)
    if (filters.category !== undefined && article.category !== filters.category) continue
    shown.push(article)
    for (const topic of article.topics) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1)
  }
  return { articles: shown, topicCounts, categoryCounts }
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
 * `articles` are newest first.
 */
export function quickRanges(articles: readonly ArticleSummary[]): DateRange[] {
  const newest = articles[0]?.date
  const oldest = articles[articles.length - 1]?.date
  if (!newest || !oldest) return []
  const ranges: DateRange[] = [
    { label: 'Latest month', from: shiftDate(newest, { months: -1, days: 1 }), to: newest },
    { label: 'Latest year', from: shiftDate(newest, { months: -12, days: 1 }), to: newest },
  ]
  const years = new Set(articles.map((a) => a.date.slice(0, 4)))
  for (const year of [...years].sort().reverse()) {
    ranges.push({ label: year, from: `${year}-01-01`, to: `${year}-12-31` })
  }
  return ranges
}
