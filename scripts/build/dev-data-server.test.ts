import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ViteDevServer } from 'vite'
import { describe, expect, it, vi } from 'vitest'
import { MANIFEST_FILE, SEARCH_FOLDER, TEXTS_FILE, wordsFile } from '../../src/lib/search/index-format.ts'
import { SEED_FOLDER } from '../../src/test/seed.ts'
import { buildData, searchFiles, searchIndexOf } from './archive-data.ts'
import { serveFromMemory } from './dev-data-server.ts'

vi.spyOn(console, 'info').mockImplementation(() => undefined)
const data = buildData(SEED_FOLDER)

/** What the dev server answers for `url`: its status and body, or 'next' when it leaves it to Vite. */
function get(url: string): { status: number; body: string } | 'next' {
  let handler: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | undefined
  const server = { middlewares: { use: (fn: typeof handler) => (handler = fn) } } as unknown as ViteDevServer
  serveFromMemory(server, '/', () => data)
  let answer: { status: number; body: string } | 'next' = 'next'
  const res = {
    statusCode: 200,
    setHeader: () => undefined,
    end(body: string) {
      answer = { status: this.statusCode, body }
    },
  }
  handler!({ url } as unknown as IncomingMessage, res as unknown as ServerResponse, () => undefined)
  return answer
}

describe('npm run dev', () => {
  const search = `/${data.dataPath}${SEARCH_FOLDER}`

  it('serves every search file the build writes, and the texts', () => {
    const files = new Map(searchFiles(data.archive, searchIndexOf(data.archive)))
    for (const file of [MANIFEST_FILE, wordsFile('30'), TEXTS_FILE]) {
      const answer = get(`${search}${file}`)
      expect(answer, file).not.toBe('next')
      if (answer === 'next') continue
      expect(answer.status, file).toBe(200)
      if (file !== TEXTS_FILE) expect(answer.body).toBe(files.get(file))
    }
    const texts = get(`${search}${TEXTS_FILE}`)
    expect(texts !== 'next' && JSON.parse(texts.body)).toHaveLength(data.archive.index.articles.length)
  })

  it('serves a release page with its paragraphs, and 404 for a release that does not exist', () => {
    const slug = data.archive.index.articles[0]!.slug
    const page = get(`/articles/${slug}/index.html`)
    expect(page !== 'next' && page.body).toContain('<div data-paragraphs><p>')
    expect(get('/articles/no-such-release/index.html')).toEqual({ status: 404, body: 'Not found' })
  })

  it("leaves the app's own addresses to Vite", () => {
    expect(get('/src/main.tsx')).toBe('next')
  })
})
