// The bench's table: one row per measure, the seed's value and the large archive's, their ratio,
// the budgets that apply (scripts/bench/budgets.ts) and whether they are met.
import type { Timing } from './browser.ts'
import type { FirstSearchRun } from './first-search.ts'
import {
  CATEGORY_BUDGETS,
  type Column,
  describeLimit,
  type LighthousePage,
  LCP_BUDGET_MS,
  limitsOf,
  type MeasureId,
  meets,
} from './budgets.ts'
import type { Measures } from './measures.ts'
import { median, percentile } from './stats.ts'

/** A value, or why there is none ("not measured at this size"). */
type Cell = number | string

interface Row {
  label: string
  /** The row's budgets, when it has any. */
  measure?: MeasureId
  seed: Cell
  large: Cell
  /** 'score' prints two decimals and no ratio; 'count' prints an integer. */
  kind?: 'score' | 'count'
  /** A failure of its own, whatever the budget: a failed build. */
  failed?: boolean
}

export interface Archive {
  name: string
  measures: Measures
}

const kb = (bytes: number) => bytes / 1024
const BUILD_FAILED = 'build failed'
const PAGE_FAILED = 'failed (see below)'
const NOT_AT_THIS_SIZE = 'not measured at this size'

/** The row's value for one archive: `value` of what was measured, else why it was not. */
function cellOf<T>(measures: Measures, part: T | undefined, value: (part: T) => number, missing = NOT_AT_THIS_SIZE): Cell {
  if (part !== undefined) return value(part)
  return !measures.build.ok ? BUILD_FAILED : measures.error ? PAGE_FAILED : missing
}

