import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildArchive } from '../../src/pipeline/build-archive.ts'
import { readArchive, readArchiveSource } from '../../src/pipeline/read-archive.ts'
import type { TopicWithCount } from '../../src/pipeline/types.ts'
import { generateCorpus } from '../corpus/generate-corpus.ts'
import { readSeedFile, SEED_FOLDER } from '../../src/test/seed.ts'
import { absoluteUrl, FEED_ENTRIES, siteFiles, type SiteArchive, type SiteArticle, type SiteOptions } from './site-files.ts'
import { type SitemapEntry, sitemapFiles } from './sitemap.ts'

const SITE: SiteOptions = { siteUrl: 'https://example.org', basePath: '/reader/' }
const ROOT = 'https://example.org/reader/'
const MINISTRY = 'Ministry of Trade, Industry and Energy'

interface JsonFeed {
  version: string
  title: string
  home_page_url: string
  feed_url: string
  language: string
  authors: { name: string }[]
  items: { id: string; url: string; title: string; summary: string; content_text: string; date_published: string; tags: string[] }[]
}

/** Feed readers are lenient; a strict reader or crawler refuses a whole file that is not well-formed. */
function expectWellFormed(xml: string, name: string) {
  // Its replacement, fast-xml-validator, is not installed; this one comes with @rowanmanning/feed-parser.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  expect(XMLValidator.validate(xml), name).toBe(true)
}

function atom(files: Map<string, string>, name: string) {
  const text = files.get(name)
  expect(text, name).toBeDefined()
  expectWellFormed(text!, name)
  return parseFeed(text!)
}

function json(files: Map<string, string>, name: string): JsonFeed {
  const text = files.get(name)
  expect(text, name).toBeDefined()
  return JSON.parse(text!) as JsonFeed
}

function sitemapEntries(files: Map<string, string>): { loc: string; lastmod?: string }[] {
  const text = files.get('sitemap.xml')!
  expectWellFormed(text, 'sitemap.xml')
  const parsed = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' }).parse(text) as {
    urlset: { url: { loc: string; lastmod?: string }[] }
  }
  return parsed.urlset.url
}

