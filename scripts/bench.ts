// npm run bench: builds the seed and a 10,000-release archive, measures both production builds in
// Chromium, audits `/` and an article with Lighthouse, prints a table with each budget, and exits 1
// when one is exceeded.
//
// BENCH_INTERACTIONS (40): clicks and keystrokes measured. BENCH_LIGHTHOUSE_RUNS (3): Lighthouse runs
// per address, the median reported; 0 skips Lighthouse. BENCH_PORT (4200): the seed's preview
// server, the 10k's on the next port.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import { readArchive } from '../src/pipeline/read-archive.ts'
import { auditPages, type LighthouseScores } from './lighthouse-audit.ts'

const run = promisify(execFile)
const WORK = '.tmp/bench'
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 40)
const LOADS = 5
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
const PORT = Number(process.env.BENCH_PORT ?? 4200)

interface Archive {
  name: string
  data: string
}

interface Measures {
  buildSeconds: number
  firstLoad: Record<string, number>
  articleLoad: Record<string, number>
  firstTitleMs: number
  filter: Timing[]
  filterSlowEvents: number
  keystroke: Timing[]
  keystrokeSlowEvents: number
  searchBytesBefore: number
  searchBytesAfter: number
  searchReadyMs: number
  /** The longest main-thread task (Long Tasks API) while the first search loads; 0 when none passed 50 ms. */
  searchLongestTaskMs: number
  heapMB: number
  /** Lighthouse on `/` and on the article, absent when BENCH_LIGHTHOUSE_RUNS is 0. */
  lighthouse?: { home: LighthouseScores; article: LighthouseScores }
}

async function main() {
  mkdirSync(WORK, { recursive: true })
  const corpus = join(WORK, 'corpus-10000')
  await run(join('node_modules', '.bin', 'tsx'), ['scripts/corpus.ts', '--count', '10000', '--out', corpus])
  const archives: Archive[] = [
    { name: 'seed', data: 'data' },
    { name: '10k', data: corpus },
  ]
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
  const browser = await chromium.launch({
    ...(systemChromium ? { executablePath: systemChromium } : {}),
    args: ['--disable-quic', '--disable-component-update', '--no-first-run'],
  })
  const results: Record<string, Measures> = {}
  try {
    for (const [i, archive] of archives.entries()) {
      console.log(`bench: building and measuring ${archive.name} (${archive.data})`)
      results[archive.name] = await measure(browser, archive, PORT + i)
    }
  } finally {
    await browser.close()
  }
  const librariesKB = await librariesAlone()
  const failed = report(results.seed!, results['10k']!, librariesKB)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`)
  process.exitCode = failed ? 1 : 0
}

async function measure(browser: Browser, archive: Archive, port: number): Promise<Measures> {
  const outDir = join(WORK, `dist-${archive.name}`)
  const started = performance.now()
  await run(join('node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, NEWS_DATA: archive.data },
    maxBuffer: 64 * 1024 * 1024,
  })
  const buildSeconds = (performance.now() - started) / 1000
  const server = await preview({ build: { outDir }, preview: { port, strictPort: true }, logLevel: 'error' })
  const base = `http://localhost:${port}`
  const built = readArchive(archive.data)
  const article = built.articles[Math.floor(built.articles.length / 2)]!
  // A topic that narrows the timeline but leaves a fair number of releases.
  const topic = [...built.index.topics].filter((t) => t.count < built.articles.length).sort((a, b) => b.count - a.count)[0]!
  try {
    const step = (name: string) => {
      console.log(`bench:   ${archive.name}: ${name}`)
    }
    step(`built in ${buildSeconds.toFixed(1)} s; first-load bytes`)
    const firstLoad = await loadBytes(browser, base, '/', outDir)
    const articleLoad = await loadBytes(browser, base, `/articles/${article.slug}`, outDir)
    step('time to first title')
    const firstTitleMs = median(await repeat(LOADS, () => timeToFirstTitle(browser, base)))
    step(`filter clicks on “${topic.label}”`)
    const { filter, filterSlowEvents, heapMB } = await filterClicks(browser, base, topic.label)
    step('keystrokes')
    const search = await keystrokes(browser, base, outDir)
    const measures: Measures = { buildSeconds, firstLoad, articleLoad, firstTitleMs, filter, filterSlowEvents, heapMB, ...search }
    if (LIGHTHOUSE_RUNS > 0) {
      step(`Lighthouse, ${LIGHTHOUSE_RUNS} run(s) each: / and /articles/${article.slug}`)
      const [home, articleScores] = await auditPages([`${base}/`, `${base}/articles/${article.slug}`], { runs: LIGHTHOUSE_RUNS })
      measures.lighthouse = { home: home!, article: articleScores! }
    }
    return measures
  } finally {
    await server.close()
  }
}

