// Lighthouse audits for the bench: each URL is audited with Lighthouse's default config, that is
// what `lighthouse <url>` does (mobile form factor, Moto G Power screen, simulated slow 4G and a
// 4x CPU slowdown), in one headless Chromium shared by every run. A page's score varies from run
// to run, so each URL is audited N times and every run is kept: the bench holds its budgets to
// the worst of them, and the CLI prints their spread.
import * as ChromeLauncher from 'chrome-launcher'
import lighthouse, { type Flags, type Result } from 'lighthouse'
import { median } from './bench/stats.ts'
import { chromiumPath } from './chromium.ts'

export interface AuditFailure {
  id: string
  title: string
  /** Lighthouse's one-line summary, e.g. "Potential savings of 20 KiB". */
  displayValue?: string
  /** What the audit points at: element snippets and selectors, URLs, or an explanation. */
  items: string[]
}

export interface LighthouseScores {
  url: string
  /** Category scores, 0 to 1. */
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  fcpMs: number
  tbtMs: number
  cls: number
  /**
   * The LCP element and the (simulated) phases of its LCP: TTFB, load delay, load time, render
   * delay. Reported whether or not the element's audit passes, as it explains a slow LCP.
   */
  lcpElement: string[]
  /** The accessibility, best-practices and SEO audits scoring < 1, then the performance opportunities, with their titles and what they point at. */
  failures: AuditFailure[]
}

/** What a run measures, one number each: the category scores (0 to 1), the times (ms) and CLS. */
export type RunMeasure = 'performance' | 'accessibility' | 'bestPractices' | 'seo' | 'lcpMs' | 'fcpMs' | 'tbtMs' | 'cls'

