import { gunzipSync } from 'node:zlib'
import { parseFeed } from '@rowanmanning/feed-parser'
import type { APIRequestContext } from '@playwright/test'
import type { ArticleSummary } from '../src/pipeline/types.ts'
import { FEED_ENTRIES } from '../scripts/build/site-files.ts'
import { expect, test } from './fixtures.ts'
import { startStaticHost } from '../scripts/static-host.ts'

// A link to the reader is opened from a chat, a feed reader or a search result, on whatever host
// the site was copied to. A plain static host has no rewrite rules: every address must be a file.
// These journeys fetch the built files as such a host serves them, without a browser, as a
// crawler or a link preview does.

/** The chromium project's build, as playwright.config.ts serves it. */
const dist = process.env.E2E_DIST ?? 'dist'
/** The sub-path build that playwright.config.ts serves. */
const subPathOrigin = `http://localhost:${Number(process.env.E2E_PORT ?? 4173) + 3}`
const subPathSite = 'https://example.org/reader/'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? entity),
  )
/** The text of an element's markup, as a reader sees it. */
const textOf = (markup: string) => decode(markup.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '')).trim()

/** What a crawler or a link preview reads of a served page. */
function readPage(html: string) {
  // An inline script (the page's data for the app) holds text, not references.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>')
  const attribute = (tag: RegExp, name: string) => {
    const element = markup.match(tag)?.[0]
    const value = element && new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1]
    return value === undefined ? undefined : decode(value)
  }
  const meta = (key: string) => attribute(new RegExp(`<meta [^>]*(?:property|name)="${key}"[^>]*>`), 'content')
  return {
    title: textOf(/<title>([^<]*)<\/title>/.exec(markup)?.[1] ?? ''),
    h1: textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(markup)?.[1] ?? ''),
    canonical: attribute(/<link [^>]*rel="canonical"[^>]*>/, 'href'),
    meta,
    /** Every `src` and `href`, the app's scripts (started once the page has loaded), and the image a link preview shows. */
    references: [
      ...[...markup.matchAll(/\s(?:data-)?(?:src|href)="([^"]*)"/g)].map((m) => decode(m[1]!)),
      ...[...markup.matchAll(/\sdata-modulepreload="([^"]*)"/g)].flatMap((m) => decode(m[1]!).split(' ').filter(Boolean)),
      ...['og:image', 'twitter:image'].flatMap((key) => meta(key) ?? []),
    ],
  }
}

/**
 * Fetches every reference of a page that points into the site, once per address, from `host`;
 * returns the references that are missing. `site` is where the site says it lives (its canonical
 * origin and base), which `host` stands in for.
 */
async function missingReferences(
  request: APIRequestContext,
  checked: Map<string, number>,
  page: { url: string; references: string[] },
  site: URL,
  host: string,
) {
  const missing: string[] = []
  for (const reference of page.references) {
    if (reference.startsWith('#')) continue
    const resolved = new URL(reference, page.url)
    // The site's own absolute addresses (canonical, og:image, feeds) are fetched from the host.
    const onSite = resolved.origin === site.origin ? new URL(resolved.pathname + resolved.search, host) : resolved
    if (onSite.origin !== host) continue
    const address = onSite.href.replace(/#.*/, '')
    if (!checked.has(address)) checked.set(address, (await request.get(address)).status())
    if (checked.get(address) !== 200) missing.push(`${reference} (${checked.get(address)})`)
  }
  return missing
}

/**
 * Every address a sitemap lists, following a sitemap index to its parts (fetched from the host that
 * `site` stands for, when the addresses name the site's own origin).
 */
async function sitemapLocations(request: APIRequestContext, url: string, site?: { from: string; to: string }): Promise<string[]> {
  const response = await request.get(url)
  expect(response.status(), `status of ${url}`).toBe(200)
  // The parts of a split sitemap are gzipped files, served as they are.
  const text = url.endsWith('.gz') ? gunzipSync(await response.body()).toString('utf8') : await response.text()
  const locations = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decode(m[1]!))
  if (!text.includes('<sitemapindex')) return locations
  const parts = await Promise.all(
    locations.map((part) =>
      sitemapLocations(request, site ? part.replace(site.from, site.to) : new URL(new URL(part).pathname, url).href, site),
    ),
  )
  return parts.flat()
}

/** The pathname of each item's link in a feed, and each item's title and date. */
const itemsOf = (items: { url: string | null; title: string | null; date: string | undefined }[]) =>
  items.map((item) => ({ path: new URL(item.url!).pathname, title: item.title, date: item.date }))
const expectedItems = (articles: readonly Pick<ArticleSummary, 'slug' | 'title' | 'date'>[], base: string) =>
  articles.map((a) => ({ path: `${base}articles/${a.slug}`, title: a.title, date: a.date }))

