// The bench's table: one row per measure (rows.ts), the seed's value and the large archive's,
// their ratio, the budgets that apply (scripts/bench/budgets.ts) and whether they are met.
import { type Column, describeLimit, limitsOf, meets } from './budgets.ts'
import { lighthouseFailures, lighthouseRows } from './lighthouse-rows.ts'
import { type Archive, type Cell, type Row, rowsOf } from './rows.ts'

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
  if (kind === 'count') return cell.toFixed(0)
  const text = cell.toFixed(kind === 'score' ? 2 : Math.abs(cell) >= 100 ? 0 : 1)
  // A value that is not 0 does not print as 0 (a CLS of 0.002 misses its budget of 0).
  return cell !== 0 && Number(text) === 0 ? cell.toPrecision(2) : text
}

/** Prints the table and what explains a missed budget; returns whether a budget that applies is missed. */
/** `largeColumn`: the budgets' column of the large archive (none for a size without budgets). */
export function report(seed: Archive, large: Archive, largeColumn: Column | undefined, librariesKB: number, interactions: number): boolean {
  const table = [['measure', seed.name, large.name, 'ratio', 'budget', '']]
  let failed = false
  const inGiB = limitsOf('distMB', largeColumn).large?.text?.includes('GiB') ?? false
  const rows = [
    ...rowsOf(seed.measures, large.measures, librariesKB, interactions, inGiB),
    ...lighthouseRows(seed.measures, large.measures),
  ]
  for (const row of rows) {
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
  if (failures.length > 0) console.log(`\nLighthouse budgets missed, and the runs that missed them:\n${failures.join('\n')}`)
  console.log(failed ? '\nbench: a budget is exceeded' : '\nbench: every budget met')
  return failed
}