/**
 * What React, react-dom, TanStack Router and Query weigh on their own (gzip KB): the smallest app on
 * the same stack (scripts/vendor-floor), built with the installed versions. The reader's own share
 * of the first load is what comes on top.
 */
async function librariesAlone(): Promise<number> {
  const outDir = join(process.cwd(), WORK, 'vendor-floor')
  await build({ root: 'scripts/vendor-floor', configFile: false, plugins: [react()], logLevel: 'error', build: { outDir, emptyOutDir: true } })
  const assets = join(outDir, 'assets')
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024
}

/** Gzipped bytes of everything a fresh visit to `path` downloads, by kind. */
async function loadBytes(browser: Browser, base: string, path: string, outDir: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(base)) urls.push(request.url())
  })
  await page.goto(base + path, { waitUntil: 'networkidle' })
  await page.getByRole('heading', { level: 1 }).waitFor()
  await context.close()
  const bytes: Record<string, number> = { html: 0, js: 0, css: 0, data: 0, other: 0 }
  for (const url of new Set(urls)) {
    const { pathname } = new URL(url)
    const file = join(outDir, pathname.endsWith('/') || !pathname.includes('.') ? 'index.html' : decodeURIComponent(pathname))
    if (!existsSync(file)) continue
    const kind = file.endsWith('.html') ? 'html' : file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : file.endsWith('.json') ? 'data' : 'other'
    bytes[kind]! += gzipSync(readFileSync(file)).length
  }
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0)
  return bytes
}

