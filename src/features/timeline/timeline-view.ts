import type { ArchiveHead, ArticleSummary } from '@/pipeline/types'
import type { TimelineSearch } from './timeline-search'

export interface TimelineView {
  /** The releases shown, or the first of them (`total` says how many there are). */
  articles: readonly ArticleSummary[]
  /** Their positions in the listing, in the same order. */
  ids: readonly number[]
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
    ids: head.latest.map((_, i) => i),
    total: head.total,
    topicCounts: new Map(head.topics.filter((t) => t.count > 0).map((t) => [t.slug, t.count])),
    categoryCounts: new Map(head.categories.map((c) => [c.slug, c.count])),
  }
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
