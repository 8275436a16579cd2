// The bench's page measurements in Chromium: bytes of a first visit, the first title, filter
// clicks and keystrokes (input to updated list) and the heap. The first search typed on a fresh
// visit is measured in first-search.ts.
import { gzipSync } from 'node:zlib'

/**
 * What the recorders below leave on the page's window. Waits poll functions, never strings: a
 * string is evaluated with eval at each poll, which the pages' Content-Security-Policy refuses.
 */
type Recorded = Window & { firstTitle?: number }
import type { Browser, Page } from '@playwright/test'
import { launchChromium, QUIET_FLAGS } from '../chromium.ts'

export interface Timing {
  /** From the input event to the DOM holding the updated list (ms). */
  dom: number
  /** From the input event to the next frame after that (ms). */
  frame: number
}

/** Debian's Chromium when there is one, else Playwright's. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium({ args: QUIET_FLAGS })
}

type Kind = 'html' | 'js' | 'css' | 'data' | 'other'

const kindOf = (contentType: string): Kind =>
  contentType.includes('html')
    ? 'html'
    : contentType.includes('javascript')
      ? 'js'
      : contentType.includes('css')
        ? 'css'
        : contentType.includes('json')
          ? 'data'
          : 'other'

/**
 * What a body weighs on the wire from a host that compresses: its gzipped size, or its own size
 * when it is compressed already (a `.gz`, `.br` or `.zst` file, or gzip's magic bytes), which a
 * host sends as it is.
 */
export function wireBytes(body: Buffer): number {
  // Playwright hands over the body as the page got it: a `.gz` file a host sent with
  // `Content-Encoding: gzip` arrives unpacked, and is counted packed again.
  const compressed = body[0] === 0x1f && body[1] === 0x8b
  return compressed ? body.length : gzipSync(body).length
}

/**
 * Records what the page downloads from `base`, once per address: the gzipped size of each body as
 * served (whatever file or fallback the server answered with) and its kind, from its content type.
 */
function recordResponses(page: Page, base: string) {
  const responses = new Map<string, Promise<{ kind: Kind; gzip: number }>>()
  page.on('response', (response) => {
    const url = response.url()
    if (!url.startsWith(base) || responses.has(url)) return
    const kind = kindOf(response.headers()['content-type'] ?? '')
    responses.set(
      url,
      response.body().then(
        (body) => ({ kind, gzip: wireBytes(body) }),
        () => ({ kind, gzip: 0 }),
      ),
    )
  })
  return responses
}

/** Gzipped bytes of everything a fresh visit to `path` downloads, by kind. */
export async function loadBytes(browser: Browser, base: string, path: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const responses = recordResponses(page, base)
  await page.goto(base + path, { waitUntil: 'networkidle' })
  await page.getByRole('heading', { level: 1 }).waitFor()
  const bytes: Record<Kind | 'total', number> = { html: 0, js: 0, css: 0, data: 0, other: 0, total: 0 }
  for (const { kind, gzip } of await Promise.all(responses.values())) {
    bytes[kind] += gzip
    bytes.total += gzip
  }
  await context.close()
  return bytes
}

export async function timeToFirstTitle(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(`
    new MutationObserver(function (_, observer) {
      if (document.querySelector('[data-timeline-entry]')) {
        window.firstTitle = performance.now()
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  `)
  await page.goto(base)
  await page.waitForFunction(() => (window as Recorded).firstTitle !== undefined)
  const value = await page.evaluate<number>('window.firstTitle')
  await context.close()
  return value
}

// In-page helpers, as plain JavaScript: functions passed to page.evaluate from this file would be
// compiled with esbuild's name-keeping helper, which does not exist in the page.
const PAGE_HELPERS = `
window.benchSlowEvents = []
window.watchSlowEvents = function (type) {
  window.benchSlowEvents = []
  new PerformanceObserver(function (list) {
    for (const entry of list.getEntries()) if (entry.name === type) window.benchSlowEvents.push(entry.duration)
  }).observe({ type: 'event', durationThreshold: 16, buffered: false })
}
// Two times from the input event (its hardware timestamp): to the DOM holding the updated list (the
// status line and the list render in one commit), and to the next frame after it, which adds the
// wait for the display's refresh.
window.armMeasurement = function (type) {
  window.benchPending = new Promise(function (resolve) {
    document.addEventListener(type, function (event) {
      performance.mark('interaction-start', { startTime: event.timeStamp })
      function statusText() {
        const status = document.querySelector('main [data-result-count]')
        return status && status.textContent
      }
      const before = statusText()
      let finished = false
      function done(duration) {
        if (finished) return
        finished = true
        observer.disconnect()
        clearTimeout(timeout)
        resolve(duration)
      }
      // The status line may be re-rendered as a new node: watch all of main, re-read it each time.
      let updated
      const observer = new MutationObserver(function () {
        if (updated !== undefined || statusText() === before) return
        updated = performance.measure('interaction-dom', 'interaction-start').duration
        requestAnimationFrame(function () {
          setTimeout(function () {
            done({ dom: updated, frame: performance.measure('interaction-frame', 'interaction-start').duration })
          })
        })
      })
      const timeout = setTimeout(function () { done({ dom: Infinity, frame: Infinity }) }, 10000)
      observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true })
    }, { capture: true, once: true })
  })
}
`

