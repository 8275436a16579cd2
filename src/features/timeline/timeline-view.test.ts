import { describe, it, expect } from 'vitest'
import { buildArchive } from '@/pipeline/build-archive'
import type { ArticleSummary } from '@/pipeline/types'
import { toHead } from '@/pipeline/archive-files'
import { groupByMonth, quickRanges } from './timeline-view'
import { createListing, filterArticles } from './listing'
import type { TimelineSearch } from './timeline-search'
import { readSeedFile } from '@/test/seed'

const read = readSeedFile
const { index } = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], {
  path: 'topics.yaml',
  text: read('topics.yaml'),
})
const seed = index.articles
const dates = (list: readonly ArticleSummary[]) => list.map((a) => a.date)
const slugs = (list: readonly ArticleSummary[]) => list.map((a) => a.slug)

const rangesOf = (articles: ArticleSummary[]) => quickRanges(toHead({ articles, topics: [], categories: [], successors: {} }))

let counter = 0
function article(date: string, category: string, topics: string[]): ArticleSummary {
  counter += 1
  return {
    slug: `${date}-release-${counter}`,
    date,
    category,
    title: `Release ${counter}`,
    excerpt: '',
    topics,
    readingMinutes: 1,
  }
}

// Newest first, as the archive lists them: three categories over four years.
const mixed: ArticleSummary[] = [
  article('2025-01-15', 'trade', ['exports', 'ai']),
  article('2025-01-03', 'industry', ['ai']),
  article('2024-12-31', 'trade', ['exports']),
  article('2024-12-01', 'energy', ['energy']),
  article('2024-06-30', 'industry', ['ai', 'semiconductors']),
  article('2024-03-31', 'trade', ['exports']),
  article('2023-03-01', 'industry', ['semiconductors']),
  article('2022-07-04', 'energy', []),
]

/** Counts computed straight from the list, to check the view's counts against. */
function countTopics(list: readonly ArticleSummary[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const a of list) for (const t of a.topics) counts.set(t, (counts.get(t) ?? 0) + 1)
  return counts
}

describe('the seed archive', () => {
  it('is the ten May 2024 industry releases, newest first', () => {
    expect(seed).toHaveLength(10)
    expect(seed.every((a) => a.date.startsWith('2024-05-') && a.category === 'industry')).toBe(true)
    expect(dates(seed)).toEqual([...dates(seed)].sort().reverse())
    expect(seed[0]?.date).toBe('2024-05-24')
    expect(seed[9]?.date).toBe('2024-05-07')
  })
})

