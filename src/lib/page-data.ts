// The contract between the build and the app for what a prerendered page carries: the data it was
// rendered from, in a script element the build writes and the app reads, so the app starts without
// fetching anything again. A release's page is also where the app reads that release when it opens
// it: there is no data file per release, and a deep link needs nothing but the page.
//
// A hundred thousand release pages must fit a static host, so a release's data holds only what its
// page does not say: the app reads the rest back from the page's markup, which the build rendered
// from the same release (ArticlePage), without any highlight:
// - its paragraphs, one `<p>` each in the `[data-paragraphs]` element;
// - its title, the text of `#article-heading`;
// - its topics' labels, the text of its links to them;
// - the titles of the releases it links to, the text of its links to them (a neighbour's, the
//   `.neighbour-title` in it), and their dates, which their slugs begin with.
import type { ArchiveHead, Article, ArticleLink, ArticleView, TwinLink } from '../pipeline/types.ts'

/** A release as its page's data holds it: what the page shows, but what its text says. */
export interface ArticlePageData extends Pick<ArticleView, 'categoryLabel' | 'topics' | 'readingMinutes'> {
  twin?: [slug: string, role: TwinLink['role']]
  related: string[]
  newer?: string
  older?: string
}

/** The id of a release page's heading, whose text is the release's title. */
export const ARTICLE_HEADING_ID = 'article-heading'

export interface PageData {
  /** The facets and the newest releases: on the timeline and topic pages. */
  head?: ArchiveHead
  /** On a release's page: the release, but what its markup says. */
  article?: ArticlePageData
}

export const PAGE_DATA_ID = 'page-data'

/** The element the app renders into: index.html has it empty, a prerendered page with its markup. */
export const ROOT_ID = 'root'

/**
 * The root element's opening tag in a prerendered page, marked with the address it was rendered
 * for (`path`, as the browser's location.pathname gives it): the app hydrates the page at that
 * address only, and renders any other afresh.
 */
export function prerenderedRootTag(path: string): string {
  return `<div id="${ROOT_ID}" data-prerendered="${path.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`
}

/** The address a page's root was prerendered for; undefined when it holds no prerendered markup. */
export function prerenderedPath(root: HTMLElement): string | undefined {
  return root.dataset.prerendered
}

/** The release whose page a document is, by the address its root was prerendered for. */
function releaseOfPage(document: Document): string | undefined {
  const root = document.getElementById(ROOT_ID)
  const slug = root && /\/articles\/([^/]+)$/.exec(prerenderedPath(root) ?? '')?.[1]
  if (!slug) return undefined
  try {
    return decodeURIComponent(slug)
  } catch {
    return undefined
  }
}

export function pageDataScript(data: PageData): string {
  // With `<` escaped, no text of the archive can close the element or open another.
  return `<script type="application/json" id="${PAGE_DATA_ID}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`
}

/** The data of a page's document: the open page, or one fetched and parsed. */
export function readPageData(document: Document): PageData {
  return JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? '{}') as PageData
}

/** The page's data for a release: what the page shows but what its markup already says. */
export function articlePageData(a: Article): ArticlePageData {
  const { categoryLabel, topics, readingMinutes, twin, related, newer, older } = a
  return {
    categoryLabel,
    topics,
    readingMinutes,
    ...(twin ? { twin: [twin.slug, twin.role] } : {}),
    related: related.map((link) => link.slug),
    ...(newer ? { newer: newer.slug } : {}),
    ...(older ? { older: older.slug } : {}),
  }
}

/** The release a page's document holds, as the app shows it; none on any other page. */
export function readArticle(document: Document, data: PageData = readPageData(document)): ArticleView | undefined {
  const slug = releaseOfPage(document)
  if (!data.article || slug === undefined) return undefined
  const { categoryLabel, topics, readingMinutes, twin, related, newer, older } = data.article
  const text = (element: Element | null | undefined) => element?.textContent ?? ''
  // The first link to an address: in the markup ArticlePage writes, each link to a release or a
  // topic has the same text wherever it is.
  const linkTo = (path: string) => document.querySelector(`article a[href$="/${path}"]`)
  const link = (other: string): ArticleLink => {
    const anchor = linkTo(`articles/${encodeURIComponent(other)}`)
    return asShown({ slug: other, title: text(anchor?.querySelector('.neighbour-title') ?? anchor) })
  }
  return {
    slug,
    date: slug.slice(0, 10),
    categoryLabel,
    title: text(document.getElementById(ARTICLE_HEADING_ID)),
    topics,
    topicLabels: topics.map((topic) => text(linkTo(`topics/${encodeURIComponent(topic)}`))),
    readingMinutes,
    paragraphs: [...document.querySelectorAll('[data-paragraphs] > p')].map((p) => p.textContent),
    twin: twin && { ...link(twin[0]), role: twin[1] },
    related: related.map(link),
    ...(newer ? { newer: link(newer) } : {}),
    ...(older ? { older: link(older) } : {}),
  }
}

/**
 * What a release's page shows of it, as the app reads it back from the page: the build renders
 * the page from this, so the app's first render is the same.
 */
export function toArticleView(a: Article): ArticleView {
  const { slug, date, categoryLabel, title, topics, topicLabels, readingMinutes, paragraphs, twin, related, newer, older } = a
  return {
    slug,
    date,
    categoryLabel,
    title,
    topics,
    topicLabels,
    readingMinutes,
    paragraphs,
    twin: twin && { ...asShown(twin), role: twin.role },
    related: related.map(asShown),
    ...(newer ? { newer: asShown(newer) } : {}),
    ...(older ? { older: asShown(older) } : {}),
  }
}

/** A link to a release as its page gives it back: the date is its slug's. */
const asShown = ({ slug, title }: Pick<ArticleLink, 'slug' | 'title'>): ArticleLink => ({ slug, title, date: slug.slice(0, 10) })

/** A release's page, relative to the site's base: the one file a static host serves for its address. */
export function articlePagePath(slug: string): string {
  return `articles/${encodeURIComponent(slug)}/index.html`
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Text of HTML markup as a reader sees it: comments and tags dropped, character references decoded. */
function textOf(markup: string): string {
  return markup.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '').replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/**
 * A release's body (its paragraphs joined by spaces) read from its page's markup without a DOM,
 * as the search worker reads it to mark a result; undefined when the page holds none.
 */
export function bodyOfPage(html: string): string | undefined {
  const start = /<div\b[^>]*\bdata-paragraphs\b[^>]*>/.exec(html)
  if (!start) return undefined
  const end = html.indexOf('</div>', start.index + start[0].length)
  if (end === -1) return undefined
  const inner = html.slice(start.index + start[0].length, end)
  return [...inner.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!)).join(' ')
}
