// Writes one release's page: rendered by the app's own routes from the release as the app will read
// it back from the page (server and app render the same), with its head and data, on one of the
// prerender workers (scripts/prerender.ts).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { articlePageData, toArticleView } from '../src/lib/page-data.ts'
import { toArticle } from '../src/pipeline/article.ts'
import type { ArticleDraft, ArticleView } from '../src/pipeline/types.ts'
import { headTags, pageDocument, SITE_NAME } from './page-document.ts'
import type { CreateRenderer, WorkerSetup } from './prerender.ts'

/** A writer of release pages, one release at a time (each waits for the one before). */
export function releaseWriter(createRenderer: CreateRenderer, setup: Omit<WorkerSetup, 'serverEntry'>) {
  // The release being written: the renderer's only release.
  let current: ArticleView | undefined
  const render = createRenderer({ article: (slug) => (slug === current?.slug ? current : undefined) })
  return async function write(draft: ArticleDraft) {
    const article = toArticle(draft)
    current = toArticleView(article)
    const path = `articles/${article.slug}`
    const address = `${setup.site.basePath}${path}`
    const rendered = await render(address)
    if (rendered.status !== 200) throw new Error(`prerender: ${address} rendered as ${rendered.status}`)
    const page = { path, file: `${path}/index.html`, title: `${article.title} · ${SITE_NAME}`, description: article.excerpt, article, preload: [] }
    const document = pageDocument(setup.template, headTags(page, setup.site), address, rendered.html, { article: articlePageData(article) })
    // Its folder is made already (scripts/prerender.ts).
    writeFileSync(join(setup.outDir, path, 'index.html'), document)
  }
}
