// Builds the archive into the files the reader loads: a head with what the first screen needs (the
// facets and the newest releases, the same size for any archive), the full listing in columns
// (fetched when a view needs more), and the search index (src/pipeline/search-index.ts), of which
// a query fetches only the files its words need. They live under a folder
// named after their content hash, so a host may cache them forever. Each release's own data is in
// its prerendered page (scripts/prerender.ts), which the app reads when it opens the release.
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { createGzip, gzip, gzipSync } from 'node:zlib'
import type { Plugin, ViteDevServer } from 'vite'
import type { IndexedArchive } from '../src/pipeline/build-archive.ts'
import { toArticle } from '../src/pipeline/article.ts'
import { createSearchIndex, type SearchIndexBuilder } from '../src/pipeline/search-index.ts'
import { SEARCH_FOLDER, TEXTS_FILE } from '../src/lib/search/index-format.ts'
import { searchListingFiles, toHead, toListing } from '../src/pipeline/archive-files.ts'
import { articlePageData, pageDataScript } from '../src/lib/page-data.ts'
import { escapeHtml } from './page-document.ts'
import type { ArchiveHead } from '../src/pipeline/types.ts'
import { prerender } from './prerender.ts'
import { siteFiles, type SiteOptions } from './site-files.ts'
import {
  ArchiveSourceError,
  archiveLocation,
  formatIssue,
  formatSummary,
  readArchiveIndex,
} from '../src/pipeline/read-archive.ts'

const gzipAsync = promisify(gzip)

const VIRTUAL_ID = 'virtual:archive'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

interface BuiltData {
  /** Folder of the data files relative to the site's base, e.g. `data/1a2b3c4d/`. */
  dataPath: string
  /** Topic and category slugs, so an address can be checked before any data is fetched. */
  facets: { topics: string[]; categories: string[]; successors: Record<string, string[]> }
  archive: IndexedArchive
  head: ArchiveHead
  headJson: string
  listingJson: string
  watched: string[]
}

/**
 * Where the server build of the app goes: the build renders pages with it, the site never serves it.
 * One folder per build process, removed once the pages are written: builds running side by side
 * (the browser tests start several) must not render with each other's bundle.
 */
const PRERENDER_DIR = `node_modules/.cache/reader-prerender/${process.pid}`

function buildData(location: string): BuiltData {
  const archive = readArchiveIndex(location)
  const errors = archive.issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) {
    // Printed as plain lines first, so they stand clear of the bundler's stack trace.
    console.error([...errors.map(formatIssue), formatSummary(archive.summary)].join('\n'))
    throw new ArchiveSourceError(`The archive at ${location} has ${errors.length} error(s), listed above; nothing was built.`)
  }
  for (const warning of archive.issues) console.warn(formatIssue(warning))
  const head = toHead(archive.index)
  const headJson = JSON.stringify(head)
  const listingJson = JSON.stringify(toListing(archive.index))
  const hash = createHash('sha256').update(headJson).update('\n').update(listingJson)
  for (let i = 0; i < archive.index.articles.length; i++) hash.update('\n').update(archive.body(i))
  const dataPath = `data/${hash.digest('hex').slice(0, 8)}/`
  console.info(`archive: ${formatSummary(archive.summary)}`)
  const facets = {
    topics: archive.index.topics.map((t) => t.slug),
    categories: archive.index.categories.map((c) => c.slug),
    successors: archive.index.successors,
  }
  return { dataPath, facets, archive, head, headJson, listingJson, watched: archive.source.files }
}

/**
 * Gives the event loop a turn. The build's main thread writes the data files while the prerender
 * workers write the pages, and hands them their next releases between its own pieces of work: a
 * piece that held the thread for seconds once left both workers waiting.
 */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Releases added to the search index between two turns of the event loop (~50 ms). */
const INDEX_SLICE = 256

