// The contract between the build and the app for what a prerendered page carries: the data it was
// rendered from, in a script element the build writes and the app reads, so the app starts without
// fetching anything again. A release's page is also where the app reads that release when it opens
// it: there is no data file per release, and a deep link needs nothing but the page.
//
// A hundred thousand release pages must fit a static host, so a release's data is written lean:
// - its paragraphs are the page's text, not written twice: the app reads them from the page's
//   `[data-paragraphs]` element, one `<p>` each, which the prerendered page holds without any
//   highlight (ArticlePage renders it);
// - a link to another release is `[slug, title]`: a slug begins with its release's date.
import type { ArchiveHead, Article, ArticleLink, ArticleView, TwinLink } from '../pipeline/types.ts'

type PackedLink = [slug: string, title: string]

/** A release as its page's data holds it: what the page shows, but the text. */
export interface ArticlePageData extends Omit<ArticleView, 'paragraphs' | 'twin' | 'related' | 'newer' | 'older'> {
  twin?: [...PackedLink, role: TwinLink['role']]
  related: PackedLink[]
  newer?: PackedLink
  older?: PackedLink
}

export interface PageData {
  /** The facets and the newest releases: on the timeline and topic pages. */
  head?: ArchiveHead
  /** On a release's page: the release, with the labels of its topics. */
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

export function pageDataScript(data: PageData): string {
  // With `<` escaped, no text of the archive can close the element or open another.
  return `<script type="application/json" id="${PAGE_DATA_ID}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`
}

/** The data of a page's document: the open page, or one fetched and parsed. */
export function readPageData(document: Document): PageData {
  return JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? '{}') as PageData
}

const pack = (link: ArticleLink): PackedLink => [link.slug, link.title]
const unpack = ([slug, title]: PackedLink): ArticleLink => ({ slug, title, date: slug.slice(0, 10) })

/** The page's data for a release: what the page shows but what its text already says. */
export function articlePageData(a: Article): ArticlePageData {
  const { slug, date, categoryLabel, title, topics, topicLabels, readingMinutes, twin, related, newer, older } = a
  return {
    slug,
    date,
    categoryLabel,
    title,
    topics,
    topicLabels,
    readingMinutes,
    ...(twin ? { twin: [twin.slug, twin.title, twin.role] } : {}),
    related: related.map(pack),
    ...(newer ? { newer: pack(newer) } : {}),
    ...(older ? { older: pack(older) } : {}),
  }
}

/** The release a page's document holds, as the app shows it; none on any other page. */
export function readArticle(document: Document, data: PageData = readPageData(document)): ArticleView | undefined {
  if (!data.article) return undefined
  return fromPageData(
    data.article,
    [...document.querySelectorAll('[data-paragraphs] > p')].map((p) => p.textContent),
  )
}

/**
 * What a release's page shows of it, as the app reads it back from the page: the build renders
 * the page from this, so the app's first render is the same.
 */
export function toArticleView(article: Article): ArticleView {
  return fromPageData(articlePageData(article), article.paragraphs)
}

function fromPageData({ twin, related, newer, older, ...article }: ArticlePageData, paragraphs: string[]): ArticleView {
  return {
    ...article,
    paragraphs,
    twin: twin && { ...unpack([twin[0], twin[1]]), role: twin[2] },
    related: related.map(unpack),
    ...(newer ? { newer: unpack(newer) } : {}),
    ...(older ? { older: unpack(older) } : {}),
  }
}

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
