// The bench's first search: typed with real key presses on a fresh visit, timed in the page from
// the first key to highlighted results, with every key's time to the screen and the bytes fetched.
import type { Browser, Page } from '@playwright/test'
import { wireBytes } from './browser.ts'

/**
 * What the recorder below leaves on the page's window. Waits poll functions, never strings: a
 * string is evaluated with eval at each poll, which the pages' Content-Security-Policy refuses.
 */
type Recorded = Window & { benchFirstSearch?: { highlighted?: number; frame?: number; keys: { frame?: number }[] } }

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
        .then(async (response) =>
          response ? { startedAt: request.timing().startTime, bytes: wireBytes(await response.body()) } : undefined,
        )
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
      .then(
        () => false,
        () => true,
      )
    const until = await page.evaluate<number>('window.benchFirstSearch.stop()')
    // The last key's frame, then a moment for the observers to deliver their entries.
    await page.waitForFunction(() => (window as Recorded).benchFirstSearch?.keys.every((key) => key.frame !== undefined), undefined, {
      timeout: 10_000,
    })
    if (!timedOut)
      await page.waitForFunction(() => (window as Recorded).benchFirstSearch?.frame !== undefined, undefined, { timeout: 10_000 })
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