/** `inGiB`: the large archive's dist/ budget is in GiB, and its size is shown in MiB too. */
function rowsOf(seed: Measures, large: Measures, librariesKB: number, interactions: number, inGiB: boolean): Row[] {
  const row = (label: string, value: (m: Measures) => Cell, more: Partial<Row> = {}): Row => ({
    label,
    seed: value(seed),
    large: value(large),
    ...more,
  })
  const page = (value: (p: NonNullable<Measures['page']>) => number) => (m: Measures) => cellOf(m, m.page, value)
  const search = (value: (s: NonNullable<Measures['search']>) => number) => (m: Measures) => cellOf(m, m.search, value)
  const dist = (value: (d: NonNullable<Measures['dist']>) => number) => (m: Measures) => cellOf(m, m.dist, value)
  const dom = (t: Timing[]) => t.map((x) => x.dom)
  const frame = (t: Timing[]) => t.map((x) => x.frame)
  /** The budget applies to the work (input to updated DOM); the next frame adds the display's wait. */
  const interaction = (name: string, ids: [MeasureId, MeasureId], timings: (m: Measures) => Timing[] | undefined): Row[] => {
    const of = (value: (t: Timing[]) => number) => (m: Measures) => cellOf(m, timings(m), value)
    return [
      row(
        `${name}, median (ms)`,
        of((t) => median(dom(t))),
        { measure: ids[0] },
      ),
      row(
        `${name}, p95 (ms)`,
        of((t) => percentile(dom(t), 95)),
        { measure: ids[1] },
      ),
      row(
        '  … to next frame, median (ms)',
        of((t) => median(frame(t))),
      ),
      row(
        '  … to next frame, p95 (ms)',
        of((t) => percentile(frame(t), 95)),
      ),
    ]
  }
  const firstLoad = (kind: string) => page((p) => kb(p.firstLoad[kind] ?? 0))
  const first = (value: (runs: FirstSearchRun[]) => number) => (m: Measures) =>
    cellOf(m, m.firstSearch?.length ? m.firstSearch : undefined, value)
  const keys = (runs: FirstSearchRun[]) => runs.flatMap((r) => r.keys)
  return [
    row('build time (s)', (m) => (m.build.ok ? m.build.seconds : `failed after ${m.build.seconds.toFixed(1)} s`), {
      measure: 'buildSeconds',
      failed: !seed.build.ok || !large.build.ok,
    }),
    row('peak memory of the build (MB)', (m) => m.build.peakMB ?? `not measured (${m.build.exit ?? 'no exit'})`, {
      measure: 'buildPeakMB',
    }),
    row(
      'dist/ size (MB)',
      dist((d) => d.sizeMB),
      { measure: 'distMB' },
    ),
    ...(inGiB
      ? [
          row(
            '  … in MiB',
            dist((d) => (d.sizeMB * 1e6) / 2 ** 20),
          ),
        ]
      : []),
    row(
      'files in dist/',
      dist((d) => d.files),
      { measure: 'distFiles', kind: 'count' },
    ),
    row(
      'largest feed file (KB)',
      dist((d) => d.largestFeedKB),
      { measure: 'largestFeedKB' },
    ),
    row('first load / total (KB gz)', firstLoad('total'), { measure: 'firstLoadKB' }),
    ...['html', 'js', 'css', 'data'].map((kind) => row(`  / ${kind} (KB gz)`, firstLoad(kind))),
    row('  / React, react-dom, Router, Query alone (KB gz)', () => librariesKB),
    row(
      "  / the reader's own share (KB gz)",
      page((p) => kb(p.firstLoad.total ?? 0) - librariesKB),
    ),
    row(
      'first load article (KB gz)',
      page((p) => kb(p.articleLoad.total ?? 0)),
    ),
    row(
      'first title on screen (ms)',
      page((p) => p.firstTitleMs),
    ),
    ...interaction('filter click → list', ['filterMedianMs', 'filterP95Ms'], (m) => m.page?.filter),
    row(
      `  clicks to next paint over 16 ms (Event Timing), of ${interactions}`,
      page((p) => p.filterSlowEvents),
      { kind: 'count' },
    ),
    ...interaction('keystroke → results', ['keystrokeMedianMs', 'keystrokeP95Ms'], (m) => m.search?.keystroke),
    row(
      `  keys to next paint over 16 ms (Event Timing), of ${interactions}`,
      search((s) => s.keystrokeSlowEvents),
      { kind: 'count' },
    ),
    row(
      'search filled in at once: bytes after (KB gz)',
      search((s) => kb(s.searchBytesAfter)),
    ),
    row(
      '  … results ready (ms)',
      search((s) => s.searchReadyMs),
    ),
    row(
      '  … longest task meanwhile (ms)',
      search((s) => s.searchLongestTaskMs),
    ),
    ...firstSearchRows(row, first, keys),
    row(
      'JS heap after timeline (MB)',
      page((p) => p.heapMB),
      { measure: 'heapMB' },
    ),
    ...lighthouseRows(seed, large),
  ]
}

/**
 * The first search typed on fresh visits (firstSearch in browser.ts): the median over the visits,
 * the keys of all visits together; a visit that saw no highlighted results fails the row.
 */
function firstSearchRows(
  row: (label: string, value: (m: Measures) => Cell, more?: Partial<Row>) => Row,
  first: (value: (runs: FirstSearchRun[]) => number) => (m: Measures) => Cell,
  keys: (runs: FirstSearchRun[]) => number[],
): Row[] {
  const untilHighlighted = (time: (run: FirstSearchRun) => number) => (r: FirstSearchRun[]) =>
    r.some((x) => x.timedOut) ? Infinity : median(r.map(time))
  return [
    row('first search, fresh visit: first key → highlighted results (ms)', first(untilHighlighted((x) => x.highlightedMs)), {
      measure: 'firstSearchMs',
    }),
    row('  … to next frame (ms)', first(untilHighlighted((x) => x.frameMs))),
    row(
      '  bytes downloaded for it (KB gz)',
      first((r) => kb(median(r.map((x) => x.bytes)))),
      { measure: 'firstSearchKB' },
    ),
    row(
      '  … requests',
      first((r) => median(r.map((x) => x.requests))),
      { kind: 'count' },
    ),
    row(
      '  keydown → screen, every key, median (ms)',
      first((r) => median(keys(r))),
      { measure: 'firstSearchKeyMedianMs' },
    ),
    row(
      '  keydown → screen, every key, p95 (ms)',
      first((r) => percentile(keys(r), 95)),
      { measure: 'firstSearchKeyP95Ms' },
    ),
    row(
      '  keys to next paint over 16 ms (Event Timing)',
      first((r) => r.reduce((sum, x) => sum + x.keysOverEventTiming, 0)),
      { kind: 'count' },
    ),
    row(
      '  … of keys typed',
      first((r) => keys(r).length),
      { kind: 'count' },
    ),
    row(
      '  longest task while typing (ms)',
      first((r) => median(r.map((x) => x.longestTaskMs))),
      { measure: 'firstSearchLongestTaskMs' },
    ),
  ]
}

