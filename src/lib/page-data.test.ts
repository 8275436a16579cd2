import { describe, expect, it } from 'vitest'
import { readArchive } from '../pipeline/read-archive.ts'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { articlePageData, bodyOfPage, PAGE_DATA_ID, pageDataScript, readArticle, toArticleView } from './page-data.ts'
import { SEED_FOLDER } from '@/test/seed'

/** A release's page as the browser holds it: the data script and the paragraphs' text. */
function pageOf(script: string, paragraphs: string[]): Document {
  const json = /^<script type="application\/json" id="page-data">([\s\S]*)<\/script>$/.exec(script)![1]!
  return {
    getElementById: (id: string) => (id === PAGE_DATA_ID ? { textContent: json } : null),
    querySelectorAll: (selector: string) =>
      selector === '[data-paragraphs] > p' ? paragraphs.map((textContent) => ({ textContent })) : [],
  } as unknown as Document
}

describe('a release’s page data', () => {
  const { articles } = readArchive('e2e/fixtures/overlapping-pages')
  const seed = readArchive(SEED_FOLDER).articles

  it('gives back the release as the page shows it, from its data and its text', () => {
    for (const article of [...seed, ...articles]) {
      const page = pageOf(pageDataScript({ article: articlePageData(article) }), article.paragraphs)
      const view = readArticle(page)
      expect(view, article.slug).toEqual(toArticleView(article))
      // Everything the page shows, links with their dates included, comes back as it was.
      const shown = Object.fromEntries(Object.entries(article).filter(([key]) => !['excerpt', 'words', 'category'].includes(key)))
      expect(view, article.slug).toEqual(shown)
    }
    expect(seed.some((a) => a.twin) && seed.some((a) => a.related.length > 0)).toBe(true)
  })

  it('leaves out what the page already says: the text, and each linked release’s date', () => {
    const article = seed.find((a) => a.twin && a.related.length > 0)!
    const script = pageDataScript({ article: articlePageData(article) })
    for (const paragraph of article.paragraphs) expect(script).not.toContain(JSON.stringify(paragraph).slice(1, 40))
    const related = article.related[0]!
    expect(articlePageData(article).related[0]).toEqual([related.slug, related.title])
    expect(related.slug.startsWith(related.date)).toBe(true)
  })

  it('cannot close its script element, whatever a release says', () => {
    const hostile = { ...seed[0]!, title: '</script><script>alert(1)</script>' }
    const script = pageDataScript({ article: articlePageData(hostile) })
    expect(script.match(/<\/script>/gi)).toHaveLength(1)
    expect(readArticle(pageOf(script, hostile.paragraphs))!.title).toBe(hostile.title)
  })

  it('is no release on a page without one', () => {
    expect(readArticle(pageOf(pageDataScript({}), []))).toBeUndefined()
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
