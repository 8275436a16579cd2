// The bench's Lighthouse rows, and what explains a missed Lighthouse budget.
import { CATEGORY_BUDGETS, type Column, LCP_BUDGET_MS, type LighthousePage, limitsOf, meets } from './budgets.ts'
import { type Archive, type Cell, cellOf, type Row } from './rows.ts'
import type { Measures } from './measures.ts'

const PAGES: [LighthousePage, string][] = [
  ['home', '/'],
  ['article', 'article'],
]

/** Category scores and LCP for `/` and the article; none when Lighthouse ran on neither archive. */
export function lighthouseRows(seed: Measures, large: Measures): Row[] {
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

/** The audits behind each missed Lighthouse budget: every page that misses one, with what fails. */
export function lighthouseFailures(archives: [Archive, 'seed' | 'large'][], largeColumn: Column | undefined): string[] {
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