test.describe('at the root of a host', () => {
  let host: Awaited<ReturnType<typeof startStaticHost>>
  test.beforeAll(async () => {
    host = await startStaticHost(dist)
  })
  test.afterAll(async () => {
    await host.close()
  })

  test('every address opens as its own page, with its title, a canonical address and no missing file', async ({ request, archive }) => {
    // Every page of the archive is fetched and read, a step each: minutes for a 10,000-release build.
    test.setTimeout(30_000 + archive.articles.length * 100)
    const addresses: { path: string; h1: string; article?: string }[] = [
      { path: '/', h1: 'Press releases' },
      { path: '/topics', h1: 'Topics' },
      ...archive.index.topics.map((t) => ({ path: `/topics/${t.slug}`, h1: t.label })),
      ...archive.articles.map((a) => ({ path: `/articles/${a.slug}`, h1: a.title, article: a.title })),
    ]
    const checked = new Map<string, number>()
    let site: URL | undefined
    for (const address of addresses) {
      await test.step(address.path, async () => {
        const url = `${host.origin}${address.path}`
        const response = await request.get(url)
        expect.soft(response.status(), `status of ${address.path}`).toBe(200)
        const page = readPage(await response.text())
        expect.soft(page.h1, `h1 of ${address.path}`).toBe(address.h1)
        // Absolute, and the same address without the host's origin, so shared links and search
        // results point to one page.
        expect.soft(page.canonical, `canonical of ${address.path}`).toMatch(/^https?:\/\//)
        const canonical = new URL(page.canonical ?? 'about:blank')
        expect.soft(canonical.pathname, `canonical of ${address.path}`).toBe(address.path)
        expect.soft(page.meta('og:url'), `og:url of ${address.path}`).toBe(page.canonical)
        expect.soft(page.meta('og:image'), `og:image of ${address.path}`).toMatch(/^https?:\/\//)
        site ??= canonical
        if (address.article) {
          expect.soft(page.meta('og:title'), `og:title of ${address.path}`).toBe(address.article)
          expect.soft(page.title, `title of ${address.path}`).toContain(address.article)
        }
        expect.soft(page.references.filter((r) => /\/assets\/[^/]+\.js$/.test(r)).length, `scripts of ${address.path}`).toBeGreaterThan(0)
        const missing = await missingReferences(request, checked, { url, references: page.references }, site, host.origin)
        expect.soft(missing, `missing files referenced by ${address.path}`).toEqual([])
      })
    }
    // The scripts, the styles and the icon were among them.
    const fetched = [...checked.keys()].map((address) => new URL(address).pathname)
    for (const kind of [/^\/assets\/.+\.js$/, /^\/assets\/.+\.css$/, /^\/favicon\.svg$/]) {
      expect(
        fetched.some((path) => kind.test(path)),
        `a reference to ${kind}`,
      ).toBe(true)
    }
  })

  test('an unknown address gets status 404 and the not-found page, whole at any depth', async ({ request, archive }) => {
    const site = new URL(readPage(await (await request.get(`${host.origin}/`)).text()).canonical!)
    const checked = new Map<string, number>()
    for (const path of ['/articles/no-such-release', '/no/such/page', `/articles/${archive.articles[0]!.slug}/more`]) {
      await test.step(path, async () => {
        const url = `${host.origin}${path}`
        const response = await request.get(url)
        expect.soft(response.status(), `status of ${path}`).toBe(404)
        const page = readPage(await response.text())
        expect.soft(page.h1, `h1 of ${path}`).toBe('Page not found')
        expect.soft(page.title, `title of ${path}`).toMatch(/^Page not found/)
        expect.soft(page.meta('robots'), `robots of ${path}`).toBe('noindex')
        // Served from any depth, the page's scripts and styles must still load.
        const missing = await missingReferences(request, checked, { url, references: page.references }, site, host.origin)
        expect.soft(missing, `missing files referenced by the not-found page at ${path}`).toEqual([])
      })
    }
  })

  test('each feed holds its newest releases, newest first, as many as a feed holds', async ({ request, archive }) => {
    // The archive's feeds and each topic's, in two formats: feed readers poll them for what is new.
    const read = async (path: string) => {
      const response = await request.get(`${host.origin}${path}`)
      expect(response.status(), `status of ${path}`).toBe(200)
      return response.text()
    }
    const atom = async (path: string) =>
      itemsOf(parseFeed(await read(path)).items.map((i) => ({ url: i.url, title: i.title, date: i.published?.toISOString().slice(0, 10) })))
    const json = async (path: string) => {
      const feed = JSON.parse(await read(path)) as { version: string; items: { url: string; title: string; date_published: string }[] }
      expect(feed.version, path).toBe('https://jsonfeed.org/version/1.1')
      return itemsOf(feed.items.map((i) => ({ url: i.url, title: i.title, date: i.date_published.slice(0, 10) })))
    }
    const newest = (articles: readonly Pick<ArticleSummary, 'slug' | 'title' | 'date'>[]) =>
      expectedItems(articles.slice(0, FEED_ENTRIES), '/')

    expect(await atom('/feed.xml')).toEqual(newest(archive.articles))
    expect(await json('/feed.json')).toEqual(newest(archive.articles))
    for (const topic of archive.index.topics) {
      const releases = newest(archive.articles.filter((a) => a.topics.includes(topic.slug)))
      expect(releases, `releases on ${topic.slug}`).toHaveLength(Math.min(topic.count, FEED_ENTRIES))
      expect.soft(await atom(`/topics/${topic.slug}/feed.xml`), `topics/${topic.slug}/feed.xml`).toEqual(releases)
      expect.soft(await json(`/topics/${topic.slug}/feed.json`), `topics/${topic.slug}/feed.json`).toEqual(releases)
    }
  })

  test('the sitemap lists every address, and robots.txt points to it', async ({ request, archive }) => {
    const locations = (await sitemapLocations(request, `${host.origin}/sitemap.xml`)).map((l) => new URL(l))
    const home = new URL(readPage(await (await request.get(`${host.origin}/`)).text()).canonical!)
    expect(new Set(locations.map((l) => l.origin))).toEqual(new Set([home.origin]))
    expect(locations.map((l) => l.pathname).sort()).toEqual(
      [
        '/',
        '/topics',
        ...archive.index.topics.map((t) => `/topics/${t.slug}`),
        ...archive.articles.map((a) => `/articles/${a.slug}`),
      ].sort(),
    )
    const robots = await request.get(`${host.origin}/robots.txt`)
    expect(robots.status()).toBe(200)
    expect(await robots.text()).toContain(`Sitemap: ${home.origin}/sitemap.xml`)
  })

  test('an address with a trailing slash, as some hosts redirect to, shows the release', async ({ page, archive }) => {
    const article = archive.articles[0]!
    const response = await page.goto(`${host.origin}/articles/${article.slug}/`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
    await page.getByRole('navigation', { name: 'Newer and older releases' }).getByRole('link').first().click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(archive.articles[1]!.title)
  })
})

test.describe('under a sub-path of another site', () => {
  test('each page names its address under the sub-path, and every reference stays under it', async ({ request, archive }) => {
    // The pages link the archive's feeds, which are fetched too: long on a large archive.
    test.setTimeout(30_000 + archive.articles.length * 10)
    const article = archive.articles.at(-1)!
    const site = new URL(subPathSite)
    const checked = new Map<string, number>()
    for (const path of ['', 'topics', `articles/${article.slug}`]) {
      await test.step(`/reader/${path}`, async () => {
        const url = `${subPathOrigin}/reader/${path}`
        const response = await request.get(url)
        expect.soft(response.status(), `status of ${url}`).toBe(200)
        const page = readPage(await response.text())
        expect.soft(page.canonical, `canonical of ${url}`).toBe(`${subPathSite}${path}`)
        if (path.startsWith('articles/')) expect.soft(page.h1).toBe(article.title)
        const outside = page.references.filter((r) => !r.startsWith('#') && !r.startsWith('/reader/') && !r.startsWith(subPathSite))
        expect.soft(outside, `references of ${url} outside /reader/`).toEqual([])
        const missing = await missingReferences(request, checked, { url, references: page.references }, site, subPathOrigin)
        expect.soft(missing, `missing files referenced by ${url}`).toEqual([])
      })
    }
    const notFound = await request.get(`${subPathOrigin}/reader/no/such/page`)
    expect(notFound.status()).toBe(404)
    const page = readPage(await notFound.text())
    expect(page.h1).toBe('Page not found')
    expect(page.references.filter((r) => !r.startsWith('#') && !r.startsWith('/reader/') && !r.startsWith(subPathSite))).toEqual([])

    const feed = parseFeed(await (await request.get(`${subPathOrigin}/reader/feed.xml`)).text())
    expect(feed.items.map((i) => i.url)).toEqual(archive.articles.slice(0, FEED_ENTRIES).map((a) => `${subPathSite}articles/${a.slug}`))
    const locations = await sitemapLocations(request, `${subPathOrigin}/reader/sitemap.xml`, {
      from: subPathSite,
      to: `${subPathOrigin}/reader/`,
    })
    expect(locations.filter((l) => !l.startsWith(subPathSite))).toEqual([])
    expect(locations).toHaveLength(2 + archive.index.topics.length + archive.articles.length)
  })

  test('the timeline under the sub-path comes alive, and a release opens under it', async ({ page, archive }) => {
    const article = archive.articles[1]!
    await page.goto(`${subPathOrigin}/reader/`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press releases')
    // The app, not the browser, opens the release: the page keeps this mark.
    await page.evaluate(() => {
      document.documentElement.setAttribute('data-journey-mark', '')
    })
    await page.getByRole('link', { name: article.title, exact: true }).click()
    await expect(page).toHaveURL(`${subPathOrigin}/reader/articles/${article.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
    await expect(page.locator('html[data-journey-mark]')).toHaveCount(1)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
    await page.getByRole('link', { name: 'Back to the timeline' }).click()
    await expect(page).toHaveURL(`${subPathOrigin}/reader/`)
  })
})
