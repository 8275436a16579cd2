// The bench's page measurements in Chromium: bytes of a first visit, the first title, filter
// clicks and keystrokes (input to updated list), the first search (on a fresh visit, typed) and the
// heap.
import { gzipSync } from 'node:zlib'

/**
 * What the recorders below leave on the page's window. Waits poll functions, never strings: a
 * string is evaluated with eval at each poll, which the pages' Content-Security-Policy refuses.
 */
type Recorded = Window & {
  firstTitle?: number
  benchFirstSearch?: { highlighted?: number; frame?: number; keys: { frame?: number }[] }
}
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
  contentType.includes('html') ? 'html'
  : contentType.includes('javascript') ? 'js'
  : contentType.includes('css') ? 'css'
  : contentType.includes('json') ? 'data'
  : 'other'

/**
 * What a body weighs on the wire from a host that compresses: its gzipped size, or its own size
 * when it is compressed already (a `.gz`, `.br` or `.zst` file, or gzip's magic bytes), which a
 * host sends as it is.
 */
function wireBytes(body: Buffer): number {
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
    responses.set(url, response.body().then((body) => ({ kind, gzip: wireBytes(body) }), () => ({ kind, gzip: 0 })))
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


/** What one fresh visit measures of the first search: see firstSearch. */
export interface FirstSearchRun {
  /** The text typed, one key at a time. */
  typed: string
  /** From the first keydown to the first highlighted result (ms); Infinity when none came in time. */
  highlightedMs: number
  /** … to the next frame after that (ms). */
  frameMs: number
  timedOut: boolean
  /** What the box held when the results were highlighted. */
  query: string
  /** Gzipped bytes of the responses to requests started from the click to the highlighted results. */
  bytes: number
  requests: number
  /** Per key, including the first: keydown to the next frame that shows it (ms); see firstSearch. */
  keys: number[]
  /** Keys with an Event Timing entry (keydown to next paint of 16 ms or more). */
  keysOverEventTiming: number
  /** The longest task on the main thread (Long Tasks API) from the click to the results and the last key; 0 when none passed 50 ms. */
  longestTaskMs: number
}

const FIRST_SEARCH_QUERY = 'lithium'
/** About 11 keys a second, a fast typist's pace; the first key also comes this long after the click. */
const KEY_INTERVAL_MS = 91
const FIRST_SEARCH_TIMEOUT_MS = 30_000

// In-page recorder of the first search, as plain JavaScript (see PAGE_HELPERS). It is installed on
// an idle page, before the click on the box:
// - every keydown (window, capture phase): its timestamp (the input's), and the time of the first
//   animation frame after it: the keydown, keypress and input handlers have run by then, and that
//   frame is the one that paints their result;
// - Event Timing entries of keydowns (16 ms or more to the next paint, the smallest threshold);
// - long tasks (over 50 ms on the main thread);
// - a MutationObserver on the document that times the first mutation after which a <mark> with a
//   box (rendered, not display:none) sits in a result of the timeline (`main li` holding
//   `[data-timeline-entry]`) and its text begins with a word of what the box holds at that moment.
const FIRST_SEARCH_RECORDER = `(function () {
  const state = { keys: [], events: [], longTasks: [], box: null, start: performance.now(), highlighted: undefined, frame: undefined, query: undefined, end: undefined }
  window.benchFirstSearch = state
  new PerformanceObserver(function (list) {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: false })
  new PerformanceObserver(function (list) {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') state.events.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'event', durationThreshold: 16, buffered: false })
  window.addEventListener('keydown', function (event) {
    const key = { start: event.timeStamp, frame: undefined }
    state.keys.push(key)
    if (event.target instanceof HTMLInputElement) state.box = event.target
    requestAnimationFrame(function () { key.frame = performance.now() - key.start })
  }, true)
  const normalize = function (text) { return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase() }
  const highlighted = function () {
    if (!state.box) return false
    const words = normalize(state.box.value).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean)
    if (words.length === 0) return false
    for (const mark of document.querySelectorAll('main li mark')) {
      const item = mark.closest('li')
      if (!item || !item.querySelector('[data-timeline-entry]') || mark.getClientRects().length === 0) continue
      const text = normalize(mark.textContent || '')
      if (words.some(function (word) { return text.startsWith(word) })) return true
    }
    return false
  }
  const observer = new MutationObserver(function () {
    if (state.highlighted !== undefined || !highlighted()) return
    state.highlighted = performance.now()
    state.query = state.box.value
    observer.disconnect()
    requestAnimationFrame(function () {
      setTimeout(function () { state.frame = performance.now() })
    })
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
  // The end of the first search: the highlighted results, or now (a timeout). Returns it as wall time.
  state.stop = function () {
    observer.disconnect()
    state.end = state.highlighted === undefined ? performance.now() : state.highlighted
    return performance.timeOrigin + state.end
  }
  return performance.timeOrigin + state.start
})()`

interface RecordedFirstSearch {
  keys: { start: number; frame?: number }[]
  events: { start: number; duration: number }[]
  longTasks: { start: number; duration: number }[]
  start: number
  highlighted?: number
  frame?: number
  query?: string
}

/**
 * Records every request the page (and its workers) makes to `base`, once per address: when it
 * started (wall time, as the browser saw it) and the gzipped size of its response.
 */
function recordRequests(page: Page, base: string) {
  const requests = new Map<string, Promise<{ startedAt: number; bytes: number } | undefined>>()
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(base) || requests.has(url)) return
    requests.set(
      url,
      request
        .response()
        .then(async (response) => (response ? { startedAt: request.timing().startTime, bytes: wireBytes(await response.body()) } : undefined))
        // The page may close before a response's body is read (it was not needed, then).
        .catch(() => undefined),
    )
  })
  return requests
}

