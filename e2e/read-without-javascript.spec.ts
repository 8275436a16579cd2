import type { Browser, Page } from '@playwright/test'
import { TIMELINE_PAGE_SIZE as PAGE } from '../src/pipeline/archive-files.ts'
import { expect, test } from './fixtures.ts'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The timeline's entries: the list items that hold a release's title. */
const entries = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
const entryTitles = (page: Page) => entries(page).getByRole('heading', { level: 3 })

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the timeline shows the newest releases', async ({ page, archive }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press releases')
    await expect(entryTitles(page)).toHaveText(archive.articles.slice(0, PAGE).map((a) => a.title))
  })

  test('a release title opens the release, and its neighbours link on', async ({ page, archive }) => {
    const article = archive.articles.find((a, i) => i < PAGE && a.paragraphs.length > 1) ?? archive.articles[0]!
    const older = archive.articles[archive.articles.indexOf(article) + 1]
    await page.goto('/')
    await page.getByRole('link', { name: article.title, exact: true }).click()

    await expect(page).toHaveURL(`/articles/${article.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
    await expect(page).toHaveTitle(new RegExp(escapeRegExp(article.title)))
    for (const paragraph of article.paragraphs) {
      await expect(page.getByRole('article').locator('p').filter({ hasText: paragraph })).toHaveCount(1)
    }
    // Without the listing, a reader goes on from release to release.
    if (older) {
      await page.getByRole('navigation', { name: 'Newer and older releases' }).getByRole('link', { name: older.title }).click()
      await expect(page).toHaveURL(`/articles/${older.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(older.title)
    }
  })

  test('a topic tag opens that topic’s releases, and the topics page lists every topic', async ({ page, archive }) => {
    const position = archive.articles.findIndex((a) => a.topics.length > 0)
    test.skip(position === -1 || position >= PAGE, 'none of the newest releases carries a topic')
    const topic = archive.index.topics.find((t) => t.slug === archive.articles[position]!.topics[0])!
    await page.goto('/')
    await entries(page).nth(position).getByRole('list', { name: 'Topics' }).getByRole('link', { name: topic.label, exact: true }).click()

    await expect(page).toHaveURL(`/topics/${topic.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
    const onTopic = archive.articles.filter((a) => a.topics.includes(topic.slug))
    await expect(entryTitles(page)).toHaveText(onTopic.slice(0, PAGE).map((a) => a.title))

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click()
    await expect(page).toHaveURL('/topics')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topics')
    const listed = page.getByRole('main').getByRole('heading', { level: 3 })
    await expect(listed).toHaveCount(archive.index.topics.length)
    const other = archive.index.topics.find((t) => t.count > 0 && t.slug !== topic.slug) ?? topic
    await listed.getByRole('link', { name: other.label, exact: true }).click()
    await expect(page).toHaveURL(`/topics/${other.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.label)
  })
})

/** Marks the page's document; it keeps the mark until a full page load replaces it. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    document.documentElement.setAttribute('data-journey-mark', '')
  })
const expectSameDocument = (page: Page) => expect(page.locator('html[data-journey-mark]')).toHaveCount(1)

/**
 * Before any script of the page runs: keeps the prerendered h1 element, to tell whether the app
 * took the page over in place or rendered it anew, and adds up the page's layout shifts.
 */
async function watchTakeOver(page: Page) {
  await page.addInitScript(() => {
    const seen = window as unknown as { prerenderedHeading?: Element; layoutShift: number }
    seen.layoutShift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) seen.layoutShift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
    const observer = new MutationObserver(() => {
      const heading = document.querySelector('h1')
      if (heading) {
        seen.prerenderedHeading = heading
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true })
  })
}

/** The app has taken over the page it was given: the prerendered heading is still the one shown. */
async function expectTakenOverInPlace(page: Page) {
  const kept = await page.evaluate(() => {
    const seen = window as unknown as { prerenderedHeading?: Element }
    return seen.prerenderedHeading !== undefined && seen.prerenderedHeading === document.querySelector('h1')
  })
  expect(kept, 'the prerendered heading is kept').toBe(true)
}

/** Where the heading and the first entry or paragraph sit in a page that never runs a script. */
async function staticLayout(browser: Browser, page: Page, path: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: page.viewportSize(), baseURL: new URL(page.url()).origin })
  const still = await context.newPage()
  await still.goto(path)
  const layout = await boxes(still)
  await context.close()
  return layout
}
const boxes = async (page: Page) => ({
  heading: await page.getByRole('heading', { level: 1 }).boundingBox(),
  content: await page.getByRole('main').locator('h3, article p').last().boundingBox(),
})

