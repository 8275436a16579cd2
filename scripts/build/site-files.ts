// The files a static host serves beside the app for feed readers and crawlers: Atom and JSON feeds
// of the whole archive and of each topic, the sitemap and robots.txt. Every date in them comes from
// the archive, never the clock, so the same archive always gives the same bytes.
//
// A feed holds the newest releases only, as feed readers expect (they poll it and keep what they
// saw); the whole history is reachable through the site and the sitemap.
//
// The feeds are written here rather than with the `feed` package (v6): its XML writer took over 4 s
// for 10,000 releases and their topic feeds, it writes titles as HTML without escaping them, leaves
// `<` unescaped in attributes and the language out of Atom, and writes JSON Feed 1.0 only.
import type { Article, ArchiveIndex } from '../../src/pipeline/types.ts'
import { SITE_NAME } from '../../src/lib/site.ts'
import { sitemapFiles, type SitemapEntry, xml } from './sitemap.ts'

export interface SiteOptions {
  /** Absolute origin, e.g. `https://example.org`. */
  siteUrl: string
  /** Where the app is served, e.g. `/` or `/reader/` (Vite's `base`). */
  basePath: string
  /** The whole archive's feed title; a topic feed adds the topic's label. */
  siteName?: string
}

/** What the site files need of a release; a pipeline `Article` has all of it. */
export type SiteArticle = Pick<Article, 'slug' | 'date' | 'title' | 'excerpt' | 'topics' | 'category' | 'categoryLabel'>

export interface SiteArchive {
  index: Pick<ArchiveIndex, 'topics'> & Partial<Pick<ArchiveIndex, 'successors'>>
  /** Newest first, as the pipeline gives them. */
  articles: readonly SiteArticle[]
}

/** Entries in each feed: the newest releases of the archive, or of the topic. */
export const FEED_ENTRIES = 50

const MINISTRY = 'Ministry of Trade, Industry and Energy'
const DESCRIPTION = "English press releases of Korea's Ministry of Trade, Industry and Energy, newest first."

