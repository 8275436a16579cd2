// The files a static host serves beside the app for feed readers and crawlers: Atom and JSON feeds
// of the whole archive and of each topic, the sitemap and robots.txt. Every date in them comes from
// the archive, never the clock, so the same archive always gives the same bytes.
//
// The feeds are written here rather than with the `feed` package (v6): its XML writer took over 4 s
// for 10,000 releases and their topic feeds, it writes titles as HTML without escaping them, leaves
// `<` unescaped in attributes and the language out of Atom, and writes JSON Feed 1.0 only.
import type { Article, ArchiveIndex } from '../src/pipeline/types.ts'

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
  index: Pick<ArchiveIndex, 'topics'>
  /** Newest first, as the pipeline gives them. */
  articles: readonly SiteArticle[]
}

const DEFAULT_SITE_NAME = 'MOTIE press releases'
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

/** File name relative to the built site's root (`dist/`) → content. */
export function siteFiles(archive: SiteArchive, options: SiteOptions): Map<string, string> {
  const url = (path: string) => absoluteUrl(options, path)
  const siteName = options.siteName ?? DEFAULT_SITE_NAME
  const topicLabels = new Map(archive.index.topics.map((t) => [t.slug, t.label]))
  // A release reads the same in every feed it is in: write its entry once.
  const entries = new Map(
    archive.articles.map((article) => {
      // The addresses the reader itself uses (and names as canonical): no trailing slash.
      const link = url(`articles/${article.slug}`)
      const tags = article.topics.map((slug) => ({ term: slug, label: topicLabels.get(slug) ?? slug }))
      tags.push({ term: article.category, label: article.categoryLabel })
      return [article.slug, { link, atom: atomEntry(article, link, tags), json: jsonItem(article, link, tags) }]
    }),
  )
  const byTopic = groupByTopic(archive)

  const files = new Map<string, string>()
  const addFeeds = (prefix: string, head: Omit<FeedHead, 'home' | 'atom' | 'json'>, articles: readonly SiteArticle[]) => {
    const feed = { ...head, home: url(prefix.replace(/\/$/, '')), atom: url(`${prefix}feed.xml`), json: url(`${prefix}feed.json`) }
    const ofFeed = articles.map((a) => entries.get(a.slug)!)
    files.set(`${prefix}feed.xml`, atomFeed(feed, articles[0]?.date, ofFeed.map((e) => e.atom)))
    files.set(`${prefix}feed.json`, jsonFeed(feed, ofFeed.map((e) => e.json)))
  }
  addFeeds('', { title: siteName, description: DESCRIPTION }, archive.articles)
  for (const topic of archive.index.topics) {
    const head = { title: `${siteName}: ${topic.label}`, description: topic.description }
    addFeeds(`topics/${topic.slug}/`, head, byTopic.get(topic.slug)!)
  }

  const newest = archive.articles[0]?.date
  const pages: [string, string | undefined][] = [
    [url(''), newest],
    [url('topics'), newest],
    ...archive.index.topics.map((t): [string, string | undefined] => [url(`topics/${t.slug}`), byTopic.get(t.slug)![0]?.date]),
    ...archive.articles.map((a): [string, string] => [entries.get(a.slug)!.link, a.date]),
  ]
  files.set('sitemap.xml', sitemap(pages))
  files.set('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${url('sitemap.xml')}\n`)
  return files
}

function groupByTopic(archive: SiteArchive): Map<string, SiteArticle[]> {
  const byTopic = new Map<string, SiteArticle[]>(archive.index.topics.map((t) => [t.slug, []]))
  for (const article of archive.articles) {
    for (const slug of article.topics) byTopic.get(slug)?.push(article)
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

function sitemap(pages: [loc: string, lastmod: string | undefined][]): string {
  const urls = pages.map(
    ([loc, lastmod]) => `<url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`
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

const XML_ESCAPES: Partial<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function xml(text: string): string {
  // XML 1.0 cannot hold most control characters, even escaped; one stray one would break the whole feed.
  return text.replace(/[&<>"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (c) => XML_ESCAPES[c] ?? '\uFFFD')
}
