import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ViteDevServer } from 'vite'
import { describe, expect, it, vi } from 'vitest'
import { MANIFEST_FILE, SEARCH_FOLDER, TEXTS_FILE, wordsFile } from '../../src/lib/search/index-format.ts'
import { SEED_FOLDER } from '../../src/test/seed.ts'
import { buildData, searchFiles, searchIndexOf } from './archive-data.ts'
import { serveFromMemory } from './dev-data-server.ts'
import { Window } from 'happy-dom'
import { readArticle, toArticleView } from '../../src/lib/page-data.ts'
import { toArticle } from '../../src/pipeline/article.ts'

vi.spyOn(console, 'info').mockImplementation(() => undefined)
const data = buildData(SEED_FOLDER)

type Answer = { status: number; body: string } | 'next'

/** What the dev server answers for `url`: its status and body, or 'next' when it leaves it to Vite. */
function get(url: string): Promise<Answer> {
  let handler: ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void) | undefined
  const server = { middlewares: { use: (fn: typeof handler) => (handler = fn) } } as unknown as ViteDevServer
  serveFromMemory(server, '/', () => data)
  return new Promise((resolve, reject) => {
    const res = {
      statusCode: 200,
      setHeader: () => undefined,
      end(body: string) {
        resolve({ status: this.statusCode, body })
      },
    }
    handler!({ url } as unknown as IncomingMessage, res as unknown as ServerResponse, (error) => {
      if (error) reject(error instanceof Error ? error : new Error('the dev server failed'))
      else resolve('next')
    })
  })
}

describe('npm run dev', () => {
  const search = `/${data.dataPath}${SEARCH_FOLDER}`

  it('serves every search file the build writes, and the texts', async () => {
    const files = new Map(searchFiles(data.archive, searchIndexOf(data.archive)))
    for (const file of [MANIFEST_FILE, wordsFile('30'), TEXTS_FILE]) {
      const answer = await get(`${search}${file}`)
      expect(answer, file).not.toBe('next')
      if (answer === 'next') continue
      expect(answer.status, file).toBe(200)
      if (file !== TEXTS_FILE) expect(answer.body).toBe(files.get(file))
    }
    const texts = await get(`${search}${TEXTS_FILE}`)
    expect(texts !== 'next' && JSON.parse(texts.body)).toHaveLength(data.archive.index.articles.length)
  })

  it('serves a release page the app reads the release from, and 404 for a release that does not exist', async () => {
    for (let i = 0; i < data.archive.index.articles.length; i++) {
      const { slug } = data.archive.index.articles[i]!
      const page = await get(`/articles/${slug}/index.html`)
      if (page === 'next') throw new Error('the release page was left to Vite')
      const document = new Window().document
      document.write(page.body)
      // The release as the build's own page gives it back (src/lib/page-data.test.ts).
      expect(readArticle(document as unknown as Document), slug).toEqual(toArticleView(toArticle(data.archive.draft(i))))
    }
    expect(await get('/articles/no-such-release/index.html')).toEqual({ status: 404, body: 'Not found' })
  })

  it("leaves the app's own addresses to Vite", async () => {
    expect(await get('/src/main.tsx')).toBe('next')
  })
})