describe('siteFiles on the seed archive', () => {
  let archive: ReturnType<typeof readArchive>
  let files: Map<string, string>
  const articleUrl = (slug: string) => `${ROOT}articles/${slug}`
  const releasesOf = (topic: string) => archive.articles.filter((a) => a.topics.includes(topic))

  beforeAll(() => {
    archive = readArchive(SEED_FOLDER)
    files = siteFiles(archive, SITE)
  })

  it('writes the feeds of the archive and of every topic, the sitemap and robots.txt', () => {
    const topicFiles = archive.index.topics.flatMap((t) => [`topics/${t.slug}/feed.xml`, `topics/${t.slug}/feed.json`])
    expect([...files.keys()].sort()).toEqual(['feed.json', 'feed.xml', 'robots.txt', 'sitemap.xml', ...topicFiles].sort())
  })

  it('lists every release in the Atom feed, newest first, with its address, title, date and excerpt', () => {
    const feed = atom(files, 'feed.xml')
    expect(archive.articles).toHaveLength(10)
    expect(feed.title).toBe('MOTIE press releases')
    expect(feed.language).toBe('en')
    expect(feed.url).toBe(ROOT)
    expect(feed.self).toBe(`${ROOT}feed.xml`)
    expect(feed.updated?.toISOString()).toBe(`${archive.articles[0]!.date}T00:00:00.000Z`)
    expect(feed.items.map((i) => i.url)).toEqual(archive.articles.map((a) => articleUrl(a.slug)))
    archive.articles.forEach((article, n) => {
      const item = feed.items[n]!
      expect(item.id).toBe(articleUrl(article.slug))
      expect(item.title).toBe(article.title)
      expect(item.description).toBe(article.excerpt)
      expect(item.published?.toISOString().slice(0, 10)).toBe(article.date)
      expect(item.updated?.toISOString().slice(0, 10)).toBe(article.date)
      expect(item.authors.map((a) => a.name)).toEqual([MINISTRY])
      const topicLabels = article.topics.map((slug) => archive.index.topics.find((t) => t.slug === slug)!.label)
      expect(item.categories.map((c) => c.label)).toEqual([...topicLabels, article.categoryLabel])
    })
    const dates = feed.items.map((i) => i.published!.getTime())
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })

  it('lists every release in the JSON feed, newest first', () => {
    const feed = json(files, 'feed.json')
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe('MOTIE press releases')
    expect(feed.home_page_url).toBe(ROOT)
    expect(feed.feed_url).toBe(`${ROOT}feed.json`)
    expect(feed.language).toBe('en')
    expect(feed.authors).toEqual([{ name: MINISTRY }])
    expect(feed.items).toEqual(
      archive.articles.map((a): unknown =>
        expect.objectContaining({
          id: articleUrl(a.slug),
          url: articleUrl(a.slug),
          title: a.title,
          summary: a.excerpt,
          content_text: a.excerpt,
          date_published: `${a.date}T00:00:00Z`,
          tags: expect.arrayContaining([a.categoryLabel]),
        }),
      ),
    )
  })

  it('gives each topic a feed of exactly its releases, linking to its timeline', () => {
    expect(archive.index.topics.some((t) => releasesOf(t.slug).length > 1)).toBe(true)
    for (const topic of archive.index.topics) {
      const expected = releasesOf(topic.slug).map((a) => articleUrl(a.slug))
      const feed = atom(files, `topics/${topic.slug}/feed.xml`)
      expect(feed.title).toBe(`MOTIE press releases: ${topic.label}`)
      expect(feed.url).toBe(`${ROOT}topics/${topic.slug}`)
      expect(feed.self).toBe(`${ROOT}topics/${topic.slug}/feed.xml`)
      expect(
        feed.items.map((i) => i.url),
        topic.slug,
      ).toEqual(expected)
      const jsonFeed = json(files, `topics/${topic.slug}/feed.json`)
      expect(jsonFeed.title).toBe(`MOTIE press releases: ${topic.label}`)
      expect(jsonFeed.feed_url).toBe(`${ROOT}topics/${topic.slug}/feed.json`)
      expect(
        jsonFeed.items.map((i) => i.url),
        topic.slug,
      ).toEqual(expected)
    }
  })

  it('puts the site address and base path in every link', () => {
    const links: string[] = []
    for (const [name, text] of files) {
      if (name.endsWith('.json')) {
        const feed = JSON.parse(text) as JsonFeed
        links.push(feed.home_page_url, feed.feed_url, ...feed.items.flatMap((i) => [i.id, i.url]))
      } else if (name.endsWith('feed.xml')) {
        const feed = parseFeed(text)
        links.push(feed.url!, feed.self!, ...feed.items.flatMap((i) => [i.id!, i.url!]))
      }
    }
    links.push(...sitemapEntries(files).map((u) => u.loc))
    expect(links.length).toBeGreaterThan(100)
    for (const link of links) expect(link.startsWith(ROOT), link).toBe(true)
  })

  it('lists every address in the sitemap exactly once, releases with their date', () => {
    const entries = sitemapEntries(files)
    const expected = [
      ROOT,
      `${ROOT}topics`,
      ...archive.index.topics.map((t) => `${ROOT}topics/${t.slug}`),
      ...archive.articles.map((a) => articleUrl(a.slug)),
    ]
    expect(entries.map((e) => e.loc).sort()).toEqual([...new Set(expected)].sort())
    for (const article of archive.articles) {
      expect(entries.find((e) => e.loc === articleUrl(article.slug))?.lastmod).toBe(article.date)
    }
  })

  it('points crawlers at the sitemap', () => {
    expect(files.get('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ROOT}sitemap.xml\n`)
  })

  describe('at another time', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('writes the same bytes for the same archive', () => {
      vi.useFakeTimers()
      vi.setSystemTime(new Date('2031-01-02T03:04:05Z'))
      expect(siteFiles(readArchive(SEED_FOLDER), SITE)).toEqual(files)
    })
  })

  it('serves from the site root when the base path is /', () => {
    const atRoot = siteFiles(archive, { siteUrl: 'https://example.org/', basePath: '/' })
    expect(atom(atRoot, 'feed.xml').items[0]!.url).toBe(`https://example.org/articles/${archive.articles[0]!.slug}`)
    expect(atRoot.get('robots.txt')).toContain('Sitemap: https://example.org/sitemap.xml\n')
  })
})

describe('siteFiles on text that looks like markup', () => {
  const topic: TopicWithCount = {
    slug: 'shipbuilding',
    label: 'Ships & “ports” <b>',
    description: 'Yards & <i>docks</i>',
    group: 'Industries',
    count: 1,
  }
  const empty: TopicWithCount = { ...topic, slug: 'hydrogen', label: 'Hydrogen', count: 0 }
  const release: SiteArticle = {
    slug: 'markup-in-a-title',
    date: '2024-05-22',
    title: '<b>&amp; “quotes”</b> <script>alert(1)</script>',
    excerpt: 'R&D spending rose 5% ]]> as “planned” <br> bell\u0007.',
    topics: ['shipbuilding'],
    category: 'r-d',
    categoryLabel: 'R&D <pilot> "x"',
  }
  const archive: SiteArchive = { index: { topics: [topic, empty] }, articles: [release] }
  const files = siteFiles(archive, SITE)

  it('shows titles, excerpts and labels exactly as written in the Atom feed', () => {
    expect(files.get('feed.xml')).not.toMatch(/<script|<b>|<br>/)
    const item = atom(files, 'feed.xml').items[0]!
    expect(item.title).toBe(release.title)
    // The one character XML cannot hold is replaced; the rest is as written.
    expect(item.description).toBe(release.excerpt.replace('\u0007', '\uFFFD'))
    expect(item.categories.map((c) => c.label)).toEqual([topic.label, release.categoryLabel])
    const topicFeed = atom(files, 'topics/shipbuilding/feed.xml')
    expect(topicFeed.title).toBe(`MOTIE press releases: ${topic.label}`)
    expect(topicFeed.description).toBe(topic.description)
  })

  it('shows them exactly as written in the JSON feed', () => {
    const item = json(files, 'feed.json').items[0]!
    expect(item.title).toBe(release.title)
    expect(item.summary).toBe(release.excerpt)
    expect(item.tags).toEqual([topic.label, release.categoryLabel])
  })

  it('writes an empty feed for a topic without releases, and no date for it in the sitemap', () => {
    const feed = atom(files, 'topics/hydrogen/feed.xml')
    expect(feed.items).toEqual([])
    expect(json(files, 'topics/hydrogen/feed.json').items).toEqual([])
    const entry = sitemapEntries(files).find((e) => e.loc === `${ROOT}topics/hydrogen`)
    expect(entry).toEqual({ loc: `${ROOT}topics/hydrogen` })
  })

  it('names the feeds after siteName when given', () => {
    const named = siteFiles(archive, { ...SITE, siteName: 'Trade & energy' })
    expect(atom(named, 'feed.xml').title).toBe('Trade & energy')
    expect(json(named, 'topics/shipbuilding/feed.json').title).toBe(`Trade & energy: ${topic.label}`)
  })
})

describe('siteFiles on an archive longer than a feed', () => {
  // Feed readers poll a feed for what is new and keep what they saw: it holds the newest releases.
  const seedPage = 'data/000_dc10d14db94d7939.txt'
  const pages = generateCorpus({ count: 400, source: { path: seedPage, text: readSeedFile('000_dc10d14db94d7939.txt') } })
  const archive = buildArchive(
    pages.map((p) => ({ path: p.name, text: p.text })),
    readArchiveSource('data').taxonomy,
  )
  const files = siteFiles(archive, SITE)
  const urls = (articles: readonly { slug: string }[]) => articles.map((a) => `${ROOT}articles/${a.slug}`)

  it('puts exactly the newest releases in the archive’s feeds, newest first', () => {
    expect(archive.articles.length).toBeGreaterThan(FEED_ENTRIES * 2)
    const newest = urls(archive.articles.slice(0, FEED_ENTRIES))
    expect(atom(files, 'feed.xml').items.map((i) => i.url)).toEqual(newest)
    expect(json(files, 'feed.json').items.map((i) => i.url)).toEqual(newest)
  })

  it('puts exactly the newest releases of each topic in its feeds', () => {
    const long = archive.index.topics.filter((t) => t.count > FEED_ENTRIES)
    expect(long.length).toBeGreaterThan(0)
    for (const topic of archive.index.topics) {
      const newest = urls(archive.articles.filter((a) => a.topics.includes(topic.slug)).slice(0, FEED_ENTRIES))
      expect(
        atom(files, `topics/${topic.slug}/feed.xml`).items.map((i) => i.url),
        topic.slug,
      ).toEqual(newest)
      expect(
        json(files, `topics/${topic.slug}/feed.json`).items.map((i) => i.url),
        topic.slug,
      ).toEqual(newest)
    }
  })

  it('still lists every release in the sitemap', () => {
    const listed = new Set(sitemapEntries(files).map((e) => e.loc))
    for (const url of urls(archive.articles)) expect(listed.has(url), url).toBe(true)
  })
})

describe('sitemapFiles', () => {
  const url = (path: string) => `${ROOT}${path}`
  const entries: SitemapEntry[] = Array.from({ length: 7 }, (_, i) => [url(`articles/${i}`), `2024-05-0${i + 1}`])
  entries.push([url('topics/empty'), undefined])
  const parse = (text: string) =>
    new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' }).parse(text) as {
      urlset?: { url: { loc: string; lastmod?: string }[] }
      sitemapindex?: { sitemap: { loc: string; lastmod?: string }[] }
    }

  it('writes one sitemap while the addresses fit in one', () => {
    const files = sitemapFiles(entries, url, entries.length)
    expect([...files.keys()]).toEqual(['sitemap.xml'])
    expect(parse(files.get('sitemap.xml')!).urlset!.url.map((u) => u.loc)).toEqual(entries.map(([loc]) => loc))
  })

  it('past the limit, makes sitemap.xml an index of files holding at most the limit each', () => {
    const files = sitemapFiles(entries, url, 3)
    for (const [name, text] of files) expectWellFormed(text, name)
    const names = ['sitemap-1.xml.gz', 'sitemap-2.xml.gz', 'sitemap-3.xml.gz']
    expect([...files.keys()].sort()).toEqual([...names, 'sitemap.xml'])
    const index = parse(files.get('sitemap.xml')!).sitemapindex!.sitemap
    expect(index.map((s) => s.loc)).toEqual(names.map(url))
    // Each part is dated by its newest address.
    expect(index.map((s) => s.lastmod)).toEqual(['2024-05-03', '2024-05-06', '2024-05-07'])
    const parts = names.map((name) => parse(files.get(name)!).urlset!.url)
    expect(parts.map((p) => p.length)).toEqual([3, 3, 2])
    expect(parts.flat().map((u) => u.loc)).toEqual(entries.map(([loc]) => loc))
  })

  it('splits only past 50,000 addresses, the protocol’s limit', () => {
    const many: SitemapEntry[] = Array.from({ length: 50_001 }, (_, i) => [url(`articles/${i}`), '2024-01-01'])
    expect([...sitemapFiles(many.slice(0, 50_000), url).keys()]).toEqual(['sitemap.xml'])
    const split = sitemapFiles(many, url)
    expect([...split.keys()].sort()).toEqual(['sitemap-1.xml.gz', 'sitemap-2.xml.gz', 'sitemap.xml'])
    expect(parse(split.get('sitemap-2.xml.gz')!).urlset!.url).toHaveLength(1)
  })
})

describe('absoluteUrl', () => {
  it('resolves a path against the site address and base path', () => {
    expect(absoluteUrl(SITE, 'articles/x/')).toBe(`${ROOT}articles/x/`)
    expect(absoluteUrl(SITE, '/topics/')).toBe(`${ROOT}topics/`)
    expect(absoluteUrl(SITE, '')).toBe(ROOT)
    expect(absoluteUrl({ siteUrl: 'https://example.org/', basePath: '/reader' }, 'feed.xml')).toBe(`${ROOT}feed.xml`)
    expect(absoluteUrl({ siteUrl: 'http://localhost:4173', basePath: '/' }, 'sitemap.xml')).toBe('http://localhost:4173/sitemap.xml')
  })

  it('refuses a site address that is not an origin', () => {
    expect(() => absoluteUrl({ siteUrl: 'example.org', basePath: '/' }, '')).toThrow()
    expect(() => absoluteUrl({ siteUrl: 'https://example.org/reader', basePath: '/' }, '')).toThrow(/origin/)
  })
})