describe('filterArticles on the seed', () => {
  it('shows every release in archive order when nothing is chosen', () => {
    const view = filterArticles(createListing(seed), {})
    expect(slugs(view.articles)).toEqual(slugs(seed))
    expect(view.categoryCounts).toEqual(new Map([['industry', 10]]))
  })

  it('requires every chosen topic', () => {
    const one = filterArticles(createListing(seed), { topic: ['aerospace'] }).articles
    expect(dates(one)).toEqual(['2024-05-24', '2024-05-22', '2024-05-10', '2024-05-10'])
    const both = filterArticles(createListing(seed), { topic: ['aerospace', 'materials'] }).articles
    expect(dates(both)).toEqual(['2024-05-24', '2024-05-22'])
    expect(both.every((a) => a.topics.includes('aerospace') && a.topics.includes('materials'))).toBe(true)
    expect(filterArticles(createListing(seed), { topic: ['materials', 'aerospace'] }).articles).toEqual(both)
  })

  it('shows nothing for topics no release shares', () => {
    const view = filterArticles(createListing(seed), { topic: ['ai', 'aerospace'] })
    expect(view.articles).toEqual([])
    expect(view.topicCounts.size).toBe(0)
  })

  it('matches the per-topic counts the archive reports', () => {
    for (const topic of index.topics) {
      expect(filterArticles(createListing(seed), { topic: [topic.slug] }).articles).toHaveLength(topic.count)
    }
  })

  it('filters by category', () => {
    expect(filterArticles(createListing(seed), { category: 'industry' }).articles).toHaveLength(10)
    const none = filterArticles(createListing(seed), { category: 'energy' })
    expect(none.articles).toEqual([])
    expect(none.categoryCounts.get('industry')).toBe(10)
  })

  it('includes releases dated exactly on from and to', () => {
    expect(dates(filterArticles(createListing(seed), { from: '2024-05-10', to: '2024-05-16' }).articles)).toEqual([
      '2024-05-16',
      '2024-05-14',
      '2024-05-10',
      '2024-05-10',
    ])
    expect(dates(filterArticles(createListing(seed), { from: '2024-05-10', to: '2024-05-10' }).articles)).toEqual([
      '2024-05-10',
      '2024-05-10',
    ])
    expect(filterArticles(createListing(seed), { from: '2024-05-24' }).articles).toHaveLength(1)
    expect(filterArticles(createListing(seed), { to: '2024-05-07' }).articles).toHaveLength(1)
    expect(filterArticles(createListing(seed), { from: '2024-05-25' }).articles).toEqual([])
    expect(filterArticles(createListing(seed), { to: '2024-05-06' }).articles).toEqual([])
  })

  it('always applies the pinned topic', () => {
    const pinned = filterArticles(createListing(seed), {}, 'aerospace')
    expect(dates(pinned.articles)).toEqual(['2024-05-24', '2024-05-22', '2024-05-10', '2024-05-10'])
    expect(filterArticles(createListing(seed), { topic: ['materials'] }, 'aerospace').articles).toHaveLength(2)
    expect(filterArticles(createListing(seed), { topic: ['ai'] }, 'aerospace').articles).toEqual([])
    expect(filterArticles(createListing(seed), { from: '2024-05-20' }, 'aerospace').articles).toHaveLength(2)
  })

  it('does not double the pinned topic when the search names it too', () => {
    const pinned = filterArticles(createListing(seed), {}, 'aerospace')
    const both = filterArticles(createListing(seed), { topic: ['aerospace'] }, 'aerospace')
    expect(both).toEqual(pinned)
    expect(both.topicCounts.get('aerospace')).toBe(4)
    expect(filterArticles(createListing(seed), { topic: ['aerospace', 'materials'] }, 'aerospace').articles).toHaveLength(2)
  })

  const searches: [string, TimelineSearch, string?][] = [
    ['no filter', {}],
    ['one topic', { topic: ['international-cooperation'] }],
    ['two topics', { topic: ['aerospace', 'standards'] }],
    ['a date range', { from: '2024-05-09', to: '2024-05-16' }],
    ['a topic page', {}, 'aerospace'],
    ['a topic page with a range', { to: '2024-05-12' }, 'international-cooperation'],
  ]

  it.each(searches)('counts, for %s, the shown releases carrying each topic', (_, search, pinned) => {
    const view = filterArticles(createListing(seed), search, pinned)
    expect(view.topicCounts).toEqual(countTopics(view.articles))
  })

  it.each(searches)('for %s, choosing a counted topic shows exactly its count', (_, search, pinned) => {
    const view = filterArticles(createListing(seed), search, pinned)
    expect(view.topicCounts.size).toBeGreaterThan(0)
    for (const [topic, count] of view.topicCounts) {
      const narrowed = filterArticles(createListing(seed), { ...search, topic: [...(search.topic ?? []), topic] }, pinned)
      expect(narrowed.articles, topic).toHaveLength(count)
    }
  })

  it('gives topic counts equal to the archive totals when nothing is chosen', () => {
    const { topicCounts } = filterArticles(createListing(seed), {})
    const expected = new Map(index.topics.filter((t) => t.count > 0).map((t) => [t.slug, t.count]))
    expect(topicCounts).toEqual(expected)
  })

  it('does not change the list it is given', () => {
    const before = structuredClone(seed)
    filterArticles(createListing(seed), { topic: ['aerospace'], from: '2024-05-10' }, 'materials')
    expect(seed).toEqual(before)
  })
})

