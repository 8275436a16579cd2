// Builds the archive into the JSON the reader loads: a head with what the first screen needs (the
// facets and the newest releases, the same size for any archive), the full listing in columns
// (fetched when a view needs more), and one small file per release with its body, fetched only when
// that release is opened. All live under a folder named after the archive's content hash, so a host
// may cache them forever.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import type { BuiltArchive } from '../src/pipeline/build-archive.ts'
import { toHead, toListing } from '../src/pipeline/archive-files.ts'
import { contentHash } from '../src/pipeline/slug.ts'
import { prerender } from './prerender.ts'
import { siteFiles, type SiteOptions } from './site-files.ts'
import {
  ArchiveSourceError,
  archiveLocation,
  formatIssue,
  formatSummary,
  readArchive,
} from '../src/pipeline/read-archive.ts'

const VIRTUAL_ID = 'virtual:archive'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

interface BuiltFiles {
  /** Folder of the data files relative to the site's base, e.g. `data/1a2b3c4d/`. */
  dataPath: string
  /** Topic and category slugs, so an address can be checked before any data is fetched. */
  facets: { topics: string[]; categories: string[] }
  files: Map<string, string>
  watched: string[]
  archive: Pick<BuiltArchive, 'index' | 'articles'>
}

/**
 * Where the server build of the app goes: the build renders pages with it, the site never serves it.
 * One folder per build process, removed once the pages are written: builds running side by side
 * (the browser tests start several) must not render with each other's bundle.
 */
const PRERENDER_DIR = `node_modules/.cache/reader-prerender/${process.pid}`

function buildFiles(location: string): BuiltFiles {
  const { index, articles, issues, summary, source } = readArchive(location)
  const errors = issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) {
    // Printed as plain lines first, so they stand clear of the bundler's stack trace.
    console.error([...errors.map(formatIssue), formatSummary(summary)].join('\n'))
    throw new ArchiveSourceError(`The archive at ${location} has ${errors.length} error(s), listed above; nothing was built.`)
  }
  for (const warning of issues) console.warn(formatIssue(warning))
  const headJson = JSON.stringify(toHead(index))
  const listingJson = JSON.stringify(toListing(index))
  const articleJson = articles.map((a) => [a.slug, JSON.stringify(a)] as const)
  const hash = contentHash(headJson + listingJson + articleJson.map(([, json]) => json).join('\n'))
  const dataPath = `data/${hash}/`
  const files = new Map<string, string>([
    [`${dataPath}head.json`, headJson],
    [`${dataPath}listing.json`, listingJson],
    // Loaded on the first search only: each release's body, in index order, for full-text search.
    [`${dataPath}search.json`, JSON.stringify(articles.map((a) => a.paragraphs.join(' ')))],
  ])
  for (const [slug, json] of articleJson) files.set(`${dataPath}articles/${slug}.json`, json)
  console.info(`archive: ${formatSummary(summary)}`)
  const facets = { topics: index.topics.map((t) => t.slug), categories: index.categories.map((c) => c.slug) }
  return { dataPath, facets, files, watched: source.files, archive: { index, articles } }
}

/**
 * `site`: where the built site will be served, for the absolute addresses of canonical links, link
 * previews, feeds and the sitemap.
 */
export function archivePlugin({ siteUrl }: { siteUrl: string }): Plugin {
  const location = archiveLocation()
  let built: BuiltFiles | undefined
  let base = '/'
  let root = process.cwd()
  const load = () => (built ??= buildFiles(location))

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
            build: { outDir: PRERENDER_DIR, emptyOutDir: true, copyPublicDir: false, rolldownOptions: { input: 'src/entry-prerender.tsx' } },
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
      const { archive, dataPath } = load()
      const site: SiteOptions = { siteUrl, basePath: base }
      const started = performance.now()
      for (const [file, text] of siteFiles(archive, site)) {
        mkdirSync(dirname(join(outDir, file)), { recursive: true })
        writeFileSync(join(outDir, file), text)
      }
      const serverEntry = join(root, PRERENDER_DIR, 'entry-prerender.js')
      let pages: number
      try {
        pages = await prerender({ outDir, serverEntry, archive, dataPath, site })
      } finally {
        rmSync(join(root, PRERENDER_DIR), { recursive: true, force: true })
      }
      console.info(`prerender: ${pages} pages and the feeds in ${((performance.now() - started) / 1000).toFixed(1)} s`)
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
    generateBundle() {
      if (this.environment.name !== 'client') return
      for (const [fileName, source] of load().files) this.emitFile({ type: 'asset', fileName, source })
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

function serveFromMemory(server: ViteDevServer, base: string, files: () => BuiltFiles) {
  server.middlewares.use((req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!)
    if (!path.startsWith(`${base}data/`)) {
      next()
      return
    }
    const body = files().files.get(path.slice(base.length))
    if (body === undefined) {
      res.statusCode = 404
      res.end('Not found')
      return
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.end(body)
  })
}
