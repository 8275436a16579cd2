// A plain static file server, as Netlify, GitHub Pages or S3 serve a built site: an address is the
// file of that name, or the folder's index.html; anything else is 404.html with status 404. No
// rewrite to index.html, so a page the build did not write cannot hide behind the app.
//
// Journeys start it in-process (`startStaticHost`); playwright.config.ts runs it as a web server:
// `npx tsx e2e/static-host.ts <folder> <port> [base]`.
import { readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false

/** Serves `folder` at `base` (`/` or `/reader/`). */
export function staticHost(folder: string, base = '/'): Server {
  const root = resolve(folder)
  return createServer((request, response) => {
    const send = (status: number, file: string) => {
      response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      response.end(request.method === 'HEAD' ? undefined : readFileSync(file))
    }
    let path: string | undefined
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)
    } catch {
      path = undefined
    }
    if (path !== undefined && (path === base.replace(/\/$/, '') || path.startsWith(base)) && !path.includes('..') && !path.includes('\0')) {
      const file = join(root, path.slice(base.length))
      for (const candidate of [file, join(file, 'index.html')]) {
        if (isFile(candidate)) {
          send(200, candidate)
          return
        }
      }
    }
    send(404, join(root, '404.html'))
  })
}

/** Starts a static host of `folder` on a free port; `origin` is where it answers. */
export async function startStaticHost(folder: string, base = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = staticHost(folder, base)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
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
  const [folder, port, base = '/'] = process.argv.slice(2)
  if (!folder || !port) throw new Error('usage: tsx e2e/static-host.ts <folder> <port> [base]')
  staticHost(folder, base).listen(Number(port), '127.0.0.1', () => {
    console.info(`static host: ${folder} at http://127.0.0.1:${port}${base}`)
  })
}