/** The absolute address of `path`, given relative to the site's base (`articles/x/`). */
export function absoluteUrl(options: SiteOptions, path: string): string {
  const origin = new URL(options.siteUrl).origin
  if (origin !== options.siteUrl.replace(/\/$/, '')) {
    throw new Error(`siteUrl must be an origin such as https://example.org, not ${options.siteUrl}`)
  }
  const base = options.basePath.endsWith('/') ? options.basePath : `${options.basePath}/`
  return new URL(path.replace(/^\//, ''), new URL(base, origin)).href
}

/** File name relative to the built site's root (`dist/`) → content; a `.gz` file is written gzipped. */
export function siteFiles(archive: SiteArchive, options: SiteOptions): Map<string, string> {
  const url = (path: string) => absoluteUrl(options, path)
  const siteName = options.siteName ?? SITE_NAME
  const topicLabels = new Map(archive.index.topics.map((t) => [t.slug, t.label]))
  // A release reads the same in every feed it is in: its entry is written once.
  const entries = new Map<string, { atom: string; json: string }>()
  const entryOf = (article: SiteArticle) => {
    let entry = entries.get(article.slug)
    if (!entry) {
      // The addresses the reader itself uses (and names as canonical): no trailing slash.
      const link = url(`articles/${article.slug}`)
      const tags = article.topics.map((slug) => ({ term: slug, label: topicLabels.get(slug) ?? slug }))
      tags.push({ term: article.category, label: article.categoryLabel })
      entries.set(article.slug, (entry = { atom: atomEntry(article, link, tags), json: jsonItem(article, link, tags) }))
    }
    return entry
  }
  const byTopic = newestByTopic(archive)

  const files = new Map<string, string>()
  const addFeeds = (prefix: string, head: Omit<FeedHead, 'home' | 'atom' | 'json'>, articles: readonly SiteArticle[]) => {
    const feed = { ...head, home: url(prefix.replace(/\/$/, '')), atom: url(`${prefix}feed.xml`), json: url(`${prefix}feed.json`) }
    const entries = articles.map(entryOf)
    const [atom, json] = [entries.map((e) => e.atom), entries.map((e) => e.json)]
    files.set(`${prefix}feed.xml`, atomFeed(feed, articles[0]?.date, atom))
    files.set(`${prefix}feed.json`, jsonFeed(feed, json))
  }
  addFeeds('', { title: siteName, description: DESCRIPTION }, archive.articles.slice(0, FEED_ENTRIES))
  for (const topic of archive.index.topics) {
    const head = { title: `${siteName}: ${topic.label}`, description: topic.description }
    addFeeds(`topics/${topic.slug}/`, head, byTopic.get(topic.slug)!)
  }
  // A topic since renamed or split keeps its feeds, which readers subscribed to: they hold what
  // took its place, the newest releases of its successors.
  const labels = new Map(archive.index.topics.map((t) => [t.slug, t.label]))
  for (const [former, successors] of Object.entries(archive.index.successors ?? {})) {
    const named = successors.map((slug) => labels.get(slug) ?? slug).join(' and ')
    const head = { title: `${siteName}: ${named}`, description: `Formerly “${former}”: now ${named}.` }
    const releases = new Set(successors.flatMap((slug) => byTopic.get(slug) ?? []))
    const newestFirst = archive.articles.filter((a) => releases.has(a)).slice(0, FEED_ENTRIES)
    addFeeds(`topics/${former}/`, head, newestFirst)
  }

  const newest = archive.articles[0]?.date
  const pages: SitemapEntry[] = [
    [url(''), newest],
    [url('topics'), newest],
    ...archive.index.topics.map((t): SitemapEntry => [url(`topics/${t.slug}`), byTopic.get(t.slug)![0]?.date]),
    ...archive.articles.map((a): SitemapEntry => [url(`articles/${a.slug}`), a.date]),
  ]
  for (const [file, text] of sitemapFiles(pages, url)) files.set(file, text)
  files.set('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${url('sitemap.xml')}\n`)
  return files
}

/** Each topic's newest releases, as many as a feed holds. */
function newestByTopic(archive: SiteArchive): Map<string, SiteArticle[]> {
  const byTopic = new Map<string, SiteArticle[]>(archive.index.topics.map((t) => [t.slug, []]))
  for (const article of archive.articles) {
    for (const slug of article.topics) {
      const list = byTopic.get(slug)
      if (list && list.length < FEED_ENTRIES) list.push(article)
    }
  }
  return byTopic
}

interface FeedHead {
  title: string
  description: string
  /** The timeline the feed follows. */
  home: string
  atom: string
  json: string
}

/** A topic or the ministry's category: its slug and label. */
interface Tag {
  term: string
  label: string
}

function atomFeed(feed: FeedHead, newest: string | undefined, entries: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${xml(feed.home)}</id>
  <title type="html">${html(feed.title)}</title>
  <subtitle type="html">${html(feed.description)}</subtitle>
  <updated>${releaseTime(newest ?? '1970-01-01')}</updated>
  <link rel="alternate" type="text/html" href="${xml(feed.home)}"/>
  <link rel="self" type="application/atom+xml" href="${xml(feed.atom)}"/>
  <link rel="alternate" type="application/feed+json" href="${xml(feed.json)}"/>
  <author><name>${xml(MINISTRY)}</name></author>
${entries.join('\n')}
</feed>
`
}

function atomEntry(article: SiteArticle, link: string, tags: Tag[]): string {
  const date = releaseTime(article.date)
  const categories = tags.map((t) => `\n    <category term="${xml(t.term)}" label="${xml(t.label)}"/>`)
  return `  <entry>
    <id>${xml(link)}</id>
    <link rel="alternate" type="text/html" href="${xml(link)}"/>
    <title type="html">${html(article.title)}</title>
    <summary type="html">${html(article.excerpt)}</summary>
    <published>${date}</published>
    <updated>${date}</updated>${categories.join('')}
  </entry>`
}

/** JSON Feed 1.1, its items given already serialized. */
function jsonFeed(feed: FeedHead, items: string[]): string {
  const head = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.home,
    feed_url: feed.json,
    description: feed.description,
    language: 'en',
    authors: [{ name: MINISTRY }],
  })
  return `${head.slice(0, -1)},"items":[${items.join(',')}]}`
}

function jsonItem(article: SiteArticle, link: string, tags: Tag[]): string {
  return JSON.stringify({
    id: link,
    url: link,
    title: article.title,
    // The feed carries the opening of each release; the full text is one click away.
    content_text: article.excerpt,
    summary: article.excerpt,
    date_published: releaseTime(article.date),
    tags: tags.map((t) => t.label),
  })
}

/** A release is dated by day only: midnight UTC of that day. */
function releaseTime(date: string): string {
  return `${date}T00:00:00Z`
}

/**
 * Text for an Atom element of type="html": escaped once as HTML, so markup in a title shows as text,
 * then once as XML. Readers that decode every Atom text as HTML, whatever its type, show it right too.
 */
function html(text: string): string {
  return xml(xml(text))
}