export interface AuditOptions {
  /** Lighthouse runs per URL. Default 1. */
  runs?: number
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const SCORES: RunMeasure[] = ['performance', 'accessibility', 'bestPractices', 'seo']

/** Each measure's name in what the bench and the CLI print. */
export const MEASURE_NAMES: Record<RunMeasure, string> = {
  performance: 'performance',
  accessibility: 'accessibility',
  bestPractices: 'best practices',
  seo: 'SEO',
  lcpMs: 'LCP',
  fcpMs: 'FCP',
  tbtMs: 'TBT',
  cls: 'CLS',
}

/** Every run of each URL: one list per URL, in the order of `urls`, its runs in the order they ran. */
export async function auditPages(urls: string[], options: AuditOptions = {}): Promise<LighthouseScores[][]> {
  const count = Math.max(1, options.runs ?? 1)
  const chrome = await ChromeLauncher.launch({
    chromePath: chromiumPath() ?? noChromium(),
    chromeFlags: ['--headless=new', '--disable-gpu', '--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    logLevel: 'silent',
  })
  const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }
  try {
    const results: LighthouseScores[][] = []
    for (const url of urls) {
      const runs: LighthouseScores[] = []
      for (let i = 0; i < count; i++) {
        const result = await lighthouse(url, flags)
        if (!result) throw new Error(`Lighthouse returned no result for ${url}`)
        runs.push(summarize(result.lhr))
      }
      results.push(runs)
    }
    return results
  } finally {
    chrome.kill()
  }
}

/** The index of the run that did worst on `measure`: the lowest score, the longest time, the largest shift (the first of equals). */
export function worstRun(runs: LighthouseScores[], measure: RunMeasure): number {
  const worse = SCORES.includes(measure) ? (a: number, b: number) => a < b : (a: number, b: number) => a > b
  return runs.reduce((worst, run, i) => (worse(run[measure], runs[worst]![measure]) ? i : worst), 0)
}

/** A value of `measure` without its unit: a score to 2 decimals, CLS to 3, whole milliseconds. */
function figure(measure: RunMeasure, value: number): string {
  if (SCORES.includes(measure)) return value.toFixed(2)
  return measure === 'cls' ? value.toFixed(3) : Math.round(value).toString()
}

const unitOf = (measure: RunMeasure) => (measure.endsWith('Ms') ? ' ms' : '')

/** A value of `measure` as the bench and the CLI print it: "0.98", "812 ms", "0.002". */
export function formatMeasure(measure: RunMeasure, value: number): string {
  return `${figure(measure, value)}${unitOf(measure)}`
}

/** The lowest, median and highest of `measure` over the runs: "0.95 / 0.98 / 1.00", "764 / 812 / 912 ms". */
export function describeSpread(runs: LighthouseScores[], measure: RunMeasure): string {
  const values = runs.map((run) => run[measure])
  const spread = [Math.min(...values), median(values), Math.max(...values)]
  return `${spread.map((value) => figure(measure, value)).join(' / ')}${unitOf(measure)}`
}

/**
 * One run in lines: its scores and metrics, its LCP element, and its failing audits with what they
 * point at (`limit`: at most `items` lines per audit, each cut at `chars` characters).
 */
export function describeRun(run: LighthouseScores, limit = { items: Infinity, chars: Infinity }): string[] {
  const metrics: RunMeasure[] = ['performance', 'lcpMs', 'fcpMs', 'tbtMs', 'cls']
  const lines = [metrics.map((m) => `${MEASURE_NAMES[m]} ${formatMeasure(m, run[m])}`).join(', ')]
  if (run.lcpElement.length > 0) lines.push(`LCP element: ${run.lcpElement.join('; ')}`)
  for (const failure of run.failures) {
    lines.push(`- ${failure.id}: ${failure.title}${failure.displayValue ? ` (${failure.displayValue})` : ''}`)
    for (const item of failure.items.slice(0, limit.items))
      lines.push(`    ${item.length > limit.chars ? `${item.slice(0, limit.chars - 1)}…` : item}`)
    if (failure.items.length > limit.items) lines.push(`    … and ${failure.items.length - limit.items} more`)
  }
  return lines
}

function summarize(lhr: Result): LighthouseScores {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${lhr.finalDisplayedUrl}: ${lhr.runtimeError.message}`)
  const score = (category: (typeof CATEGORIES)[number]) => lhr.categories[category]?.score ?? 0
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  const failures: AuditFailure[] = []
  for (const category of ['accessibility', 'best-practices', 'seo', 'performance'] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      // Performance metrics are reported as numbers; hidden audits are raw data or duplicates.
      if (category === 'performance' && ref.group !== 'diagnostics') continue
      const audit = lhr.audits[ref.id]
      if (!audit || failures.some((f) => f.id === audit.id)) continue
      const failed = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1)
      if (!failed) continue
      failures.push({
        id: audit.id,
        title: audit.title,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        items: audit.scoreDisplayMode === 'error' ? [audit.errorMessage ?? 'error'] : describeItems(audit.details),
      })
    }
  }
  return {
    url: lhr.finalDisplayedUrl,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: metric('largest-contentful-paint'),
    fcpMs: metric('first-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    lcpElement: describeItems(lhr.audits['largest-contentful-paint-element']?.details),
    failures,
  }
}

type Details = NonNullable<Result['audits'][string]['details']>
type ListItem = Extract<Details, { type: 'list' }>['items'][number]
type TableValue = Extract<Details, { type: 'table' }>['items'][number][string]

/** One line per table row or list item: the element (selector, snippet, explanation), the URL, or the text. */
function describeItems(details: Details | ListItem | undefined): string[] {
  if (!details) return []
  if (details.type === 'list') return details.items.flatMap((item) => describeItems(item))
  if (details.type === 'list-section') return describeItems(details.value)
  if (details.type === 'table' || details.type === 'opportunity') {
    return details.items.map((row) =>
      Object.entries(row)
        .map(([key, value]) => {
          if (typeof value === 'string') return `${key}: ${value}`
          if (typeof value === 'number') return `${key}: ${Math.abs(value) >= 10 ? Math.round(value) : Number(value.toFixed(3))}`
          return typeof value === 'object' ? describeValue(value) : undefined
        })
        .filter(Boolean)
        .join(' | '),
    )
  }
  const value = describeValue(details)
  return value ? [value] : []
}

function describeValue(value: Details | ListItem | TableValue): string | undefined {
  if (!value || typeof value !== 'object') return undefined
  if (value.type === 'node') return [value.selector, value.snippet, value.explanation].filter(Boolean).join(' ')
  if (value.type === 'source-location') return `${value.url}:${value.line + 1}:${value.column + 1}`
  if (value.type === 'url' || value.type === 'code' || value.type === 'text') return value.value
  return undefined
}

function noChromium(): never {
  throw new Error("No Chromium to audit with: install Debian's (apt-get install chromium) or run `npx playwright install chromium`.")
}
