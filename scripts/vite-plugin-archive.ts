// Builds the archive into the JSON the reader loads: a head with what the first screen needs (the
// facets and the newest releases, the same size for any archive), the full listing in columns
// (fetched when a view needs more), and one small file per release with its body, fetched only when
// that release is opened. All live under a folder named after the archive's content hash, so a host
// may cache them forever.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { toHead, toListing } from '../src/pipeline/archive-files.ts'
import { contentHash } from '../src/pipeline/slug.ts'
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
}

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
  return { dataPath, facets, files, watched: source.files }
}

export function archivePlugin(): Plugin {
  const location = archiveLocation()
  let built: BuiltFiles | undefined
  let base = '/'
  const load = () => (built ??= buildFiles(location))

  return {
    name: 'reader-archive',
    configResolved(config) {
      base = config.base
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
      for (const [fileName, source] of load().files) this.emitFile({ type: 'asset', fileName, source })
    },
    // `npm start` serves the production build. A path the static server refuses (a malformed escape
    // like %E0%A4%A, an encoded ../) still gets the app, as every other unknown path does, and the
    // app shows its not-found page instead of the server's empty error.
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!
        let decoded: string | undefined
        try {
          decoded = decodeURIComponent(path)
        } catch {
          decoded = undefined
        }
        if (decoded !== undefined && !decoded.includes('..')) {
          next()
          return
        }
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.end(readFileSync(join(server.config.root, server.config.build.outDir, 'index.html')))
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