describe('filterArticles across categories', () => {
  it('counts each category with no filter', () => {
    const view = filterArticles(createListing(mixed), {})
    expect(view.articles).toEqual(mixed)
    expect(view.categoryCounts).toEqual(
      new Map([
        ['trade', 3],
        ['industry', 3],
        ['energy', 2],
      ]),
    )
  })

  it('keeps category counts whole when a category is chosen', () => {
    const view = filterArticles(createListing(mixed), { category: 'trade' })
    expect(dates(view.articles)).toEqual(['2025-01-15', '2024-12-31', '2024-03-31'])
    expect(view.categoryCounts).toEqual(
      new Map([
        ['trade', 3],
        ['industry', 3],
        ['energy', 2],
      ]),
    )
    expect(view.topicCounts).toEqual(
      new Map([
        ['exports', 3],
        ['ai', 1],
      ]),
    )
  })

  it('lets category counts follow the topic and date filters', () => {
    const ai = filterArticles(createListing(mixed), { topic: ['ai'] })
    expect(ai.categoryCounts.get('trade')).toBe(1)
    expect(ai.categoryCounts.get('industry')).toBe(2)
    expect(ai.categoryCounts.get('energy') ?? 0).toBe(0)

    const since2024 = filterArticles(createListing(mixed), { from: '2024-01-01', category: 'energy' })
    expect(dates(since2024.articles)).toEqual(['2024-12-01'])
    expect(since2024.categoryCounts.get('trade')).toBe(3)
    expect(since2024.categoryCounts.get('industry')).toBe(2)
    expect(since2024.categoryCounts.get('energy')).toBe(1)
    expect(since2024.topicCounts).toEqual(new Map([['energy', 1]]))
  })

  it('has each category count equal to what choosing that category shows', () => {
    const search: TimelineSearch = { to: '2024-12-31', from: '2023-01-01' }
    const view = filterArticles(createListing(mixed), search)
    for (const category of ['trade', 'industry', 'energy']) {
      const shown = filterArticles(createListing(mixed), { ...search, category }).articles
      expect(view.categoryCounts.get(category) ?? 0, category).toBe(shown.length)
      expect(shown.every((a) => a.category === category)).toBe(true)
    }
  })

  it('applies a year range across a year boundary', () => {
    expect(dates(filterArticles(createListing(mixed), { from: '2024-01-01', to: '2024-12-31' }).articles)).toEqual([
      '2024-12-31',
      '2024-12-01',
      '2024-06-30',
      '2024-03-31',
    ])
  })

  it('keeps results newest first', () => {
    for (const search of [{}, { topic: ['exports'] }, { category: 'industry' }, { from: '2023-01-01' }]) {
      const shown = dates(filterArticles(createListing(mixed), search).articles)
      expect(shown).toEqual([...shown].sort().reverse())
    }
  })
})

describe('groupByMonth', () => {
  it('puts the seed under a single May 2024 heading, in order', () => {
    const groups = groupByMonth(seed)
    expect(groups).toHaveLength(1)
    expect(groups[0]?.month).toBe('2024-05')
    expect(groups[0]?.label).toBe('May 2024')
    expect(slugs(groups[0]?.articles ?? [])).toEqual(slugs(seed))
  })

  it('groups consecutive months with readable labels across years', () => {
    const groups = groupByMonth(mixed)
    expect(groups.map((g) => [g.month, g.label, g.articles.length])).toEqual([
      ['2025-01', 'January 2025', 2],
      ['2024-12', 'December 2024', 2],
      ['2024-06', 'June 2024', 1],
      ['2024-03', 'March 2024', 1],
      ['2023-03', 'March 2023', 1],
      ['2022-07', 'July 2022', 1],
    ])
  })

  it('keeps every release once, in the order given', () => {
    expect(groupByMonth(mixed).flatMap((g) => g.articles)).toEqual(mixed)
  })

  it('names the month of releases on its first and last days', () => {
    const edges = [article('2024-12-31', 'trade', []), article('2024-01-01', 'trade', [])]
    expect(groupByMonth(edges).map((g) => g.label)).toEqual(['December 2024', 'January 2024'])
  })

  it('gives no groups for no releases', () => {
    expect(groupByMonth([])).toEqual([])
  })
})

