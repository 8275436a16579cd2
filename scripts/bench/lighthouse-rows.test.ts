import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LighthouseScores } from '../lighthouse-audit.ts'
import type { Column } from './budgets.ts'
import type { Measures } from './measures.ts'
import { report } from './report.ts'

/** A run that meets every budget, with `change` applied. */
function run(change: Partial<LighthouseScores> = {}): LighthouseScores {
  return {
    url: 'http://localhost:4200/',
    performance: 1,
    accessibility: 1,
    bestPractices: 1,
    seo: 1,
    lcpMs: 800,
    fcpMs: 700,
    tbtMs: 0,
    cls: 0,
    lcpElement: ['main > h1 <h1>'],
    failures: [],
    ...change,
  }
}

/** An archive built and audited, nothing else measured; `home` are the runs on `/`. */
function archive(home: LighthouseScores[]): Measures {
  return {
    data: 'data',
    build: { ok: true, seconds: 1 },
    lighthouse: { home, article: [run(), run(), run(), run(), run()].map((r) => ({ ...r, url: 'http://localhost:4200/articles/a' })) },
  }
}

/** What the bench prints for these archives: the table's cells by row label, and the whole text. */
function printed(seed: Measures, large: Measures, column: Column = '10k') {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  report({ name: 'seed', measures: seed }, { name: '10k', measures: large }, column, 100, 40)
  const text = log.mock.calls.map((args) => args.join(' ')).join('\n')
  const row = (label: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${label} `))
    if (!line) throw new Error(`no row “${label}” in\n${text}`)
    const [, seedCell, largeCell, , budget, status] = line.split('|').map((cell) => cell.trim())
    return { seed: seedCell, large: largeCell, budget, status: status ?? '' }
  }
  return { text, row }
}

const fine = () => [run(), run(), run(), run(), run()]

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the bench’s Lighthouse rows', () => {
  it('are ok when every run scores 1 with no blocking time and no layout shift', () => {
    const { row, text } = printed(archive(fine()), archive(fine()))
    expect(row('Lighthouse performance, / (worst of 5)')).toEqual({
      seed: '1.00',
      large: '1.00',
      budget: 'seed ≥ 0.99, 10k ≥ 0.99',
      status: 'ok',
    })
    expect(row('Lighthouse SEO, article (worst of 5)')).toMatchObject({ seed: '1.00', budget: 'seed = 1, 10k = 1', status: 'ok' })
    expect(row('Lighthouse TBT, / (ms, worst of 5)')).toMatchObject({ seed: '0.0', budget: 'seed ≤ 100, 10k ≤ 100', status: 'ok' })
    expect(row('Lighthouse CLS, article (worst of 5)')).toMatchObject({ seed: '0.00', budget: 'seed = 0, 10k = 0', status: 'ok' })
    expect(row('Lighthouse FCP, /: min / median / max')).toEqual({
      seed: '700 / 700 / 700 ms',
      large: '700 / 700 / 700 ms',
      budget: '',
      status: '',
    })
    expect(text).not.toContain('Lighthouse budgets missed')
  })

  it('judge the worst run: one run at 0.95 puts performance over budget, and the run is named', () => {
    const scores = [1, 0.95, 1, 0.99, 1]
    const home = scores.map((performance) =>
      run({
        performance,
        failures:
          performance < 0.99 ? [{ id: 'unused-javascript', title: 'Reduce unused JavaScript', items: ['url: /assets/vendor.js'] }] : [],
      }),
    )
    const { row, text } = printed(archive(home), archive(fine()))
    expect(row('Lighthouse performance, / (worst of 5)')).toMatchObject({ seed: '0.95', large: '1.00', status: 'OVER' })
    expect(row('Lighthouse performance, article (worst of 5)').status).toBe('ok')
    expect(text).toMatch(
      /Lighthouse performance, \/ \(worst of 5\)\s+\| 0\.95 .*\n {2}… min \/ median \/ max\s+\| 0\.95 \/ 1\.00 \/ 1\.00 /,
    )
    expect(text).toContain('seed http://localhost:4200/: performance 0.95 (run 2 of 5)')
    expect(text).toContain(
      '  run 2 of 5:\n    performance 0.95, LCP 800 ms, FCP 700 ms, TBT 0 ms, CLS 0.000\n    LCP element: main > h1 <h1>',
    )
    expect(text).toContain('    - unused-javascript: Reduce unused JavaScript\n        url: /assets/vendor.js')
  })

  it('hold the longest LCP and TBT, the largest CLS, and the median TBT to their budgets', () => {
    const home = [
      run({ lcpMs: 764, tbtMs: 20 }),
      run({ lcpMs: 812, tbtMs: 60 }),
      run({ lcpMs: 1120, tbtMs: 70, cls: 0.002 }),
      run({ lcpMs: 790, tbtMs: 80 }),
      run({ lcpMs: 900, tbtMs: 40 }),
    ]
    const { row, text } = printed(archive(fine()), archive(home))
    expect(row('Lighthouse LCP, / (ms, worst of 5)')).toMatchObject({ seed: '800', large: '1120', status: 'OVER' })
    expect(text).toMatch(
      /Lighthouse LCP, \/ \(ms, worst of 5\).*\n {2}… min \/ median \/ max\s+\| 800 \/ 800 \/ 800 ms\s+\| 764 \/ 812 \/ 1120 ms/,
    )
    expect(row('Lighthouse TBT, / (ms, worst of 5)')).toMatchObject({ large: '80.0', status: 'ok' })
    expect(row('  … median of 5 (ms)')).toMatchObject({ large: '60.0', budget: 'seed ≤ 50, 10k ≤ 50', status: 'OVER' })
    expect(row('Lighthouse CLS, / (worst of 5)')).toMatchObject({ large: '0.0020', status: 'OVER' })
    expect(text).toContain(
      '10k http://localhost:4200/: LCP 1120 ms (run 3 of 5), TBT median 60 ms (longest: run 4 of 5), CLS 0.002 (run 3 of 5)',
    )
    expect(text).toContain('  run 3 of 5:\n    performance 1.00, LCP 1120 ms, FCP 700 ms, TBT 70 ms, CLS 0.002')
    expect(text).toContain('  run 4 of 5:\n    performance 1.00, LCP 790 ms, FCP 700 ms, TBT 80 ms, CLS 0.000')
  })

  it('have no budget at 100k', () => {
    const slow = () => archive(fine().map((r) => ({ ...r, performance: 0.5 })))
    const { row, text } = printed(slow(), slow(), '100k')
    expect(row('Lighthouse performance, / (worst of 5)')).toMatchObject({ seed: '0.50', budget: '', status: '' })
    expect(text).not.toContain('Lighthouse budgets missed')
  })

  it('say why a page was not audited', () => {
    const { row } = printed(archive(fine()), { data: '.tmp/bench/corpus-10000', build: { ok: false, seconds: 3, exit: 'code 1' } })
    expect(row('Lighthouse performance, / (worst of 5)')).toMatchObject({ seed: '1.00', large: 'build failed', status: 'NOT MEASURED' })
    expect(row('  … min / median / max').large).toBe('build failed')
  })
})
