// One of the threads that write the releases' pages (see scripts/build/prerender.ts). It is built with the
// server bundle, so it renders with the same code as the main thread: each message is a batch of
// release drafts, each answered once the batch is written.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import { articlePageData, toArticleView } from '../../src/lib/page-data.ts'
import { toArticle } from '../../src/pipeline/article.ts'
import type { ArticleDraft, ArticleView } from '../../src/pipeline/types.ts'
import { headTags, pageDocument } from './page-document.ts'
import type { CreateRenderer, WorkerSetup } from './prerender.ts'

const setup = workerData as WorkerSetup
// The renderer is the server build's entry, loaded as the main thread loads it.
const { createRenderer } = (await import(pathToFileURL(setup.serverEntry).href)) as { createRenderer: CreateRenderer }
// The release being written, as the app will read it from the page: server and app render the same.
let current: ArticleView | undefined
const render = createRenderer({ article: (slug) => (slug === current?.slug ? current : undefined) })

async function write(draft: ArticleDraft) {
  const article = toArticle(draft)
  current = toArticleView(article)
  const path = `articles/${article.slug}`
  const address = `${setup.site.basePath}${path}`
  const rendered = await render(address)
  if (rendered.status !== 200) throw new Error(`prerender: ${address} rendered as ${rendered.status}`)
  const page = {
    path,
    file: `${path}/index.html`,
    title: rendered.title,
    description: article.excerpt,
    article,
    preload: [],
  }
  const document = pageDocument(setup.template, headTags(page, setup.site), address, rendered.html, { article: articlePageData(article) })
  // Its folder is made already (scripts/build/prerender.ts).
  writeFileSync(join(setup.outDir, path, 'index.html'), document)
}

// Two batches may wait at once (scripts/build/prerender.ts): they are written one after the other, as
// `current` is one release at a time.
let queue = Promise.resolve()
parentPort!.on('message', (drafts: ArticleDraft[]) => {
  queue = queue.then(async () => {
    try {
      for (const draft of drafts) await write(draft)
      parentPort!.postMessage({})
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