const PAGES: [LighthousePage, string][] = [
  ['home', '/'],
  ['article', 'article'],
]

/** Category scores and LCP for `/` and the article; none when Lighthouse ran on neither archive. */
function lighthouseRows(seed: Measures, large: Measures): Row[] {
  if (!seed.lighthouse && !large.lighthouse) return []
  const of =
    (page: LighthousePage, value: (s: NonNullable<Measures['lighthouse']>['home']) => number) =>
    (m: Measures): Cell =>
      cellOf(m, m.lighthouse?.[page], value, 'not run')
  const rows: Row[] = []
  const add = (label: string, value: (m: Measures) => Cell, more: Partial<Row> = {}) => {
    rows.push({ label, seed: value(seed), large: value(large), ...more })
  }
  for (const [key, label] of CATEGORY_BUDGETS) {
    for (const [page, path] of PAGES)
      add(
        `Lighthouse ${label}, ${path}`,
        of(page, (s) => s[key]),
        { measure: `lighthouse.${key}.${page}`, kind: 'score' },
      )
  }
  for (const [page, path] of PAGES)
    add(
      `Lighthouse LCP, ${path} (ms)`,
      of(page, (s) => s.lcpMs),
      { measure: `lighthouse.lcpMs.${page}` },
    )
  for (const [page, path] of PAGES) {
    add(
      `  … FCP, ${path} (ms)`,
      of(page, (s) => s.fcpMs),
    )
    add(
      `  … TBT, ${path} (ms)`,
      of(page, (s) => s.tbtMs),
    )
  }
  return rows
}

type Status = '' | 'ok' | 'OVER' | 'NOT MEASURED' | 'FAILED'

/** The budgets of a row for the seed and the large archive, and whether they are met. */
function judge(row: Row, largeColumn: Column | undefined, largeName: string): { budget: string; status: Status } {
  if (!row.measure) return { budget: '', status: row.failed ? 'FAILED' : '' }
  const limits = limitsOf(row.measure, largeColumn)
  const parts: string[] = []
  const outcomes: Status[] = []
  const seedValue = typeof row.seed === 'number' ? row.seed : undefined
  for (const [name, limit, cell] of [
    ['seed', limits.seed, row.seed],
    [largeName, limits.large, row.large],
  ] as const) {
    if (!limit) continue
    parts.push(`${name} ${describeLimit(limit)}`)
    if (typeof cell !== 'number' || ('timesSeed' in limit && seedValue === undefined)) outcomes.push('NOT MEASURED')
    else outcomes.push(meets(limit, cell, seedValue) ? 'ok' : 'OVER')
  }
  const status = row.failed
    ? 'FAILED'
    : outcomes.includes('OVER')
      ? 'OVER'
      : outcomes.includes('NOT MEASURED')
        ? 'NOT MEASURED'
        : outcomes.length > 0
          ? 'ok'
          : ''
  return { budget: parts.join(', '), status }
}

function format(cell: Cell, kind: Row['kind']): string {
  if (typeof cell === 'string') return cell
  if (cell === Infinity) return '∞'
  if (!Number.isFinite(cell)) return '–'
  if (kind === 'score') return cell.toFixed(2)
  if (kind === 'count') return cell.toFixed(0)
  return Math.abs(cell) >= 100 ? cell.toFixed(0) : cell.toFixed(1)
}