async function watchSlowEvents(page: Page, type: string) {
  await page.evaluate(PAGE_HELPERS)
  await page.evaluate(`window.watchSlowEvents(${JSON.stringify(type)})`)
}

/**
 * Listens for the next `type` event, then runs `act`, then waits for its measurement. The listener
 * is in place before the input is sent: input and evaluation travel separately to the page.
 */
async function measureInteraction(page: Page, type: string, act: () => Promise<void>): Promise<Timing> {
  await page.evaluate(`void window.armMeasurement(${JSON.stringify(type)})`)
  await act()
  return page.evaluate<Timing>('window.benchPending')
}

const slowEvents = (page: Page) => page.evaluate<number>('window.benchSlowEvents.length')

// The topic to filter by, read from the running app's filter panel: the one with the most releases
// short of all of them (the count above the timeline), so a click narrows the timeline but leaves a
// fair number of releases. Its label, or null.
const PICK_TOPIC = `(function () {
  const status = document.querySelector('main [data-result-count]')
  const total = Number(((status && status.textContent || '').match(/\\d[\\d,]*/) || ['0'])[0].replace(/,/g, ''))
  let best = null
  for (const input of document.querySelectorAll('input[type="checkbox"][name="topic"]')) {
    const label = input.closest('label')
    const count = Number(((label && label.lastElementChild && label.lastElementChild.textContent) || '').replace(/[^0-9]/g, ''))
    const name = input.nextElementSibling && input.nextElementSibling.textContent
    if (name && count < total && (!best || count > best.count)) best = { name: name, count: count }
  }
  return best && best.name
})()`

export async function filterClicks(browser: Browser, base: string, interactions: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(base)
  // The prerendered timeline is on screen before the app has started: measure the running app.
  await page.locator('html[data-ready]').waitFor({ state: 'attached' })
  const session = await context.newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
  const filterTopic = await page.evaluate<string | null>(PICK_TOPIC)
  if (!filterTopic) throw new Error('no topic to filter by in the filter panel of /')
  await watchSlowEvents(page, 'click')
  const checkbox = page.getByRole('checkbox', { name: new RegExp(`^${filterTopic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  const filter: Timing[] = []
  for (let i = 0; i < interactions; i++) {
    filter.push(await measureInteraction(page, 'click', () => checkbox.click()))
  }
  const filterSlowEvents = await slowEvents(page)
  await context.close()
  return { filterTopic, filter, filterSlowEvents, heapMB: heap.usedSize / 1024 / 1024 }
}

export async function keystrokes(browser: Browser, base: string, interactions: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const responses = recordResponses(page, base)
  await page.goto(base)
  await page.locator('html[data-ready]').waitFor({ state: 'attached' })
  await page.waitForLoadState('networkidle')
  const beforeSearch = new Set(responses.keys())
  const box = page.getByRole('searchbox', { name: 'Search releases' })
  // The first search loads and indexes every body: the page must still answer the reader's typing.
  await page.evaluate(`window.searchLongestTask = 0
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.searchLongestTask = Math.max(window.searchLongestTask, entry.duration)
    }).observe({ type: 'longtask' })`)
  const started = Date.now()
  await box.fill('minister')
  await page.getByRole('status').filter({ hasText: 'found for' }).waitFor({ timeout: 60_000 })
  const searchReadyMs = Date.now() - started
  const searchLongestTaskMs = await page.evaluate<number>('window.searchLongestTask')
  const searchFiles = [...responses].filter(([url]) => !beforeSearch.has(url)).map(([, body]) => body)
  const searchBytesAfter = (await Promise.all(searchFiles)).reduce((sum, { gzip }) => sum + gzip, 0)
  await box.fill('', { timeout: 10_000 })
  await watchSlowEvents(page, 'keydown')
  const keystroke: Timing[] = []
  const queries = ['lithium', 'airbus', 'autonomous ship', 'reshoring', 'semiconductors', 'exports']
  for (let i = 0; keystroke.length < interactions; i++) {
    await box.fill('')
    for (const char of queries[i % queries.length]!) {
      if (keystroke.length >= interactions) break
      // A space changes no result (the query is trimmed): type it without measuring.
      if (char === ' ') {
        await page.keyboard.press('Space')
        continue
      }
      keystroke.push(await measureInteraction(page, 'keydown', () => page.keyboard.press(char)))
    }
  }
  const keystrokeSlowEvents = await slowEvents(page)
  await context.close()
  return { keystroke, keystrokeSlowEvents, searchReadyMs, searchLongestTaskMs, searchBytesAfter }
}