/** The data files, into the built site; the ones that grow with the archive are stored compressed. */
async function writeDataFiles(outDir: string, data: BuiltData) {
  const folder = join(outDir, data.dataPath)
  mkdirSync(join(folder, SEARCH_FOLDER), { recursive: true })
  writeFileSync(join(folder, 'head.json'), data.headJson)
  const packed = (name: string, pieces: Iterable<string>) =>
    pipeline(Readable.from(pieces), createGzip(), createWriteStream(join(folder, name)))
  // Compressed on libuv's threads while the pages are written.
  const writes = [packed('listing.json.gz', [data.listingJson]), packed(`${SEARCH_FOLDER}${TEXTS_FILE}`, searchTexts(data.archive))]
  const { archive } = data
  const builder = createSearchIndex()
  for (let i = 0; i < archive.index.articles.length; i++) {
    builder.add(archive.index.articles[i]!.title, archive.body(i))
    if (i % INDEX_SLICE === INDEX_SLICE - 1) await breather()
  }
  for (const [file, text] of searchFiles(archive, builder)) {
    const path = join(folder, SEARCH_FOLDER, file)
    writes.push(file.endsWith('.gz') ? gzipAsync(text).then((bytes) => writeFile(path, bytes)) : writeFile(path, text))
    await breather()
  }
  await Promise.all(writes)
}

/** The search index of the archive's releases (src/pipeline/search-index.ts), built at once. */
function searchIndexOf(archive: IndexedArchive) {
  const builder = createSearchIndex()
  archive.index.articles.forEach((article, i) => {
    builder.add(article.title, archive.body(i))
  })
  return builder
}

/**
 * The search's files but the texts: the index of the archive's releases and its copy of the
 * listing, in files a search fetches by need.
 */
function* searchFiles(archive: IndexedArchive, builder: SearchIndexBuilder): Generator<[string, string]> {
  yield* builder.files()
  yield* searchListingFiles(toListing(archive.index))
}

/**
 * Loaded only to check a quoted phrase: each release's title and body, in index order. It is
 * written a piece at a time: at a hundred thousand releases it would be one string of hundreds of
 * megabytes.
 */
function* searchTexts(archive: IndexedArchive): Generator<string> {
  let chunk = '['
  for (let i = 0; i < archive.index.articles.length; i++) {
    chunk += `${i > 0 ? ',' : ''}${JSON.stringify([archive.index.articles[i]!.title, archive.body(i)])}`
    if (chunk.length > 1 << 20) {
      yield chunk
      chunk = ''
    }
  }
  yield `${chunk}]`
}

/** The feeds, the sitemap and robots.txt (scripts/site-files.ts), a file a turn. */
async function writeSiteFiles(outDir: string, index: IndexedArchive['index'], site: SiteOptions) {
  const labels = new Map(index.categories.map((c) => [c.slug, c.label]))
  const articles = index.articles.map((a) => ({ ...a, categoryLabel: labels.get(a.category) ?? a.category }))
  for (const [file, text] of siteFiles({ index, articles }, site)) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true })
    writeFileSync(join(outDir, file), file.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text)
    await breather()
  }
}

/**
 * `site`: where the built site will be served, for the absolute addresses of canonical links, link
 * previews, feeds and the sitemap.
 */
