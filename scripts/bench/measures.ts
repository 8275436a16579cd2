// What the bench measures on one archive, as written to bench-results/latest*.json.
import type { LighthouseScores } from '../lighthouse-audit.ts'
import type { Timing } from './browser.ts'
import type { FirstSearchRun } from './first-search.ts'
import type { BuildResult, DistStats } from './build.ts'

export interface Measures {
  /** The archive: `data` or the synthetic archive's folder. */
  data: string
  /** Release pages in dist/ (after duplicates are merged), absent when the build failed. */
  releases?: number
  build: BuildResult
  /** Absent when the build failed, as is everything measured in the browser. */
  dist?: DistStats
  page?: PageMeasures
  /** The keystrokes and a search filled in at once; absent on a synthetic archive above 10,000 releases, where they are not measured. */
  search?: SearchMeasures
  /** The first search typed on a fresh visit, one run per visit (BENCH_FIRST_SEARCH_RUNS); measured at every size. */
  firstSearch?: FirstSearchRun[]
  /** Lighthouse on `/` and on a release, every run in the order they ran (BENCH_LIGHTHOUSE_RUNS); absent when that is 0. */
  lighthouse?: { home: LighthouseScores[]; article: LighthouseScores[] }
  /** Why the measurements in the browser stopped, when they did. */
  error?: string
}

export interface PageMeasures {
  /** Gzipped bytes of a first visit by kind (html, js, css, data, other) and in total. */
  firstLoad: Record<string, number>
  articleLoad: Record<string, number>
  articleSlug: string
  firstTitleMs: number
  /** The topic clicked on and off: the one with the most releases short of all of them. */
  filterTopic: string
  filter: Timing[]
  filterSlowEvents: number
  heapMB: number
}

export interface SearchMeasures {
  keystroke: Timing[]
  keystrokeSlowEvents: number
  searchBytesAfter: number
  searchReadyMs: number
  /** The longest main-thread task (Long Tasks API) while the first search loads; 0 when none passed 50 ms. */
  searchLongestTaskMs: number
}
