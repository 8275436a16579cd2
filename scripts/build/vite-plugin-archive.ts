// The reader's Vite plugin: `virtual:archive` for the app (the data folder and the facets), the
// build's last step (every page, the data files and the feeds: scripts/build/archive-data.ts and
// scripts/build/prerender.ts), `npm run dev`'s data (scripts/build/dev-data-server.ts) and `npm start`'s
// static host. The head holds what the first screen needs (the facets and the newest releases, the
// same size for any archive), the listing in columns is fetched when a view needs more, and a
// search fetches only the index files its words need (src/pipeline/search-index.ts).
import { existsSync, readFileSync, rmSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { ArchiveSourceError, archiveLocation } from '../../src/pipeline/read-archive.ts'
import { type BuiltData, buildData, writeDataFiles, writeSiteFiles } from './archive-data.ts'
import { serveFromMemory } from './dev-data-server.ts'
import { prerender } from './prerender.ts'
import type { SiteOptions } from './site-files.ts'

const VIRTUAL_ID = 'virtual:archive'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

/**
 * Where the server build of the app goes: the build renders pages with it, the site never serves it.
 * One folder per build process, removed once the pages are written: builds running side by side
 * (the browser tests start several) must not render with each other's bundle.
 */
const PRERENDER_DIR = `node_modules/.cache/reader-prerender/${process.pid}`

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
                input: { 'entry-prerender': 'src/entry-prerender.tsx', 'prerender-worker': 'scripts/build/prerender-worker.ts' },
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
        ;[pages] = await Promise.all([
          prerender({ outDir, serverDir, archive: data.archive, head: data.head, dataPath: data.dataPath, site }),
          files,
        ])
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
        } else if (existsSync(file)) next()
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
