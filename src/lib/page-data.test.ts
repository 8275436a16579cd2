import { describe, expect, it } from 'vitest'
import { Window } from 'happy-dom'
import { readArchive } from '../pipeline/read-archive.ts'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { Article } from '@/pipeline/types'
import type { CreateRenderer } from '../../scripts/build/prerender.ts'
import { articlePageData, bodyOfPage, type PageData, pageDataScript, prerenderedRootTag, readArticle, toArticleView } from './page-data.ts'
import { SEED_FOLDER } from '@/test/seed'

/** A document parsed as the browser parses a page (the open one, or one the app fetched). */
function parse(html: string): Document {
  const window = new Window()
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document
}

const RENDERER = '../entry-prerender.tsx'

/** Each release's page as the build writes it: the app's markup for it, then its data. */
async function pagesOf(articles: readonly Article[]): Promise<Map<string, string>> {
  const views = new Map(articles.map((a) => [a.slug, toArticleView(a)]))
  // The build's renderer (its JSX stays out of the tests' type check, as out of the build scripts').
  const { createRenderer } = (await import(/* @vite-ignore */ RENDERER)) as { createRenderer: CreateRenderer }
  const render = createRenderer({ article: (slug) => views.get(slug) })
  const pages = new Map<string, string>()
  for (const article of articles) {
    const path = `/articles/${article.slug}`
    const data: PageData = { article: articlePageData(article) }
    pages.set(
      article.slug,
      `<!doctype html><body>${prerenderedRootTag(path)}${(await render(path)).html}</div>${pageDataScript(data)}</body>`,
    )
  }
  return pages
}

describe('a release’s page data', () => {
  const { articles } = readArchive('e2e/fixtures/overlapping-pages')
  const seed = readArchive(SEED_FOLDER).articles

  it('gives back the release as the page shows it, from its data and its markup', async () => {
    for (const archive of [seed, articles]) {
      const pages = await pagesOf(archive)
      for (const article of archive) {
        const view = readArticle(parse(pages.get(article.slug)!))
        expect(view, article.slug).toEqual(toArticleView(article))
        // Everything the page shows, links with their dates included, comes back as it was.
        const shown = Object.fromEntries(Object.entries(article).filter(([key]) => !['excerpt', 'words', 'category'].includes(key)))
        expect(view, article.slug).toEqual(shown)
      }
    }
    expect(seed.some((a) => a.twin) && seed.some((a) => a.related.length > 0) && seed.some((a) => a.topics.length > 1)).toBe(true)
  })

  it('leaves out what the page already says: the text, the titles and the topics’ labels', () => {
    const article = seed.find((a) => a.twin && a.related.length > 0)!
    const script = pageDataScript({ article: articlePageData(article) })
    for (const paragraph of article.paragraphs) expect(script).not.toContain(JSON.stringify(paragraph).slice(1, 40))
    for (const title of [article.title, article.twin!.title, ...article.related.map((r) => r.title)]) expect(script).not.toContain(title)
    for (const label of article.topicLabels) expect(script).not.toContain(JSON.stringify(label))
    expect(articlePageData(article).related).toEqual(article.related.map((r) => r.slug))
  })

  it('cannot close its script element, whatever a release says', async () => {
    const hostile = { ...seed[0]!, title: '</script><script>alert(1)</script>', categoryLabel: '</script><b>x</b>' }
    expect(pageDataScript({ article: articlePageData(hostile) }).match(/<\/script>/gi)).toHaveLength(1)
    const page = (await pagesOf([hostile])).get(hostile.slug)!
    const view = readArticle(parse(page))!
    expect([view.title, view.categoryLabel]).toEqual([hostile.title, hostile.categoryLabel])
  })

  it('is no release on a page without one, or on another page', () => {
    expect(readArticle(parse(`<body>${prerenderedRootTag('/')}</div>${pageDataScript({})}</body>`))).toBeUndefined()
    const article = articlePageData(seed[0]!)
    expect(readArticle(parse(`<body>${prerenderedRootTag('/topics')}</div>${pageDataScript({ article })}</body>`))).toBeUndefined()
  })
})

describe('a release’s body read from its page without a DOM', () => {
  const releases = [...readArchive(SEED_FOLDER).articles, ...readArchive('e2e/fixtures/overlapping-pages').articles]
  const hostile = ["Tom & Jerry <b>bold</b> “quotes” don't", '</div><p>not a paragraph</p>', 'A < B > C &amp; &#x27;']

  it('is the paragraphs as written, from the markup React writes for them', () => {
    for (const paragraphs of [...releases.map((a) => a.paragraphs), hostile]) {
      const body = createElement(
        'div',
        { 'data-paragraphs': '', className: 'release-body' },
        ...paragraphs.map((p, i) => createElement('p', { key: i }, p)),
      )
      const html = `<main><h1>Title</h1>${renderToString(body)}<section><p>Related</p></section></main>`
      expect(bodyOfPage(html)).toBe(paragraphs.join(' '))
    }
  })

  it('is undefined for a page without a body', () => {
    expect(bodyOfPage('<!doctype html><main><p>Not found</p></main>')).toBeUndefined()
  })
})
