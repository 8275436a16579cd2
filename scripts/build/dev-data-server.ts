// `npm run dev`: the data files and each release's page, served from memory.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ViteDevServer } from 'vite'
import type { IndexedArchive } from '../../src/pipeline/build-archive.ts'
import { toArticle } from '../../src/pipeline/article.ts'
import { SEARCH_FOLDER, TEXTS_FILE } from '../../src/lib/search/index-format.ts'
import { articlePageData, pageDataScript, prerenderedRootTag, toArticleView } from '../../src/lib/page-data.ts'
import { type BuiltData, searchFiles, searchIndexOf, searchTexts } from './archive-data.ts'
import type { CreateRenderer } from './prerender.ts'

/** The module the build renders pages with, as Vite's dev server loads it for the server. */
const RENDERER = '/src/entry-prerender.tsx'

/**
 * `npm run dev` serves the data files and each release's page from memory, as the build would
 * write them: a release's page is rendered by the app's own renderer, and the app reads the release
 * back from its markup and data (src/lib/page-data.ts).
 */
export function serveFromMemory(server: ViteDevServer, base: string, data: () => BuiltData) {
  const positions = new WeakMap<IndexedArchive, Map<string, number>>()
  const indexes = new WeakMap<IndexedArchive, Map<string, string>>()
  server.middlewares.use((req, res, next) => {
    void answer(req, res, next).catch(next)
  })

  async function answer(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) {
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
    const article = toArticle(archive.draft(position))
    const renderer = (await server.ssrLoadModule(RENDERER)) as { createRenderer: CreateRenderer }
    const address = `${base}articles/${slug}`
    const page = await renderer.createRenderer({ article: (other) => (other === article.slug ? toArticleView(article) : undefined) })(
      address,
    )
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(`<!doctype html>${prerenderedRootTag(address)}${page.html}</div>${pageDataScript({ article: articlePageData(article) })}`)
  }
}
