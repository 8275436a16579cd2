// The bench's Lighthouse rows, and what explains a missed Lighthouse budget. Each page is audited
// several times: a judged row holds the worst run's value (the one its budget is held to), the row
// under it the spread of the runs, min / median / max, as information.
import {
  describeRun,
  describeSpread,
  formatMeasure,
  type LighthouseScores,
  MEASURE_NAMES,
  type RunMeasure,
  worstRun,
} from '../lighthouse-audit.ts'
import { type Column, type LighthouseMeasure, type LighthousePage, limitsOf, meets } from './budgets.ts'
import { type Archive, type Cell, cellOf, type Row } from './rows.ts'
import type { Measures } from './measures.ts'
import { median } from './stats.ts'

const PAGES: [LighthousePage, string][] = [
  ['home', '/'],
  ['article', 'article'],
]

/** What each budget reads of a run; the median TBT reads the TBT of every run. */
const METRIC: Record<LighthouseMeasure, RunMeasure> = {
  performance: 'performance',
  accessibility: 'accessibility',
  bestPractices: 'bestPractices',
  seo: 'seo',
  lcpMs: 'lcpMs',
  tbtMs: 'tbtMs',
  tbtMedianMs: 'tbtMs',
  cls: 'cls',
}

/** The value a budget judges: the median of the runs' TBT for `tbtMedianMs`, else the worst run's. */
function judged(runs: LighthouseScores[], measure: LighthouseMeasure): number {
  const metric = METRIC[measure]
  return measure === 'tbtMedianMs' ? median(runs.map((run) => run.tbtMs)) : runs[worstRun(runs, metric)]![metric]
}

/** A cell of one archive: `value` of the page's runs, else why there are none (cellOf says which). */
function cellOfRuns(m: Measures, page: LighthousePage, value: (runs: LighthouseScores[]) => Cell): Cell {
  const runs = m.lighthouse?.[page]
  return runs ? value(runs) : cellOf(m, undefined, () => NaN, 'not run')
}

/**
 * Per page: the scores, LCP, TBT (worst and median) and CLS, judged, with the spread of those that
 * vary; FCP as information. None when Lighthouse ran on neither archive.
 */
export function lighthouseRows(seed: Measures, large: Measures): Row[] {
  if (!seed.lighthouse && !large.lighthouse) return []
  const counts = new Set([seed, large].flatMap((m) => (m.lighthouse ? [m.lighthouse.home.length, m.lighthouse.article.length] : [])))
  const runs = [...counts].join(' or ')
  const rows: Row[] = []
  for (const [page, path] of PAGES) {
    const add = (label: string, value: (runs: LighthouseScores[]) => Cell, more: Partial<Row> = {}) => {
      rows.push({ label, seed: cellOfRuns(seed, page, value), large: cellOfRuns(large, page, value), ...more })
    }
    const worst = (measure: LighthouseMeasure) => {
      const ms = measure.endsWith('Ms')
      add(`Lighthouse ${MEASURE_NAMES[METRIC[measure]]}, ${path} (${ms ? 'ms, ' : ''}worst of ${runs})`, (r) => judged(r, measure), {
        measure: `lighthouse.${measure}.${page}`,
        ...(ms ? {} : { kind: 'score' }),
      })
    }
    const spread = (metric: RunMeasure, label = '  … min / median / max') => {
      add(label, (r) => describeSpread(r, metric))
    }
    worst('performance')
    spread('performance')
    worst('accessibility')
    worst('bestPractices')
    worst('seo')
    worst('lcpMs')
    spread('lcpMs')
    worst('tbtMs')
    add(`  … median of ${runs} (ms)`, (r) => judged(r, 'tbtMedianMs'), { measure: `lighthouse.tbtMedianMs.${page}` })
    spread('tbtMs')
    worst('cls')
    spread('cls')
    spread('fcpMs', `Lighthouse FCP, ${path}: min / median / max`)
  }
  return rows
}

/**
 * What explains each missed Lighthouse budget: per page that misses one, the measures missed and
 * the run that missed each (for the median TBT, the run with the longest TBT), then those runs'
 * metrics, LCP element and failing audits.
 */
export function lighthouseFailures(archives: [Archive, 'seed' | 'large'][], largeColumn: Column | undefined): string[] {
  const lines: string[] = []
  for (const [{ name, measures }, side] of archives) {
    for (const [page] of PAGES) {
      const runs = measures.lighthouse?.[page]
      if (!runs) continue
      const missed = (Object.keys(METRIC) as LighthouseMeasure[]).filter((measure) => {
        const limit = limitsOf(`lighthouse.${measure}.${page}`, largeColumn)[side]
        return limit && !meets(limit, judged(runs, measure), undefined)
      })
      if (missed.length === 0) continue
      const runOf = (i: number) => `run ${i + 1} of ${runs.length}`
      const culprits = missed.map((measure) => worstRun(runs, METRIC[measure]))
      const described = missed.map((measure, k) => {
        const value = formatMeasure(METRIC[measure], judged(runs, measure))
        return measure === 'tbtMedianMs'
          ? `TBT median ${value} (longest: ${runOf(culprits[k]!)})`
          : `${MEASURE_NAMES[METRIC[measure]]} ${value} (${runOf(culprits[k]!)})`
      })
      lines.push(`${name} ${runs[0]!.url}: ${described.join(', ')}`)
      for (const i of new Set(culprits)) {
        lines.push(`  ${runOf(i)}:`)
        for (const line of describeRun(runs[i]!, { items: 8, chars: 240 })) lines.push(`    ${line}`)
      }
    }
  }
  return lines
}
