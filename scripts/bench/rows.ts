// The bench's rows: one per measure, the seed's value and the large archive's (report.ts prints
// them and judges them against their budgets).
import type { Timing } from './browser.ts'
import type { FirstSearchRun } from './first-search.ts'
import type { MeasureId } from './budgets.ts'
import type { Measures } from './measures.ts'
import { median, percentile } from './stats.ts'

/** An archive's measures under its name in the table. */
export interface Archive {
  name: string
  measures: Measures
}

/** A value, or why there is none ("not measured at this size"). */
export type Cell = number | string

export interface Row {
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

const kb = (bytes: number) => bytes / 1024
const BUILD_FAILED = 'build failed'
const PAGE_FAILED = 'failed (see below)'
const NOT_AT_THIS_SIZE = 'not measured at this size'

/** The row's value for one archive: `value` of what was measured, else why it was not. */
export function cellOf<T>(measures: Measures, part: T | undefined, value: (part: T) => number, missing = NOT_AT_THIS_SIZE): Cell {
  if (part !== undefined) return value(part)
  return !measures.build.ok ? BUILD_FAILED : measures.error ? PAGE_FAILED : missing
}

/** `inGiB`: the large archive's dist/ budget is in GiB, and its size is shown in MiB too. */
export function rowsOf(seed: Measures, large: Measures, librariesKB: number, interactions: number, inGiB: boolean): Row[] {
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
