// `npm run dev`: the data files and each release's page, served from memory.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ViteDevServer } from 'vite'
import type { IndexedArchive } from '../../src/pipeline/build-archive.ts'
import { toArticle } from '../../src/pipeline/article.ts'
import { SEARCH_FOLDER, TEXTS_FILE } from '../../src/lib/search/index-format.ts'
import { ARTICLE_HEADING_ID, articlePageData, pageDataScript, prerenderedRootTag } from '../../src/lib/page-data.ts'
import type { Article } from '../../src/pipeline/types.ts'
import { type BuiltData, searchFiles, searchIndexOf, searchTexts } from './archive-data.ts'
import { escapeHtml } from './page-document.ts'

/**
 * `npm run dev` serves the data files and each release's page from memory, as the build would
 * write them. A release's page holds what the app reads the release from (src/lib/page-data.ts):
 * its data, and the parts of its markup that say the rest. (The app's own renderer, loaded with
 * Vite's ssrLoadModule from this middleware, waited for the dev server's first crawl, which waited
 * for this request: a minute, then an error.)
 */
export function serveFromMemory(server: ViteDevServer, base: string, data: () => BuiltData) {
  const positions = new WeakMap<IndexedArchive, Map<string, number>>()
  const indexes = new WeakMap<IndexedArchive, Map<string, string>>()
  server.middlewares.use(answer)

  function answer(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!).slice(base.length - 1)
    const { archive, dataPath, headJson, listingJson } = data()
    const searchFile = path.startsWith(`/${dataPath}${SEARCH_FOLDER}`) ? path.slice(`/${dataPath}${SEARCH_FOLDER}`.length) : undefined
    if (searchFile !== undefined && !indexes.has(archive)) indexes.set(archive, new Map(searchFiles(archive, searchIndexOf(archive))))
    const files: Record<string, () => string | Buffer | undefined> = {
      [`/${dataPath}head.json`]: () => headJson,
      // Sent unpacked, which the app reads as well.
      [`/${dataPath}listing.json.gz`]: () => listingJson,
      ...(searchFile === undefined ? {} : { [path]: () => indexes.get(archive)!.get(searchFile) }),
      // After the index's files, which do not hold it.
      [`/${dataPath}${SEARCH_FOLDER}${TEXTS_FILE}`]: () => [...searchTexts(archive)].join(''),
    }
    const text = files[path]?.()
    if (text !== undefined) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8')
      res.end(text)
      return
    }
    const slug = /^\/articles\/([^/]+)\/index\.html$/.exec(path)?.[1]
    if (slug === undefined && !path.startsWith(`/${dataPath}`)) {
      next()
      return
    }
    if (!positions.has(archive)) positions.set(archive, new Map(archive.index.articles.map((a, i) => [a.slug, i])))
    const position = slug === undefined ? undefined : positions.get(archive)!.get(slug)
    if (position === undefined) {
      res.statusCode = 404
      res.end('Not found')
      return
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(releasePage(base, toArticle(archive.draft(position))))
  }
}

/** What the app reads a release from, as its prerendered page gives it: the text in its markup, the rest in its data. */
function releasePage(base: string, article: Article): string {
  const link = (path: string, text: string) => `<li><a href="${escapeHtml(`${base}${path}`)}">${escapeHtml(text)}</a></li>`
  const links = [article.twin, ...article.related, article.newer, article.older].flatMap((other) =>
    other ? [link(`articles/${encodeURIComponent(other.slug)}`, other.title)] : [],
  )
  return [
    `<!doctype html>${prerenderedRootTag(`${base}articles/${encodeURIComponent(article.slug)}`)}<article>`,
    `<h1 id="${ARTICLE_HEADING_ID}">${escapeHtml(article.title)}</h1>`,
    `<ul>${article.topics.map((topic, i) => link(`topics/${encodeURIComponent(topic)}`, article.topicLabels[i]!)).join('')}</ul>`,
    `<div data-paragraphs>${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`,
    `<ul>${links.join('')}</ul></article></div>${pageDataScript({ article: articlePageData(article) })}`,
  ].join('')
}