describe('quickRanges', () => {
  it('gives nothing for no releases', () => {
    expect(rangesOf([])).toEqual([])
  })

  it('counts the latest month and year back from the newest seed release', () => {
    expect(rangesOf(seed)).toEqual([
      { label: 'Latest month', from: '2024-04-25', to: '2024-05-24' },
      { label: 'Latest year', from: '2023-05-25', to: '2024-05-24' },
      { label: '2024', from: '2024-01-01', to: '2024-12-31' },
    ])
  })

  it('gives one range per year, newest to oldest', () => {
    expect(rangesOf(mixed)).toEqual([
      { label: 'Latest month', from: '2024-12-16', to: '2025-01-15' },
      { label: 'Latest year', from: '2024-01-16', to: '2025-01-15' },
      { label: '2025', from: '2025-01-01', to: '2025-12-31' },
      { label: '2024', from: '2024-01-01', to: '2024-12-31' },
      { label: '2023', from: '2023-01-01', to: '2023-12-31' },
      { label: '2022', from: '2022-01-01', to: '2022-12-31' },
    ])
  })

  it.each([
    // newest, latest month from, latest year from
    ['2024-03-31', '2024-03-01', '2023-04-01'], // February has no 31st: the whole of March
    ['2024-03-30', '2024-03-01', '2023-03-31'],
    ['2023-03-29', '2023-03-01', '2022-03-30'],
    ['2024-02-29', '2024-01-30', '2023-03-01'], // no 29 February 2023
    ['2024-01-31', '2024-01-01', '2023-02-01'], // across the year boundary
    ['2024-01-01', '2023-12-02', '2023-01-02'],
    ['2025-03-01', '2025-02-02', '2024-03-02'],
    ['2024-12-31', '2024-12-01', '2024-01-01'],
  ])('from newest %s: latest month from %s, latest year from %s', (newest, month, year) => {
    const ranges = rangesOf([article(newest, 'trade', [])])
    expect(ranges[0]).toEqual({ label: 'Latest month', from: month, to: newest })
    expect(ranges[1]).toEqual({ label: 'Latest year', from: year, to: newest })
    expect(ranges.slice(2).map((r) => r.label)).toEqual([newest.slice(0, 4)])
  })

  it('makes the latest ranges cover the newest release and no more than a month or a year', () => {
    for (const newest of ['2024-05-24', '2024-03-31', '2024-02-29', '2023-12-31', '2024-01-01', '2024-07-15']) {
      const [month, year] = rangesOf([article(newest, 'trade', [])])
      const days = (r: { from: string; to: string }) =>
        (Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000 + 1
      expect(month!.from <= newest && month!.to === newest).toBe(true)
      expect(days(month!)).toBeGreaterThanOrEqual(28)
      expect(days(month!)).toBeLessThanOrEqual(31)
      expect(days(year!)).toBeGreaterThanOrEqual(365)
      expect(days(year!)).toBeLessThanOrEqual(366)
    }
  })

  it('gives ranges that, applied, show the expected releases', () => {
    const [month, year, ...years] = rangesOf(mixed)
    expect(dates(filterArticles(createListing(mixed), { from: month!.from, to: month!.to }).articles)).toEqual([
      '2025-01-15',
      '2025-01-03',
      '2024-12-31',
    ])
    expect(dates(filterArticles(createListing(mixed), { from: year!.from, to: year!.to }).articles)).toEqual([
      '2025-01-15',
      '2025-01-03',
      '2024-12-31',
      '2024-12-01',
      '2024-06-30',
      '2024-03-31',
    ])
    const perYear = years.map((r) => filterArticles(createListing(mixed), { from: r.from, to: r.to }).articles.length)
    expect(perYear).toEqual([2, 4, 1, 1])
  })
})

describe('filterArticles with search hits', () => {
  // Hits name releases by position in the archive index, best first, as the search engine gives them.
  const hits = (...ids: number[]) => ids
  // The releases holding "roadmap", titles first: the AI and carbon roadmaps, then the carbon meeting.
  const roadmap = hits(8, 1, 0)

  it('shows only the releases found, in the order found', () => {
    const view = filterArticles(createListing(seed), {}, undefined, roadmap)
    expect(slugs(view.articles)).toEqual([seed[8]!.slug, seed[1]!.slug, seed[0]!.slug])
    expect(slugs(filterArticles(createListing(seed), {}, undefined, hits(9, 0)).articles)).toEqual([seed[9]!.slug, seed[0]!.slug])
  })

  it('shows the releases found newest first when the address asks for date order', () => {
    const view = filterArticles(createListing(seed), { sort: 'date' }, undefined, roadmap)
    expect(slugs(view.articles)).toEqual([seed[0]!.slug, seed[1]!.slug, seed[8]!.slug])
    expect(dates(view.articles)).toEqual([...dates(view.articles)].sort().reverse())
    expect(slugs(filterArticles(createListing(seed), { sort: 'date' }, undefined, hits(9, 0)).articles)).toEqual([
      seed[0]!.slug,
      seed[9]!.slug,
    ])
  })

  it('shows nothing, with no counts, when the search found nothing', () => {
    for (const search of [{}, { sort: 'date' as const }]) {
      const view = filterArticles(createListing(seed), search, undefined, [])
      expect(view.articles).toEqual([])
      expect(view.topicCounts.size).toBe(0)
      expect(view.categoryCounts.size).toBe(0)
    }
  })

  it('counts topics and categories among the releases found only', () => {
    for (const search of [{}, { sort: 'date' as const }]) {
      const view = filterArticles(createListing(seed), search, undefined, roadmap)
      expect(view.topicCounts).toEqual(countTopics(view.articles))
      expect(view.topicCounts).toEqual(
        new Map([
          ['ai', 1],
          ['manufacturing', 1],
          ['aerospace', 2],
          ['materials', 2],
          ['standards', 2],
        ]),
      )
      expect(view.categoryCounts).toEqual(new Map([['industry', 3]]))
    }
  })

  it('applies the other filters to the releases found, keeping their order', () => {
    expect(slugs(filterArticles(createListing(seed), { topic: ['aerospace'] }, undefined, roadmap).articles)).toEqual([
      seed[1]!.slug,
      seed[0]!.slug,
    ])
    expect(slugs(filterArticles(createListing(seed), { topic: ['ai'] }, undefined, roadmap).articles)).toEqual([seed[8]!.slug])
    expect(slugs(filterArticles(createListing(seed), {}, 'ai', roadmap).articles)).toEqual([seed[8]!.slug])
    expect(slugs(filterArticles(createListing(seed), { from: '2024-05-20' }, undefined, roadmap).articles)).toEqual([
      seed[1]!.slug,
      seed[0]!.slug,
    ])
    const energy = filterArticles(createListing(seed), { category: 'energy' }, undefined, roadmap)
    expect(energy.articles).toEqual([])
    expect(energy.categoryCounts).toEqual(new Map([['industry', 3]]))
  })

  it('has each topic count equal to what choosing that topic shows among the hits', () => {
    const view = filterArticles(createListing(seed), {}, undefined, roadmap)
    for (const [topic, count] of view.topicCounts) {
      expect(filterArticles(createListing(seed), { topic: [topic] }, undefined, roadmap).articles, topic).toHaveLength(count)
    }
  })

  it('keeps the relevance order across categories, and date order when asked', () => {
    // The energy release of 2022 first, then the three trade releases out of date order.
    const found = hits(7, 5, 0, 2)
    expect(dates(filterArticles(createListing(mixed), {}, undefined, found).articles)).toEqual([
      '2022-07-04',
      '2024-03-31',
      '2025-01-15',
      '2024-12-31',
    ])
    expect(dates(filterArticles(createListing(mixed), { sort: 'date' }, undefined, found).articles)).toEqual([
      '2025-01-15',
      '2024-12-31',
      '2024-03-31',
      '2022-07-04',
    ])
    const trade = filterArticles(createListing(mixed), { category: 'trade' }, undefined, found)
    expect(dates(trade.articles)).toEqual(['2024-03-31', '2025-01-15', '2024-12-31'])
    expect(trade.categoryCounts).toEqual(
      new Map([
        ['energy', 1],
        ['trade', 3],
      ]),
    )
    expect(trade.topicCounts).toEqual(
      new Map([
        ['exports', 3],
        ['ai', 1],
      ]),
    )
  })

  it('shows what the search engine finds on the seed, relevance or date first', async () => {
    const { engineOver } = await import('@/lib/search/test-engine')
    const { articles } = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], {
      path: 'topics.yaml',
      text: read('topics.yaml'),
    })
    const engine = engineOver(articles.map((a) => ({ title: a.title, body: a.paragraphs.join(' ') })))
    const ids = async (query: string) => (await engine.search(query)).map((hit) => hit.id)

    const lithium = filterArticles(createListing(seed), {}, undefined, await ids('lithium'))
    expect(lithium.articles.map((a) => a.title)).toEqual(['Korea and Chile to push forward cooperation in critical minerals supply chain'])

    const found = await ids('roadmap')
    const byRelevance = filterArticles(createListing(seed), {}, undefined, found).articles
    expect(slugs(byRelevance)).toEqual(found.map((id) => seed[id]!.slug))
    expect(byRelevance[2]?.title).toBe('2nd Carbon Composites Jump Up Partnership Meeting')
    const byDate = filterArticles(createListing(seed), { sort: 'date' }, undefined, found).articles
    expect(slugs(byDate)).toEqual(slugs(seed.filter((_, i) => found.includes(i))))
    expect(new Set(slugs(byDate))).toEqual(new Set(slugs(byRelevance)))
  })

  it('does not change the hits or the list it is given', () => {
    const before = structuredClone(seed)
    const given = hits(8, 1, 0)
    filterArticles(createListing(seed), { sort: 'date', topic: ['aerospace'] }, undefined, given)
    filterArticles(createListing(seed), {}, undefined, given)
    expect(given).toEqual(hits(8, 1, 0))
    expect(seed).toEqual(before)
  })
})
