import { describe, expect, it } from 'vitest'
import { dateToDay, dayToDate, TIMELINE_PAGE_SIZE, toHead, toListing } from '@/pipeline/archive-files'
import { buildArchive } from '@/pipeline/build-archive'
import type { ArchiveListing } from '@/pipeline/types'
import { generateCorpus } from '../../../scripts/corpus/generate-corpus'
import { createListing, filterArticles, listingFromColumns } from './listing'
import { readSeedFile } from '@/test/seed'

const read = readSeedFile
const taxonomy = { path: 'topics.yaml', text: read('topics.yaml') }
const seed = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], taxonomy).index

describe('day numbers', () => {
  it('round-trip every kind of date', () => {
    for (const date of ['1970-01-01', '2008-02-29', '2024-05-22', '2024-12-31', '1969-12-31']) {
      expect(dayToDate(dateToDay(date))).toBe(date)
    }
    expect(dateToDay('2024-05-23') - dateToDay('2024-05-22')).toBe(1)
  })
})

describe('the head', () => {
  it('holds the first page of the timeline and counts over the whole archive', () => {
    const head = toHead(seed)
    expect(head.total).toBe(10)
    expect(head.latest).toEqual(seed.articles)
    expect(head.topics).toEqual(seed.topics)
    expect(head).toMatchObject({ newest: '2024-05-24', oldest: '2024-05-07', years: ['2024'] })
  })
})

describe('the listing in columns', () => {
  it('gives back exactly the summaries it was made from', () => {
    const listing = listingFromColumns(toListing(seed), toHead(seed))
    expect(listing.articles).toEqual(seed.articles)
  })

  it('filters like the summaries do, on a larger archive', () => {
    const pages = generateCorpus({ count: 400, source: { path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') } })
    const { index } = buildArchive(
      pages.map((p) => ({ path: p.name, text: p.text })),
      taxonomy,
    )
    const fetched = listingFromColumns(JSON.parse(JSON.stringify(toListing(index))) as ArchiveListing, toHead(index))
    const direct = createListing(index.articles, index)
    expect(toHead(index).latest).toHaveLength(TIMELINE_PAGE_SIZE)
    const topic = index.topics.find((t) => t.count > 20 && t.count < 200)!.slug
    for (const search of [{}, { topic: [topic] }, { category: 'energy' }, { from: '2015-01-01', to: '2016-06-30' }]) {
      // The fetched listing filters itself (what the pages call) as the function does on the summaries.
      const a = fetched.view(search)
      const b = filterArticles(direct, search)
      expect(a.articles.map((x) => x.slug)).toEqual(b.articles.map((x) => x.slug))
      expect(a.topicCounts).toEqual(b.topicCounts)
      expect(a.categoryCounts).toEqual(b.categoryCounts)
    }
  })
})
