// A plain static file server, as Netlify, GitHub Pages or S3 serve a built site: an address is the
// file of that name, or the folder's index.html; anything else is 404.html with status 404. No
// rewrite to index.html, so a page the build did not write cannot hide behind the app. Text is sent
// gzipped to a browser that asks for it, as every such host does (and as Vite's preview did: the
// bench's Lighthouse figures are of compressed pages).
//
// The one host of the project: `npm start` and `npm run preview` (`tsx scripts/static-host.ts
// [folder] [port]`, at BASE_PATH), the journeys (playwright.config.ts, `startStaticHost` in a spec),
// the bench and the screenshots.
import { readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
}
/** Types worth compressing, and the size under which a host does not bother (Vite's preview's rule). */
const COMPRESSIBLE = /text|javascript|json|xml|svg/
const COMPRESS_FROM = 1024

/** Where the site is deployed, from BASE_PATH as the build reads it: `/` or `/reader/`. */
export function basePathOf(env: NodeJS.ProcessEnv = process.env): string {
  return `/${(env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false

/** The file an address names under `root` at `base`, or undefined for a 404. */
function fileOf(root: string, base: string, url: string | undefined): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://host').pathname)
  } catch {
    return undefined
  }
  if (!(path === base.replace(/\/$/, '') || path.startsWith(base)) || path.includes('..') || path.includes('\0')) return undefined
  const file = join(root, path.slice(base.length))
  return [file, join(file, 'index.html')].find(isFile)
}

/** Serves `folder` at `base` (`/` or `/reader/`). */
export function staticHost(folder: string, base = '/'): Server {
  const root = resolve(folder)
  // Compressed once per file and version: a journey asks for the same chunks a hundred times.
  const gzipped = new Map<string, { version: number; body: Buffer }>()
  const compressed = (file: string, body: Buffer) => {
    const version = statSync(file).mtimeMs
    const known = gzipped.get(file)
    if (known?.version === version) return known.body
    const fresh = gzipSync(body)
    gzipped.set(file, { version, body: fresh })
    return fresh
  }
  return createServer((request, response) => {
    const found = fileOf(root, base, request.url)
    const file = found ?? join(root, '404.html')
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    let body: Buffer = readFileSync(file)
    const headers: Record<string, string> = { 'Content-Type': type }
    if (COMPRESSIBLE.test(type)) {
      headers.Vary = 'Accept-Encoding'
      if (body.length >= COMPRESS_FROM && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = compressed(file, body)
        headers['Content-Encoding'] = 'gzip'
      }
    }
    headers['Content-Length'] = String(body.length)
    response.writeHead(found ? 200 : 404, headers)
    response.end(request.method === 'HEAD' ? undefined : body)
  })
}

/**
 * Starts a static host of `folder` at `base`, on `port` (a free one by default), on localhost as
 * Vite's servers are; `origin` is where it answers.
 */
export async function startStaticHost(folder: string, base = '/', port = 0): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = staticHost(folder, base)
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(port, 'localhost', done)
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    origin: `http://localhost:${bound}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => {
          if (error) fail(error)
          else done()
        })
        server.closeAllConnections()
      }),
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder = 'dist', port = '4173'] = process.argv.slice(2)
  if (!isFile(join(folder, 'index.html'))) throw new Error(`static host: no ${join(folder, 'index.html')}; run \`npm run build\` first`)
  const base = basePathOf()
  const { origin } = await startStaticHost(folder, base, Number(port))
  console.info(`The reader (${folder}) at ${origin}${base}`)
}