export function archivePlugin({ siteUrl }: { siteUrl: string }): Plugin {
  const location = archiveLocation()
  let built: BuiltData | undefined
  let base = '/'
  let root = process.cwd()
  const load = () => (built ??= buildData(location))

  return {
    name: 'reader-archive',
    // The browser build and the server build (for prerendering) share one read of the archive.
    sharedDuringBuild: true,
    config(_, { command }) {
      if (command !== 'build') return undefined
      return {
        builder: {},
        environments: {
          ssr: {
            build: {
              outDir: PRERENDER_DIR,
              emptyOutDir: true,
              copyPublicDir: false,
              rolldownOptions: {
                input: { 'entry-prerender': 'src/entry-prerender.tsx', 'prerender-worker': 'scripts/prerender-worker.ts' },
              },
            },
          },
        },
      }
    },
    configResolved(config) {
      base = config.base
      root = config.root
    },
    // `vite build`: the browser build, then the server build, then every page and feed written with them.
    async buildApp(builder) {
      await builder.build(builder.environments.client!)
      await builder.build(builder.environments.ssr!)
      const outDir = resolve(root, builder.environments.client!.config.build.outDir)
      const data = load()
      const site: SiteOptions = { siteUrl, basePath: base }
      const started = performance.now()
      let pages: number
      try {
        const serverDir = join(root, PRERENDER_DIR)
        // The data files are begun in a microtask, once prerender() has handed the workers their
        // first releases.
        const files = Promise.resolve()
          .then(() => writeSiteFiles(outDir, data.archive.index, site))
          .then(() => writeDataFiles(outDir, data))
        ;[pages] = await Promise.all([prerender({ outDir, serverDir, archive: data.archive, head: data.head, dataPath: data.dataPath, site }), files])
      } finally {
        rmSync(join(root, PRERENDER_DIR), { recursive: true, force: true })
      }
      console.info(`prerender: ${pages} pages, the data and the feeds in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    },
    buildStart() {
      try {
        load()
      } catch (error) {
        if (error instanceof ArchiveSourceError) this.error(error.message)
        throw error
      }
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      const { dataPath, facets } = load()
      return `export const dataPath = ${JSON.stringify(dataPath)}\nexport const facets = ${JSON.stringify(facets)}\n`
    },
    // `npm start` serves the production build as a plain static host would: each address from its
    // prerendered page (`articles/x` from `articles/x/index.html`), anything else with 404.html and
    // status 404, including paths a server refuses (a malformed escape like %E0%A4%A, an encoded ../).
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir)
      const sendHtml = (res: ServerResponse, file: string, status: number) => {
        res.statusCode = status
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.end(readFileSync(file))
      }
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!
        let decoded: string | undefined
        try {
          decoded = decodeURIComponent(path)
        } catch {
          decoded = undefined
        }
        if (decoded === undefined || decoded.includes('..') || decoded.includes('\0')) {
          sendHtml(res, join(outDir, '404.html'), 404)
          return
        }
        if (!decoded.startsWith(base)) {
          next()
          return
        }
        const file = join(outDir, decoded.slice(base.length))
        if (existsSync(join(file, 'index.html'))) {
          // Handed to the static server, which compresses it like any other file.
          req.url = `${decoded.replace(/\/$/, '')}/index.html`
          next()
        }
        else if (existsSync(file)) next()
        else if (decoded.startsWith(`${base}data/`) || decoded.startsWith(`${base}assets/`)) {
          res.statusCode = 404
          res.end('Not found')
        } else sendHtml(res, join(outDir, '404.html'), 404)
      })
    },
    configureServer(server) {
      serveFromMemory(server, base, () => load())
      server.watcher.add(load().watched)
      server.watcher.on('change', (file) => {
        if (!built?.watched.includes(file)) return
        built = undefined
        const module = server.moduleGraph.getModuleById(RESOLVED_ID)
        if (module) server.moduleGraph.invalidateModule(module)
        try {
          load()
          server.ws.send({ type: 'full-reload' })
        } catch (error) {
          server.config.logger.error(error instanceof Error ? error.message : String(error))
        }
      })
    },
  }
}

/**
 * `npm run dev` serves the data files and each release's page from memory, as the build would
 * write them (a release's page holds nothing but what the app reads from it: see src/lib/page-data.ts).
 */
function serveFromMemory(server: ViteDevServer, base: string, data: () => BuiltData) {
  const positions = new WeakMap<IndexedArchive, Map<string, number>>()
  const indexes = new WeakMap<IndexedArchive, Map<string, string>>()
  server.middlewares.use((req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!).slice(base.length - 1)
    const { archive, dataPath, headJson, listingJson } = data()
    const searchFile = path.startsWith(`/${dataPath}${SEARCH_FOLDER}`) ? path.slice(`/${dataPath}${SEARCH_FOLDER}`.length) : undefined
    if (searchFile !== undefined && !indexes.has(archive)) indexes.set(archive, new Map(searchFiles(archive, searchIndexOf(archive))))
    const files: Record<string, () => string | undefined> = {
      [`/${dataPath}head.json`]: () => headJson,
      // Sent unpacked, which the app reads as well.
      [`/${dataPath}listing.json.gz`]: () => listingJson,
      [`/${dataPath}${SEARCH_FOLDER}${TEXTS_FILE}`]: () => [...searchTexts(archive)].join(''),
      ...(searchFile === undefined ? {} : { [path]: () => indexes.get(archive)!.get(searchFile) }),
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
    const paragraphs = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(`<!doctype html><div data-paragraphs>${paragraphs}</div>${pageDataScript({ article: articlePageData(article) })}`)
  })
}
