import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@/pipeline/types'
import {
  isWholeTimeline,
  needsListing,
  timelineGroups,
  timelineSource,
  timelineStatus,
  timelineView,
  type TimelineStatusInput,
} from './timeline-state'
import type { TimelineView } from './timeline-view'

const release = (slug: string, date: string): ArticleSummary => ({
  slug,
  date,
  category: 'news',
  title: slug,
  excerpt: '',
  topics: [],
  readingMinutes: 1,
})
// A head that holds the newest 25 of 1,000 releases.
const head = { total: 1000, latest: Array.from({ length: 25 }, (_, i) => release(`r${i}`, '2024-05-01')) }

describe('where the timeline’s releases come from', () => {
  it('is the head for the newest releases, up to as many as it holds', () => {
    expect(timelineSource({}, undefined, 25, head)).toBe('latest')
    expect(timelineSource({ sort: 'date' }, undefined, 25, head)).toBe('latest')
  })

  it('is the whole listing past the head’s releases, unless the archive has no more', () => {
    expect(timelineSource({}, undefined, 50, head)).toBe('listing')
    expect(timelineSource({}, undefined, 50, { total: 20, latest: head.latest.slice(0, 20) })).toBe('latest')
  })

  it('is the search’s own files for a query alone, however many are shown', () => {
    expect(timelineSource({ q: 'lithium' }, undefined, 25, head)).toBe('search')
    expect(timelineSource({ q: 'lithium', sort: 'date' }, undefined, 75, head)).toBe('search')
  })

  it('is the whole listing for a filter, with or without a query, and on a topic’s page', () => {
    for (const address of [
      { topic: ['ai'] },
      { category: 'news' },
      { from: '2024-01-01' },
      { to: '2024-01-01' },
      { q: 'lithium', topic: ['ai'] },
    ]) {
      expect(timelineSource(address, undefined, 25, head), JSON.stringify(address)).toBe('listing')
      expect(needsListing(address), JSON.stringify(address)).toBe(true)
    }
    expect(timelineSource({}, 'ai', 25, head)).toBe('listing')
    expect(timelineSource({ q: 'lithium' }, 'ai', 25, head)).toBe('listing')
  })

  it('needs the listing before the first page only for a filter or a topic’s page', () => {
    expect(needsListing({})).toBe(false)
    expect(needsListing({ q: 'lithium', sort: 'date' })).toBe(false)
    expect(needsListing({}, 'ai')).toBe(true)
  })

  it('is the whole archive, newest first, only without a query, a filter or a topic', () => {
    expect(isWholeTimeline({})).toBe(true)
    expect(isWholeTimeline({ sort: 'date' })).toBe(true)
    expect(isWholeTimeline({ q: 'lithium' })).toBe(false)
    expect(isWholeTimeline({ category: 'news' })).toBe(false)
    expect(isWholeTimeline({}, 'ai')).toBe(false)
  })
})

describe('the releases shown', () => {
  const viewOf = (articles: ArticleSummary[]): TimelineView => ({
    articles,
    ids: articles.map((_, i) => i),
    total: articles.length,
    topicCounts: new Map(),
    categoryCounts: new Map(),
  })
  const latest = viewOf(head.latest)
  const answered = viewOf(head.latest.slice(3, 5))
  // A listing that says what it was asked for.
  const asked: unknown[] = []
  const filteredView = viewOf(head.latest.slice(0, 2))
  const listing = {
    view: (...request: unknown[]) => {
      asked.push(request)
      return filteredView
    },
  }

  it('are the newest releases for the whole timeline, whatever else is loaded', () => {
    expect(timelineView({ source: 'latest', query: undefined, addressQuery: undefined, latest, listing, search: {} })).toBe(latest)
  })

  it('are the listing’s answer to the address, its filters, topic page and hits, once it is loaded', () => {
    const search = { topic: ['ai'], q: 'lithium' }
    const hits = [4, 2]
    expect(
      timelineView({ source: 'listing', query: 'lithium', addressQuery: 'lithium', latest, search, pinnedTopic: 'trade' }),
    ).toBeUndefined()
    expect(
      timelineView({ source: 'listing', query: 'lithium', addressQuery: 'lithium', latest, listing, search, pinnedTopic: 'trade', hits }),
    ).toBe(filteredView)
    expect(asked.at(-1)).toEqual([search, 'trade', hits])
  })

  it('are the search’s answer for a query alone, and the listing’s when it is there', () => {
    const search = { q: 'lithium' }
    expect(timelineView({ source: 'search', query: 'lithium', addressQuery: 'lithium', latest, searchView: answered, search })).toBe(
      answered,
    )
    expect(
      timelineView({ source: 'search', query: 'lithium', addressQuery: 'lithium', latest, listing, searchView: answered, search }),
    ).toBe(filteredView)
  })

  it('are nothing yet on a fresh visit to a search’s address, before its answer', () => {
    expect(timelineView({ source: 'search', query: 'lithium', addressQuery: 'lithium', latest, search: { q: 'lithium' } })).toBeUndefined()
  })

  it('stay as they were while the reader types ahead of the address, until the first answer', () => {
    expect(timelineView({ source: 'search', query: 'li', addressQuery: undefined, latest, search: {} })).toBe(latest)
    expect(
      timelineView({ source: 'search', query: 'lit', addressQuery: undefined, latest, searchView: answered, search: { q: 'lit' } }),
    ).toBe(answered)
  })
})

describe('the groups shown', () => {
  const visible = [release('a', '2024-05-10'), release('b', '2024-05-02'), release('c', '2024-04-30')]

  it('are months, newest first, for a timeline', () => {
    expect(timelineGroups(visible, false).map((g) => [g.month, g.label, g.articles.map((a) => a.slug)])).toEqual([
      ['2024-05', 'May 2024', ['a', 'b']],
      ['2024-04', 'April 2024', ['c']],
    ])
  })

  it('are one group of results, in their order, for the best matches first', () => {
    expect(timelineGroups(visible, true)).toEqual([{ month: 'results', label: '', articles: visible }])
  })
})

describe('the status line', () => {
  const base: TimelineStatusInput = {
    failed: false,
    found: 12,
    query: undefined,
    answeredQuery: undefined,
    byRelevance: false,
    filtered: false,
    total: 1000,
  }

  it('counts the archive, or what a filter kept of it', () => {
    expect(timelineStatus(base)).toBe('1,000 releases, newest first')
    expect(timelineStatus({ ...base, filtered: true })).toBe('Showing 12 releases of 1,000')
    expect(timelineStatus({ ...base, filtered: true, found: 1 })).toBe('Showing 1 release of 1,000')
  })

  it('names the query its answer is for, and the order', () => {
    expect(timelineStatus({ ...base, query: 'lithium', answeredQuery: 'lithium', byRelevance: true })).toBe(
      '12 releases found for “lithium”, best match first',
    )
    // The answer shown may be for the letters typed before the last.
    expect(timelineStatus({ ...base, query: 'lithiu', answeredQuery: 'lithi', filtered: true })).toBe(
      '12 releases found for “lithi”, newest first',
    )
  })

  it('says what it waits for, and when the search failed', () => {
    expect(timelineStatus({ ...base, found: undefined })).toBe('Loading the archive…')
    expect(timelineStatus({ ...base, query: 'lithium' })).toBe('Searching…')
    expect(timelineStatus({ ...base, failed: true, query: 'lithium' })).toBe(
      'The search could not be loaded. Check the connection and reload the page.',
    )
  })
})