/** Prints the table and what explains a missed budget; returns whether a budget that applies is missed. */
/** `largeColumn`: the budgets' column of the large archive (none for a size without budgets). */
export function report(seed: Archive, large: Archive, largeColumn: Column | undefined, librariesKB: number, interactions: number): boolean {
  const table = [['measure', seed.name, large.name, 'ratio', 'budget', '']]
  let failed = false
  const inGiB = limitsOf('distMB', largeColumn).large?.text?.includes('GiB') ?? false
  for (const row of rowsOf(seed.measures, large.measures, librariesKB, interactions, inGiB)) {
    const { budget, status } = judge(row, largeColumn, large.name)
    if (status !== '' && status !== 'ok') failed = true
    const ratio =
      row.kind !== 'score' &&
      typeof row.seed === 'number' &&
      typeof row.large === 'number' &&
      row.seed &&
      Number.isFinite(row.large / row.seed)
        ? `${(row.large / row.seed).toFixed(2)}×`
        : '–'
    table.push([row.label, format(row.seed, row.kind), format(row.large, row.kind), ratio, budget, status])
  }
  const widths = table[0]!.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)))
  const lines = table.map((cells) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - c.length))
      .join(' | ')
      .trimEnd(),
  )
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'))
  console.log(`\n${lines.join('\n')}\n`)
  console.log('KB = 1024 bytes, MB = 10^6 bytes, MiB = 2^20 bytes, GiB = 2^30 bytes; gz: gzip level 6.')
  for (const { name, measures } of [seed, large]) {
    if (measures.dist) console.log(`${name}: largest feed ${measures.dist.largestFeed || 'none'} (of ${measures.dist.feeds} feed files)`)
  }
  if (!largeColumn) console.log(`${large.name}: no budgets are set at this size (only for 10,000 and 100,000 releases)`)
  for (const { name, measures } of [seed, large]) {
    const { build } = measures
    if (build.ok) continue
    console.log(
      `\nbench: the build of ${name} (${measures.data}) failed, ${build.exit ?? ''}, after ${build.seconds.toFixed(1)} s; its last lines:`,
    )
    for (const line of build.tail ?? []) console.log(`  ${line}`)
  }
  for (const { name, measures } of [seed, large]) {
    if (measures.error) console.log(`\nbench: measuring ${name} in the browser failed: ${measures.error}`)
  }
  for (const { name, measures } of [seed, large]) {
    const runs = measures.firstSearch ?? []
    if (runs.length === 0) continue
    const timedOut = runs.filter((r) => r.timedOut).length
    const queries = [...new Set(runs.filter((r) => !r.timedOut).map((r) => `“${r.query}”`))].join(', ')
    console.log(
      `${name}: first search typed “${runs[0]!.typed}” on ${runs.length} fresh visit(s)` +
        (queries ? `, results highlighted at ${queries}` : '') +
        (timedOut ? `; ${timedOut} saw no highlighted results within 30 s` : ''),
    )
  }
  const failures = lighthouseFailures(
    [
      [seed, 'seed'],
      [large, 'large'],
    ],
    largeColumn,
  )
  if (failures.length > 0) console.log(`\nLighthouse budgets missed, and the audits that fail:\n${failures.join('\n')}`)
  console.log(failed ? '\nbench: a budget is exceeded' : '\nbench: every budget met')
  return failed
}

/** The audits behind each missed Lighthouse budget: every page that misses one, with what fails. */
function lighthouseFailures(archives: [Archive, 'seed' | 'large'][], largeColumn: Column | undefined): string[] {
  const lines: string[] = []
  for (const [{ name, measures }, side] of archives) {
    if (!measures.lighthouse) continue
    for (const [page] of PAGES) {
      const scores = measures.lighthouse[page]
      const missed = [
        ...CATEGORY_BUDGETS.filter(([key]) => {
          const limit = limitsOf(`lighthouse.${key}.${page}`, largeColumn)[side]
          return limit && !meets(limit, scores[key], undefined)
        }).map(([key, label]) => `${label} ${scores[key].toFixed(2)}`),
        ...(limitsOf(`lighthouse.lcpMs.${page}`, largeColumn)[side] && scores.lcpMs > LCP_BUDGET_MS
          ? [`LCP ${Math.round(scores.lcpMs)} ms`]
          : []),
      ]
      if (missed.length === 0) continue
      lines.push(`${name} ${scores.url}: ${missed.join(', ')}`)
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
