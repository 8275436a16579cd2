// Writes every address of the archive as its own HTML file, content included, so a plain static
// host serves each with status 200, crawlers and link previews read it without running scripts,
// and the page is on screen before the app loads. The app then hydrates it (src/main.tsx).
//
// The timeline, the topics and 404.html are rendered here. The releases, nearly every page, are
// rendered by worker threads (scripts/build/prerender-worker.ts), one per core, each given releases a
// batch at a time: no thread holds more than a batch of paragraphs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { toListing } from '../../src/pipeline/archive-files.ts'
import type { IndexedArchive } from '../../src/pipeline/build-archive.ts'
import type { ArchiveHead, ArchiveListing, ArticleView } from '../../src/pipeline/types.ts'
import { headTags, notFoundHeadTags, type Page, pageDocument, renamedTopicDocument, startAfterLoad } from './page-document.ts'
import { SITE_DESCRIPTION } from '../../src/lib/site.ts'
import type { SiteOptions } from './site-files.ts'

export interface PrerenderOptions {
  outDir: string
  /** The server build's folder: `entry-prerender.js` (src/entry-prerender.tsx) and `prerender-worker.js`. */
  serverDir: string
  archive: Pick<IndexedArchive, 'index' | 'draft'>
  head: ArchiveHead
  /** Folder of the data files relative to the base, e.g. `data/1a2b3c4d/`. */
  dataPath: string
  site: SiteOptions
}

/** What each worker is started with (scripts/build/prerender-worker.ts reads it). */
export interface WorkerSetup {
  serverEntry: string
  outDir: string
  template: string
  site: SiteOptions
}

/**
 * What src/entry-prerender.tsx exports (its JSX stays out of the build scripts' compilation): a
 * renderer that gives each address's status, markup and title (RenderedPage there; the title is
 * the routes' head, the one source of the pages' titles).
 */
export type CreateRenderer = (data: {
  head?: ArchiveHead
  listing?: ArchiveListing
  article: (slug: string) => ArticleView | undefined
}) => (url: string) => Promise<{ status: number; html: string; title: string }>

/** Releases handed to a worker at a time: enough to keep it busy, few enough to keep memory flat. */
const BATCH = 64

/** A topic's label, by its slug. */
const labelOf = (index: PrerenderOptions['archive']['index'], slug: string) => index.topics.find((t) => t.slug === slug)?.label ?? slug

/** The pages of the site beside the releases; each one's title is what its route's head says. */
function sitePages({ index }: PrerenderOptions['archive'], dataPath: string): Omit<Page, 'title'>[] {
  return [
    { path: '', file: 'index.html', description: SITE_DESCRIPTION, preload: [] },
    {
      path: 'topics',
      file: 'topics/index.html',
      description: 'Every topic of the ministry’s releases, with how many releases carry it.',
      preload: [],
    },
    ...index.topics.map((topic) => ({
      path: `topics/${topic.slug}`,
      file: `topics/${topic.slug}/index.html`,
      description: topic.description,
      topic: topic.slug,
      preload: [`${dataPath}listing.json.gz`],
    })),
    // A topic since split: a page that names the topics it became (its feeds hold their releases).
    ...Object.entries(index.successors)
      .filter(([, successors]) => successors.length > 1)
      .map(([former, successors]) => ({
        path: `topics/${former}`,
        file: `topics/${former}/index.html`,
        description: `“${former}” is now ${successors.map((slug) => labelOf(index, slug)).join(' and ')}.`,
        topic: former,
        preload: [],
      })),
  ]
}

/** Renders every page into `outDir`; returns how many. */
export async function prerender(options: PrerenderOptions): Promise<number> {
  // The server build loads React from node_modules: its production build, as the browser gets.
  process.env.NODE_ENV ??= 'production'
  const { outDir, site } = options
  const serverEntry = join(options.serverDir, 'entry-prerender.js')
  // Every page starts the app the same way: the template is rewritten once, not per page.
  const template = startAfterLoad(readFileSync(join(outDir, 'index.html'), 'utf8'))
  // The workers load the renderer while this thread writes the other pages.
  const workers = startWorkers(options, join(options.serverDir, 'prerender-worker.js'), { serverEntry, outDir, template, site })
  try {
    const written = await writeSitePages(options, serverEntry, template)
    return written + (await workers.run())
  } finally {
    await workers.stop()
  }
}