async function timeToFirstTitle(browser: Browser, base: string): Promise<number> {
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
  await page.waitForFunction('window.firstTitle !== undefined')
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

interface Timing {
  dom: number
  frame: number
}

const slowEvents = (page: Page) => page.evaluate<number>('window.benchSlowEvents.length')

async function filterClicks(browser: Browser, base: string, topicLabel: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(base)
  // The prerendered timeline is on screen before the app has started: measure the running app.
  await page.locator('html[data-ready]').waitFor({ state: 'attached' })
  const session = await context.newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
  await watchSlowEvents(page, 'click')
  const checkbox = page.getByRole('checkbox', { name: new RegExp(`^${topicLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  const filter: Timing[] = []
  for (let i = 0; i < INTERACTIONS; i++) {
    filter.push(await measureInteraction(page, 'click', () => checkbox.click()))
  }
  const filterSlowEvents = await slowEvents(page)
  await context.close()
  return { filter, filterSlowEvents, heapMB: heap.usedSize / 1024 / 1024 }
}

async function keystrokes(browser: Browser, base: string, outDir: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const fetched: string[] = []
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
  await page.goto(base)
  await page.locator('html[data-ready]').waitFor({ state: 'attached' })
  await page.waitForLoadState('networkidle')
  const beforeSearch = new Set(fetched)
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
  const searchFiles = fetched.filter((p) => !beforeSearch.has(p))
  const searchBytesAfter = searchFiles.reduce((sum, p) => {
    const file = join(outDir, decodeURIComponent(p))
    return existsSync(file) ? sum + gzipSync(readFileSync(file)).length : sum
  }, 0)
  await box.fill('', { timeout: 10_000 })
  await watchSlowEvents(page, 'keydown')
  const keystroke: Timing[] = []
  const queries = ['lithium', 'airbus', 'autonomous ship', 'reshoring', 'semiconductors', 'exports']
  for (let i = 0; keystroke.length < INTERACTIONS; i++) {
    await box.fill('')
    for (const char of queries[i % queries.length]!) {
      if (keystroke.length >= INTERACTIONS) break
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
  return { keystroke, keystrokeSlowEvents, searchReadyMs, searchLongestTaskMs, searchBytesBefore: 0, searchBytesAfter }
}

function median(values: number[]) {
  return percentile(values, 50)
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function repeat<T>(times: number, task: () => Promise<T>): Promise<T[]> {
  const values: T[] = []
  for (let i = 0; i < times; i++) values.push(await task())
  return values
}

/** Name, seed, 10k, budget, its check; a 'score' row (0 to 1) prints two decimals and no ratio. */
type Row = [string, number, number, string, ((s: number, l: number) => boolean) | undefined, 'score'?]

/** The budget applies to the work (input to updated DOM); the next frame adds the display's wait. */
function interactionRows(name: string, seed: Timing[], large: Timing[]): Row[] {
  const dom = (t: Timing[]) => t.map((x) => x.dom)
  const frame = (t: Timing[]) => t.map((x) => x.frame)
  return [
    [`${name}, median (ms)`, median(dom(seed)), median(dom(large)), '10k ≤ 16', (_, l) => l <= 16],
    [`${name}, p95 (ms)`, percentile(dom(seed), 95), percentile(dom(large), 95), '10k ≤ 50', (_, l) => l <= 50],
    [`  … to next frame, median (ms)`, median(frame(seed)), median(frame(large)), '', undefined],
    [`  … to next frame, p95 (ms)`, percentile(frame(seed), 95), percentile(frame(large), 95), '', undefined],
  ]
}

type AuditedPage = 'home' | 'article'
const PAGES: [AuditedPage, string][] = [
  ['home', '/'],
  ['article', 'article'],
]
type Category = 'performance' | 'accessibility' | 'bestPractices' | 'seo'
const CATEGORY_BUDGETS: [Category, string, number][] = [
  ['performance', 'performance', 0.99],
  ['accessibility', 'accessibility', 1],
  ['bestPractices', 'best practices', 1],
  ['seo', 'SEO', 1],
]
const LCP_BUDGET_MS = 1000

/** Category scores and LCP for `/` and the article in both archives; each budget applies to both. */
function lighthouseRows(seed: Measures, large: Measures): Row[] {
  const s = seed.lighthouse
  const l = large.lighthouse
  if (!s || !l) return []
  const rows: Row[] = []
  for (const [key, label, min] of CATEGORY_BUDGETS) {
    for (const [page, path] of PAGES) {
      rows.push([
        `Lighthouse ${label}, ${path}`, s[page][key], l[page][key],
        min === 1 ? 'both = 1' : `both ≥ ${min}`, (a, b) => a >= min && b >= min, 'score',
      ])
    }
  }
  for (const [page, path] of PAGES) {
    rows.push([`Lighthouse LCP, ${path} (ms)`, s[page].lcpMs, l[page].lcpMs, `both ≤ ${LCP_BUDGET_MS}`, (a, b) => a <= LCP_BUDGET_MS && b <= LCP_BUDGET_MS])
  }
  for (const [page, path] of PAGES) {
    rows.push([`  … FCP, ${path} (ms)`, s[page].fcpMs, l[page].fcpMs, '', undefined])
    rows.push([`  … TBT, ${path} (ms)`, s[page].tbtMs, l[page].tbtMs, '', undefined])
  }
  return rows
}

/** The audits behind each missed Lighthouse budget: every page that misses one, with what fails. */
function lighthouseFailures(results: [string, Measures][]): string[] {
  const lines: string[] = []
  for (const [archive, measures] of results) {
    if (!measures.lighthouse) continue
    for (const [page] of PAGES) {
      const scores = measures.lighthouse[page]
      const missed = [
        ...CATEGORY_BUDGETS.filter(([key, , min]) => scores[key] < min).map(([key, label]) => `${label} ${scores[key].toFixed(2)}`),
        ...(scores.lcpMs > LCP_BUDGET_MS ? [`LCP ${Math.round(scores.lcpMs)} ms`] : []),
      ]
      if (missed.length === 0) continue
      lines.push(`${archive} ${scores.url}: ${missed.join(', ')}`)
      lines.push(
        `  LCP ${Math.round(scores.lcpMs)} ms, FCP ${Math.round(scores.fcpMs)} ms, TBT ${Math.round(scores.tbtMs)} ms, CLS ${scores.cls.toFixed(3)}`,
      )
      if (scores.lcpElement.length > 0) lines.push(`  LCP element: ${scores.lcpElement.join('; ')}`)
      for (const failure of scores.failures) {
        lines.push(`  - ${failure.id}: ${failure.title}${failure.displayValue ? ` (${failure.displayValue})` : ''}`)
        for (const item of failure.items.slice(0, 8)) lines.push(`      ${item.length > 240 ? `${item.slice(0, 239)}…` : item}`)
        if (failure.items.length > 8) lines.push(`      … and ${failure.items.length - 8} more`)
      }
    }
  }
  return lines
}

function report(seed: Measures, large: Measures, librariesKB: number): boolean {
  const kb = (bytes: number) => bytes / 1024
  const rows: Row[] = [
    ['build time (s)', seed.buildSeconds, large.buildSeconds, '10k ≤ 30 s', (_, l) => l <= 30],
    ['first load / total (KB gz)', kb(seed.firstLoad.total!), kb(large.firstLoad.total!), 'seed ≤ 120, 10k ≤ 1.3× seed', (s, l) => s <= 120 && l <= 1.3 * s],
    ...(['html', 'js', 'css', 'data'] as const).map((kind): [string, number, number, string, undefined] => [
      `  / ${kind} (KB gz)`, kb(seed.firstLoad[kind]!), kb(large.firstLoad[kind]!), '', undefined,
    ]),
    ['  / React, react-dom, Router, Query alone (KB gz)', librariesKB, librariesKB, '', undefined],
    ['  / the reader\'s own share (KB gz)', kb(seed.firstLoad.total!) - librariesKB, kb(large.firstLoad.total!) - librariesKB, '', undefined],
    ['first load article (KB gz)', kb(seed.articleLoad.total!), kb(large.articleLoad.total!), '', undefined],
    ['first title on screen (ms)', seed.firstTitleMs, large.firstTitleMs, '', undefined],
    ...interactionRows('filter click → list', seed.filter, large.filter),
    ['  clicks to next paint over 16 ms (Event Timing)', seed.filterSlowEvents, large.filterSlowEvents, `of ${INTERACTIONS}`, undefined],
    ...interactionRows('keystroke → results', seed.keystroke, large.keystroke),
    ['  keys to next paint over 16 ms (Event Timing)', seed.keystrokeSlowEvents, large.keystrokeSlowEvents, `of ${INTERACTIONS}`, undefined],
    ['search bytes before first query (KB gz)', kb(seed.searchBytesBefore), kb(large.searchBytesBefore), '', undefined],
    ['search bytes after first query (KB gz)', kb(seed.searchBytesAfter), kb(large.searchBytesAfter), '', undefined],
    ['first search ready (ms)', seed.searchReadyMs, large.searchReadyMs, '', undefined],
    ['  longest task meanwhile (ms)', seed.searchLongestTaskMs, large.searchLongestTaskMs, '', undefined],
    ['JS heap after timeline (MB)', seed.heapMB, large.heapMB, '10k ≤ 60', (_, l) => l <= 60],
    ...lighthouseRows(seed, large),
  ]
  const format = (n: number) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–')
  const lines = [['measure', 'seed', '10k', 'ratio', 'budget', ''].join(' | ')]
  let failed = false
  for (const [name, s, l, budget, check, kind] of rows) {
    const ok = check ? check(s, l) : undefined
    if (ok === false) failed = true
    const [fs, fl] = kind === 'score' ? [s.toFixed(2), l.toFixed(2)] : [format(s), format(l)]
    const ratio = kind !== 'score' && s ? `${(l / s).toFixed(2)}×` : '–'
    lines.push([name, fs, fl, ratio, budget, ok === undefined ? '' : ok ? 'ok' : 'OVER'].join(' | '))
  }
  console.log(`\n${lines.join('\n')}\n`)
  const failures = lighthouseFailures([
    ['seed', seed],
    ['10k', large],
  ])
  if (failures.length > 0) console.log(`Lighthouse budgets missed, and the audits that fail:\n${failures.join('\n')}\n`)
  console.log(failed ? 'bench: a budget is exceeded' : 'bench: every budget met')
  return failed
}

await main()
