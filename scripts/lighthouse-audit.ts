// Lighthouse audits for the bench: each URL is audited with Lighthouse's default config, that is
// what `lighthouse <url>` does (mobile form factor, Moto G Power screen, simulated slow 4G and a
// 4x CPU slowdown), in one headless Chromium shared by every run.
import * as ChromeLauncher from 'chrome-launcher'
import lighthouse, { type Flags, type Result } from 'lighthouse'
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

export interface AuditOptions {
  /** Lighthouse runs per URL; the run with the median performance score is reported. Default 1. */
  runs?: number
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export async function auditPages(urls: string[], options: AuditOptions = {}): Promise<LighthouseScores[]> {
  const runs = Math.max(1, options.runs ?? 1)
  const chrome = await ChromeLauncher.launch({
    chromePath: chromiumPath() ?? noChromium(),
    chromeFlags: ['--headless=new', '--disable-gpu', '--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    logLevel: 'silent',
  })
  const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }
  try {
    const results: LighthouseScores[] = []
    for (const url of urls) {
      const scores: LighthouseScores[] = []
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, flags)
        if (!result) throw new Error(`Lighthouse returned no result for ${url}`)
        scores.push(summarize(result.lhr))
      }
      scores.sort((a, b) => a.performance - b.performance)
      results.push(scores[Math.floor(scores.length / 2)]!)
    }
    return results
  } finally {
    chrome.kill()
  }
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