/**
 * The timeline, the topics and 404.html, rendered on this thread; returns how many. Its renderer
 * holds the whole listing (the topics' pages read it), and is let go once they are written: kept
 * while the workers wrote the releases, it was 37 MB of this thread's heap at 100,000 releases.
 */
async function writeSitePages(options: PrerenderOptions, serverEntry: string, template: string): Promise<number> {
  const { outDir, head, site } = options
  const { createRenderer } = (await import(pathToFileURL(serverEntry).href)) as { createRenderer: CreateRenderer }
  const render = createRenderer({ head, listing: toListing(options.archive.index), article: () => undefined })
  const base = site.basePath
  const write = (file: string, bytes: Buffer) => {
    mkdirSync(dirname(join(outDir, file)), { recursive: true })
    writeFileSync(join(outDir, file), bytes)
  }
  const pages = sitePages(options.archive, options.dataPath)
  for (const page of pages) {
    const address = `${base}${page.path}`
    const rendered = await render(address)
    if (rendered.status !== 200) throw new Error(`prerender: ${address} rendered as ${rendered.status}`)
    write(page.file, pageDocument(template, headTags({ ...page, title: rendered.title }, site), address, rendered.html, { head }))
  }
  // A topic since renamed: its address leads on to the new one (one since split is a page of
  // the app, with the others: it names the topics that took its place).
  const renamed = Object.entries(options.archive.index.successors).filter(([, successors]) => successors.length === 1)
  for (const [former, [successor]] of renamed) {
    write(
      `topics/${former}/index.html`,
      renamedTopicDocument(former, { slug: successor!, label: labelOf(options.archive.index, successor!) }, site),
    )
  }
  // What a static host serves for any other address, with status 404.
  const missing = await render(`${base}404`)
  write('404.html', pageDocument(template, notFoundHeadTags(site), `${base}404`, missing.html))
  return pages.length + renamed.length + 1
}

/**
 * One worker per core, started at once and handed their first batches at
 * once (a worker reads them when its renderer has loaded); each holds two batches, so it goes on to
 * the next while this thread, busy with the data files, answers. (This thread wrote releases too
 * for a while: on two cores it saved nothing measurable, and at 100k releases its pages' garbage
 * in its own large heap took the build from 1.9 to 2.2 GB.) `run` resolves when every release is
 * written.
 */
function startWorkers(options: PrerenderOptions, workerFile: string, setup: WorkerSetup) {
  const total = options.archive.index.articles.length
  const threads = total === 0 ? 0 : Math.max(1, Math.min(availableParallelism(), Math.ceil(total / BATCH)))
  const workers = Array.from({ length: threads }, () => new Worker(workerFile, { workerData: setup }))
  // The releases' folders are made by this thread, a few batches ahead of the workers: made by the
  // workers as they wrote, each waited on the other's hold on the one parent folder (up to a
  // millisecond a folder); made all before them, the workers waited a second for the first batch.
  const { articles } = options.archive.index
  let made = 0
  const makeFolders = (upTo: number) => {
    for (const end = Math.min(total, upTo); made < end; made++)
      mkdirSync(join(setup.outDir, 'articles', articles[made]!.slug), { recursive: true })
  }
  mkdirSync(join(setup.outDir, 'articles'), { recursive: true })
  let next = 0
  const take = () => {
    const end = Math.min(total, next + BATCH)
    makeFolders(end)
    const drafts = []
    for (; next < end; next++) drafts.push(options.archive.draft(next))
    setImmediate(() => {
      makeFolders(next + BATCH * threads)
    })
    return drafts
  }
  const send = (worker: Worker) => {
    if (next >= total) return false
    worker.postMessage(take())
    return true
  }
  const done = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let queued = 0
          worker.on('message', (message: { error?: string }) => {
            if (message.error !== undefined) reject(new Error(message.error))
            else if (!send(worker) && --queued === 0) resolve()
          })
          worker.on('error', reject)
          worker.on('exit', (code) => {
            reject(new Error(`prerender: a worker stopped (exit code ${code})`))
          })
          for (let i = 0; i < 2; i++) if (send(worker)) queued++
          if (queued === 0) resolve()
        }),
    ),
  )
  // Awaited by `run`: a worker that fails before then is reported there.
  done.catch(() => undefined)
  const run = async () => {
    await done
    return total
  }
  const stop = async () => {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return { run, stop }
}