test.describe('with JavaScript on', () => {
  test('the timeline is taken over in place, and a topic filter then narrows it', async ({ page, archive }) => {
    const used = archive.index.topics.filter((t) => t.count > 0 && t.count < archive.articles.length)
    test.skip(used.length === 0, 'no topic narrows this archive')
    const topic = used[0]!
    await watchTakeOver(page)
    await page.goto('/')
    await expectTakenOverInPlace(page)
    await expect(entryTitles(page)).toHaveText(archive.articles.slice(0, PAGE).map((a) => a.title))

    await page
      .getByRole('complementary', { name: 'Filters' })
      .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(topic.label)}\\s*[\\d,]+$`) })
      .check()
    await expect(page).toHaveURL(`/?topic=${topic.slug}`)
    const onTopic = archive.articles.filter((a) => a.topics.includes(topic.slug))
    await expect(entryTitles(page)).toHaveText(onTopic.slice(0, PAGE).map((a) => a.title))
  })

  test('a release is taken over in place, and the next one opens without a page load', async ({ page, archive }) => {
    const article = archive.articles[0]!
    await watchTakeOver(page)
    await page.goto(`/articles/${article.slug}`)
    await expectTakenOverInPlace(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
    test.skip(archive.articles.length < 2, 'the archive has one release')
    await markDocument(page)
    await page.getByRole('navigation', { name: 'Newer and older releases' }).getByRole('link', { name: archive.articles[1]!.title }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(archive.articles[1]!.title)
    await expectSameDocument(page)
  })

  test('the page has loaded and been painted before its script is even asked for', async ({ page, archive }) => {
    // What it is for, the first paint never waiting for the script, is the bench's (Lighthouse's
    // LCP). A paint entry is reported once its frame is shown, which is what the page's loader
    // waits for (scripts/build/page-document.ts), with `load`.
    for (const path of ['/', `/articles/${archive.articles[0]!.slug}`]) {
      await test.step(path, async () => {
        await page.goto(path)
        const times = await page.evaluate(`(() => ({
          load: performance.getEntriesByType('navigation')[0].loadEventEnd,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
          scripts: performance.getEntriesByType('resource').filter((e) => /\\.js$/.test(e.name)).map((e) => e.startTime),
        }))()`)
        const { load, paint, scripts } = times as { load: number; paint: number; scripts: number[] }
        expect(load, 'load event').toBeGreaterThan(0)
        expect(paint, 'first contentful paint').toBeGreaterThan(0)
        expect(scripts.length, 'scripts fetched').toBeGreaterThan(0)
        expect(Math.min(...scripts), 'the first script asked for').toBeGreaterThanOrEqual(Math.max(load, paint))
      })
    }
  })

  test('the first frame is held for the page’s whole content', async ({ page, archive }) => {
    // The first frame is the first paint, the one the app waits for: painted as it was parsed, a
    // long page showed its largest text a frame later, after the app's scripts in some runs. The
    // page holds its first frame (Chromium's rel=expect) until the element with its content is
    // parsed; what that does to the paint is the bench's (Lighthouse's LCP equals its FCP).
    for (const path of ['/', `/articles/${archive.articles[0]!.slug}`]) {
      await test.step(path, async () => {
        await page.goto(path)
        const expected = page.locator('head link[rel="expect"][blocking="render"]')
        await expect(expected).toHaveCount(1)
        const target = decodeURIComponent(new URL((await expected.getAttribute('href'))!, page.url()).hash.slice(1))
        const content = page.locator(`[id="${target}"]`)
        await expect(content).toHaveCount(1)
        await expect(content.getByRole('heading', { level: 1 })).toBeVisible()
        // Everything the page shows but the site's footer is in it.
        expect(await content.evaluate((main) => main.nextElementSibling?.tagName)).toBe('FOOTER')
      })
    }
  })

  test('a topic ticked and a word typed before the app has started are applied once it has', async ({ page, archive, baseURL }) => {
    const topic = archive.index.topics.find((t) => t.count > 0 && t.count < archive.articles.length)
    test.skip(!topic, 'no topic narrows this archive')
    const word = archive.articles.find((a) => a.topics.includes(topic!.slug))!.title.split(' ')[0]!
    // The app's script is held back, as on a slow connection, while the reader acts on the page.
    let release: (() => void) | undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    // The frame's own goto: the fixture's would wait for the app.
    await page.mainFrame().goto(new URL('/', baseURL).href, { waitUntil: 'load' })
    const checkbox = page
      .getByRole('complementary', { name: 'Filters' })
      .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(topic!.label)}\\s*[\\d,]+$`) })
    await checkbox.check()
    await page.getByRole('searchbox', { name: 'Search releases' }).fill(word)
    await expect(page.locator('html[data-ready]')).toHaveCount(0)
    release?.()

    await expect(page).toHaveURL(`/?q=${encodeURIComponent(word)}&topic=${topic!.slug}`)
    await expect(checkbox).toBeChecked()
    await expect(page.getByRole('searchbox', { name: 'Search releases' })).toHaveValue(word)
    await expect(page.locator('main [data-result-count]')).toContainText(`found for “${word}”`)
  })

  test('nothing on the page moves when the app takes it over', async ({ page, browser, archive }) => {
    const topic = archive.articles.find((a) => a.topics.length > 0)?.topics[0]
    const paths = ['/', `/articles/${archive.articles[0]!.slug}`, ...(topic ? [`/topics/${topic}`] : [])]
    await watchTakeOver(page)
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(path)
        // Layout shifts are reported with the frame that shows them.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
        expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift), 'layout shift').toBe(0)
        const shown = await boxes(page)
        expect(shown.heading, 'the heading').not.toBeNull()
        expect(shown.content, 'the last entry or paragraph').not.toBeNull()
        expect(shown).toEqual(await staticLayout(browser, page, path))
      })
    }
  })
})