const sleepUntil = (time: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))

/**
 * The first search as a new reader makes it: a fresh visit to `/` (no cache), the running app
 * idle, a click on the search box, then "lithium" typed with real key presses at ~11 keys a second
 * (each key sent KEY_INTERVAL_MS after the previous one was sent, or as soon as the page took the
 * previous one when it was busy for longer).
 *
 * - highlightedMs: from the first keydown's timestamp to the DOM change that put a visible mark
 *   matching the query typed so far in a result (timed in the page by a MutationObserver); Infinity,
 *   and timedOut, when none came within 30 s.
 * - bytes, requests: the responses to the requests (the page's and its workers') started after the
 *   page was idle (just before the click) and before the highlighted results, each body gzipped
 *   as a host would send it (a compressed file as it is), each address once.
 * - keys: for every key, including the first, the longer of two times from its keydown: to the
 *   first animation frame after it (which paints what its handlers did), and its Event Timing
 *   duration (to the next paint, presentation included; reported only from 16 ms, in steps of 8 ms).
 *   A key without an Event Timing entry painted in under 16 ms, and its frame time is what counts.
 * - longestTaskMs: the longest main-thread task from the click until the results are highlighted
 *   and the last key has been handled (its frame).
 */
export async function firstSearch(browser: Browser, base: string): Promise<FirstSearchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const page = await context.newPage()
    const requests = recordRequests(page, base)
    await page.goto(base)
    await page.locator('html[data-ready]').waitFor({ state: 'attached' })
    await page.waitForLoadState('networkidle')
    const box = page.getByRole('searchbox', { name: 'Search releases' })
    await box.waitFor()
    const since = await page.evaluate<number>(FIRST_SEARCH_RECORDER)
    await box.click()
    const clicked = Date.now()
    for (let i = 0; i < FIRST_SEARCH_QUERY.length; i++) {
      await sleepUntil(clicked + (i + 1) * KEY_INTERVAL_MS)
      await page.keyboard.press(FIRST_SEARCH_QUERY[i]!)
    }
    const timeout = Math.max(1, clicked + KEY_INTERVAL_MS + FIRST_SEARCH_TIMEOUT_MS - Date.now())
    const timedOut = await page
      .waitForFunction(() => (window as Recorded).benchFirstSearch?.highlighted !== undefined, undefined, { timeout, polling: 50 })
      .then(() => false, () => true)
    const until = await page.evaluate<number>('window.benchFirstSearch.stop()')
    // The last key's frame, then a moment for the observers to deliver their entries.
    await page.waitForFunction(() => (window as Recorded).benchFirstSearch?.keys.every((key) => key.frame !== undefined), undefined, { timeout: 10_000 })
    if (!timedOut) await page.waitForFunction(() => (window as Recorded).benchFirstSearch?.frame !== undefined, undefined, { timeout: 10_000 })
    await page.waitForTimeout(300)
    const recorded = await page.evaluate<RecordedFirstSearch>(
      '(function (s) { return { keys: s.keys, events: s.events, longTasks: s.longTasks, start: s.start, highlighted: s.highlighted, frame: s.frame, query: s.query } })(window.benchFirstSearch)',
    )
    const firstKey = recorded.keys[0]?.start ?? NaN
    const keys = recorded.keys.map((key) => {
      const entry = recorded.events.find((e) => Math.abs(e.start - key.start) < 2)
      return { ms: Math.max(key.frame ?? Infinity, entry?.duration ?? 0), overEventTiming: entry !== undefined }
    })
    const lastKeyDone = Math.max(...recorded.keys.map((key) => key.start + (key.frame ?? Infinity)))
    const end = Math.max(recorded.highlighted ?? -Infinity, lastKeyDone)
    const longTasks = recorded.longTasks.filter((task) => task.start + task.duration > recorded.start && task.start < end)
    const downloads = (await Promise.all(requests.values())).filter(
      (r): r is { startedAt: number; bytes: number } => r !== undefined && r.startedAt >= since && r.startedAt < until,
    )
    return {
      typed: FIRST_SEARCH_QUERY,
      highlightedMs: timedOut || recorded.highlighted === undefined ? Infinity : recorded.highlighted - firstKey,
      frameMs: timedOut || recorded.frame === undefined ? Infinity : recorded.frame - firstKey,
      timedOut,
      query: recorded.query ?? (await box.inputValue()),
      bytes: downloads.reduce((sum, r) => sum + r.bytes, 0),
      requests: downloads.length,
      keys: keys.map((k) => k.ms),
      keysOverEventTiming: keys.filter((k) => k.overEventTiming).length,
      longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    }
  } finally {
    await context.close()
  }
}
